package io.infrasystem.cert.domain.dns;

import java.time.Instant;

/**
 * A DNS record change as the API shows it.
 *
 * @param id change id
 * @param domainId the domain
 * @param domain its name
 * @param recordType the record's type
 * @param value the record's RDATA in presentation format
 * @param ttl seconds (as added, or as last seen before removal)
 * @param action {@code added} or {@code removed}
 * @param changedAt the lookup that saw the change
 */
public record DnsRecordChangeDto(
        long id,
        long domainId,
        String domain,
        String recordType,
        String value,
        long ttl,
        String action,
        Instant changedAt) {}
