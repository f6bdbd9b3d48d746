package io.infrasystem.cert.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a caller sends to add one certificate or change its tags and notes. Bundles, DER and
 * PKCS#7 files go to {@code POST /api/cert/certificates/upload}.
 *
 * @param pem exactly one PEM {@code CERTIFICATE} block; on an update it must be the stored
 *     certificate (a certificate's content never changes: a new one is a new resource)
 * @param tags free tags, each 1–100 characters
 * @param notes at most 4000 characters
 */
public record CertificateInput(
        @NotBlank @Size(max = 65536) String pem,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 4000) String notes) {}
