package io.infrasystem.commons.crud;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The base entity of every resource served by {@link EntityCrudService}: the {@link Stamped} row
 * ({@code id}, {@code created_at}/{@code updated_at}, UTC, set on insert and update) plus the
 * optimistic-locking {@code version} (sent as the ETag, checked against {@code If-Match}). The
 * table needs the four columns {@code id} (auto-increment or identity), {@code version},
 * {@code created_at}, {@code updated_at}.
 */
@MappedSuperclass
public abstract class Tracked extends Stamped {

    @Version
    public long version;
}
