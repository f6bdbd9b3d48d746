package io.infrasystem.commons.crud;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The base entity of every resource served by {@link EntityCrudService}: an identity {@code id},
 * the optimistic-locking {@code version} (sent as the ETag, checked against {@code If-Match}) and
 * {@code created_at}/{@code updated_at} (UTC, set on insert and update). The table needs the four
 * columns {@code id} (auto-increment or identity), {@code version}, {@code created_at},
 * {@code updated_at}.
 */
@MappedSuperclass
public abstract class Tracked extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void stampCreation() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = Instant.now();
    }
}
