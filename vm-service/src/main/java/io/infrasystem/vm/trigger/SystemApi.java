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
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** @return the API view */
    public SystemApiDto dto() {
        return new SystemApiDto(id, name, url, method, resourceType, source, active, version, createdAt, updatedAt);
    }

    /** @return the source its runs are for: {@link #source}, else the name */
    public String runSource() {
        return source != null && !source.isBlank() ? source : name;
    }
}
