package io.infrasystem.gateway.ratelimit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The rate limits an administrator stored (table {@code rate_limit_settings}): one row with id 1,
 * absent until they are first saved (the configuration's {@code infra.gateway.rate-limit.*} apply
 * until then).
 */
@Entity
public class RateLimitSettings extends PanacheEntityBase {
    /** The id of the one row. */
    public static final int ROW = 1;

    @Id
    public Integer id;

    /** Requests per period of one authenticated principal. */
    public long principal;

    /** Requests per period of one client IP on public paths (and again for refused credentials). */
    public long anonymous;

    /** Requests per period of one client IP to {@code /api/gateway/**}. */
    public long ownEndpoints;

    /** Refill period of the buckets, seconds. */
    public int periodSeconds;

    /** User name of the administrator who saved them last. */
    public String updatedBy;

    @Version
    public long version;

    public Instant createdAt;
    public Instant updatedAt;
}
