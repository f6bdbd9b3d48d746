package io.infrasystem.cert.ignore;

import jakarta.persistence.Entity;

/**
 * A pattern of certificates that uploads and scans do not keep ({@code ignored_certificate}); it
 * is tried against the common name, the subject DN and the SHA-256 thumbprint.
 */
@Entity
public class IgnoredCertificate extends IgnorePattern {}
