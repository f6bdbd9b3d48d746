package io.infrasystem.cert.certificate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a caller sends to add one certificate or change its tags, notes and alert thresholds. Bundles, DER and
 * PKCS#7 files go to {@code POST /api/cert/certificates/upload}.
 *
 * @param pem exactly one PEM {@code CERTIFICATE} block; on an update it must be the stored
 *     certificate (a certificate's content never changes: a new one is a new resource)
 * @param tags free tags, each 1–100 characters
 * @param notes at most 4000 characters
 * @param alertThresholdDays days before {@code not_after} at which this certificate's expiry is
 *     alerted (each 1–{@value #MAX_THRESHOLD_DAYS}, at most {@value #MAX_THRESHOLDS} values; stored
 *     without repeats, largest first); {@code null} (or absent): the global
 *     {@code infra.cert.alerts.threshold-days}; empty: no expiry alerts for it
 */
public record CertificateInput(
        @NotBlank @Size(max = 65536) String pem,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 4000) String notes,
        @Size(max = MAX_THRESHOLDS) List<@NotNull @Positive @Max(MAX_THRESHOLD_DAYS) Integer> alertThresholdDays) {

    /** The most thresholds a certificate may have. */
    public static final int MAX_THRESHOLDS = 10;

    /** The largest threshold, in days (ten years). */
    public static final int MAX_THRESHOLD_DAYS = 3650;
}
