package io.infrasystem.vm.trigger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An n8n webhook that starts a sync of one vCenter or Prism Central ({@code system_api}). */
@Entity
@Table(name = "system_api")
public class SystemApi extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String url;
    public String method;

    @Column(name = "resource_type")
    public String resourceType;

    public String source;

    @Column(name = "is_active")
    public boolean active;
    /** Header the trigger sends to authenticate at n8n (Header Auth), null when the webhook is open. */
    @Column(name = "auth_header_name")
    public String authHeaderName;
    /** The header's secret value, stored as given; never leaves the service except towards the webhook. */
    @Column(name = "auth_header_value")
    public String authHeaderValue;
    /** When the header was last set, changed or cleared (UTC), null when never. */
    @Column(name = "auth_header_changed_at")
    public Instant authHeaderChangedAt;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** @return the API view, which tells whether a secret is set but never carries it */
    public SystemApiDto dto() {
        return new SystemApiDto(
                id,
                name,
                url,
                method,
                resourceType,
                source,
                active,
                authHeaderName,
                authHeaderValue != null,
                authHeaderChangedAt,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the source its runs are for: {@link #source}, else the name */
    public String runSource() {
        return source != null && !source.isBlank() ? source : name;
    }
}
