package io.infrasystem.cert.domain.dns;

import io.infrasystem.cert.domain.Domain;
import io.infrasystem.commons.crud.Stamped;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A DNS record of a domain as last seen ({@code dns_record}); unique per domain, type and value. */
@Entity
public class DnsRecord extends Stamped {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Domain domain;

    public String recordType;
    public String value;
    public long ttl;
    public Instant firstSeenAt;
    public Instant lastSeenAt;

    /** @return the API view */
    public DnsRecordDto dto() {
        return new DnsRecordDto(id, domain.id, domain.name, recordType, value, ttl, firstSeenAt, lastSeenAt);
    }
}
