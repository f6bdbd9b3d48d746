package io.infrasystem.cert.domain.dns;

import io.infrasystem.cert.domain.Domain;
import io.infrasystem.commons.crud.Stamped;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * A change of a domain's DNS records ({@code dns_record_change}): a record that appeared
 * ({@code added}) or disappeared ({@code removed}) between two lookups. A changed value is a removal
 * and an addition; a changed TTL alone is not a change.
 */
@Entity
public class DnsRecordChange extends Stamped {

    /** {@code action} of a record that appeared. */
    public static final String ADDED = "added";
    /** {@code action} of a record that disappeared. */
    public static final String REMOVED = "removed";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Domain domain;

    public String recordType;
    public String value;
    public long ttl;
    public String action;
    public Instant changedAt;

    /** @return the API view */
    public DnsRecordChangeDto dto() {
        return new DnsRecordChangeDto(id, domain.id, domain.name, recordType, value, ttl, action, changedAt);
    }
}
