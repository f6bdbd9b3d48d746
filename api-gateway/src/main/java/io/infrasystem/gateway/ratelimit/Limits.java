package io.infrasystem.gateway.ratelimit;

import java.time.Duration;

/**
 * The rate limits in force: requests per {@code period} for each bucket kind.
 *
 * @param principal requests per period of one authenticated principal
 * @param anonymous requests per period of one client IP on public paths, and as much again for
 *     requests of one client IP without a valid credential
 * @param ownEndpoints requests per period of one client IP to {@code /api/gateway/**}
 * @param period refill period of every bucket
 */
public record Limits(long principal, long anonymous, long ownEndpoints, Duration period) {}
