package io.infrasystem.commons.crud;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The base of every stored row: an identity {@code id} and {@code created_at}/{@code updated_at}
 * (UTC, both set on insert, {@code updated_at} again on update). Rows that are only ever appended
 * (a log, a generated key) extend it directly; resources edited through the API extend
 * {@link Tracked}, which adds the optimistic-locking version. The table needs the columns
 * {@code id} (auto-increment or identity), {@code created_at} and {@code updated_at}. The stamps
 * are kept at the columns' precision (microseconds, {@code datetime(6)}), so the answer to a write
 * shows the times a later read shows.
 */
@MappedSuperclass
public abstract class Stamped extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @PrePersist
    void stampCreation() {
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = now();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
