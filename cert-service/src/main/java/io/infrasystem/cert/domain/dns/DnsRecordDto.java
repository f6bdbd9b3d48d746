package io.infrasystem.cert.domain.dns;

import java.time.Instant;

/**
 * A current DNS record as the API shows it.
 *
 * @param id record id
 * @param domainId the domain that owns it
 * @param domain its name (the record's owner name)
 * @param recordType A, AAAA, CNAME, MX, NS, TXT, CAA or SOA
 * @param value RDATA in presentation format
 * @param ttl seconds, as last seen
 * @param firstSeenAt the lookup that first saw it
 * @param lastSeenAt the last lookup that saw it
 */
public record DnsRecordDto(
        long id,
        long domainId,
        String domain,
        String recordType,
        String value,
        long ttl,
        Instant firstSeenAt,
        Instant lastSeenAt) {}
