package io.infrasystem.cert.domain.dns;

import java.time.Instant;

/**
 * A domain's last DNS lookup as the API shows it ({@code dns} of a domain).
 *
 * @param result its outcome, {@code null} before the first
 * @param error what went wrong (the record type and the resolver's answer or the timeout)
 * @param checkedAt when it ran
 */
public record DnsCheckDto(DnsResult result, String error, Instant checkedAt) {}
