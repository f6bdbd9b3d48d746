package io.infrasystem.cert.x509;

/**
 * One subject alternative name of a certificate.
 *
 * @param type its kind
 * @param value DNS names and e-mail addresses as written in the certificate, IP addresses in their
 *     textual form ({@code 192.0.2.1}, {@code 2001:db8:0:0:0:0:0:1}), URIs as written, other kinds
 *     as {@code dirName:<DN>}, {@code otherName:<OID>}, {@code registeredID:<OID>}
 */
public record SubjectAltName(SanType type, String value) {}
