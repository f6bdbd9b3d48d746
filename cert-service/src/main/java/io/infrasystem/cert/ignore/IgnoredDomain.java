package io.infrasystem.cert.ignore;

import jakarta.persistence.Entity;

/** A pattern of domain names that SAN association and scans skip ({@code ignored_domain}). */
@Entity
public class IgnoredDomain extends IgnorePattern {}
