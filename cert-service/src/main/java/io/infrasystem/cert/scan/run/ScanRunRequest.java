package io.infrasystem.cert.scan.run;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a caller sends to start a scan run.
 *
 * @param targetIds the scan targets to scan (at most 10,000); absent or empty: every enabled target
 */
public record ScanRunRequest(@Size(max = 10000) List<Long> targetIds) {}
