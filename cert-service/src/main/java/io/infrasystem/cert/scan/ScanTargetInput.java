package io.infrasystem.cert.scan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a caller sends to create or change a scan target. Host and port must pass the scanner's
 * network policy when scanned, not when saved.
 *
 * @param host DNS name or IP literal, 1–255 characters
 * @param port 1–65535
 * @param sni server name to send, at most 255 characters
 * @param starttls {@code none} when absent
 * @param scheduleMinutes 5–525600, or absent for on demand only
 * @param profile at most 50 characters
 * @param enabled {@code true} when absent
 * @param notes at most 4000 characters
 */
public record ScanTargetInput(
        @NotBlank @Size(max = 255) String host,
        @Min(1) @Max(65535) int port,
        @Size(max = 255) String sni,
        StartTls starttls,
        @Min(5) @Max(525600) Integer scheduleMinutes,
        @Size(max = 50) String profile,
        Boolean enabled,
        @Size(max = 4000) String notes) {}
