package io.infrasystem.cert.domain.rdap;

import java.time.Instant;
import java.util.List;

/**
 * What an RDAP domain answer says about a registration.
 *
 * @param registrar the registrar's name, or {@code null} when the answer names none
 * @param registrarIanaId its IANA Registrar ID, or {@code null}
 * @param registeredAt event {@code registration}, or {@code null}
 * @param expiresAt event {@code expiration}, or {@code null}
 * @param changedAt event {@code last changed}, or {@code null}
 * @param statuses status values as answered
 * @param nameservers name servers, lower-case, without a trailing dot
 */
public record RegistrationData(
        String registrar,
        String registrarIanaId,
        Instant registeredAt,
        Instant expiresAt,
        Instant changedAt,
        List<String> statuses,
        List<String> nameservers) {}
