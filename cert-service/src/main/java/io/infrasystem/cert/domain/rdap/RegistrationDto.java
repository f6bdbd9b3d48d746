package io.infrasystem.cert.domain.rdap;

import java.time.Instant;
import java.util.List;

/**
 * A domain's registration as the API shows it ({@code registration} of a domain).
 *
 * @param registrar the registrar's name, or {@code null} when unknown
 * @param registrarIanaId its IANA Registrar ID
 * @param registeredAt RDAP event {@code registration}
 * @param expiresAt RDAP event {@code expiration}
 * @param lastChangedAt RDAP event {@code last changed}
 * @param status RDAP status values
 * @param nameservers name servers, lower-case
 * @param rdapUrl the URL of the last query
 * @param result the outcome of the last query, {@code null} before the first
 * @param error what went wrong in the last query
 * @param checkedAt the last query
 * @param succeededAt the last query whose answer was stored
 * @param retryAt no scheduled query before this time (after a 429)
 */
public record RegistrationDto(
        String registrar,
        String registrarIanaId,
        Instant registeredAt,
        Instant expiresAt,
        Instant lastChangedAt,
        List<String> status,
        List<String> nameservers,
        String rdapUrl,
        RdapResult result,
        String error,
        Instant checkedAt,
        Instant succeededAt,
        Instant retryAt) {}
