package io.infrasystem.cert.domain;

import io.infrasystem.cert.domain.dns.DnsCheck;
import io.infrasystem.cert.domain.rdap.Registration;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/**
 * The refreshed state of a domain — RDAP registration data and the last DNS lookup — as an entity of
 * its own over the same {@code domain} row, without its version: a refresh is not an edit, so it
 * bumps no version (an editor's {@code ETag} stays good) and writes no audit entry. Only the
 * refreshes write through it ({@code @DynamicUpdate}: the changed columns only); {@link Domain}
 * reads the same columns.
 */
@Entity
@Table(name = "domain")
@DynamicUpdate
public class DomainState extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(insertable = false, updatable = false)
    public String name;

    @Column(name = "parent_id", insertable = false, updatable = false)
    public Long parentId;

    @Embedded
    public Registration registration;

    @Embedded
    public DnsCheck dns;

    /** @return the registration data, created empty when none was stored yet */
    public Registration registration() {
        if (registration == null) {
            registration = new Registration();
        }
        return registration;
    }

    /** @return the DNS lookup state, created empty when there was none yet */
    public DnsCheck dns() {
        if (dns == null) {
            dns = new DnsCheck();
        }
        return dns;
    }
}
