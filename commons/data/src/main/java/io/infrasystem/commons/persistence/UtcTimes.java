package io.infrasystem.commons.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Conversions for {@code datetime(6)} columns, which hold UTC wall-clock time on both PostgreSQL
 * ({@code timestamp without time zone}) and MariaDB ({@code datetime}); JDBC binds them as
 * {@link LocalDateTime}, which both drivers accept.
 */
public final class UtcTimes {

    private UtcTimes() {}

    /** @return {@code instant} as UTC wall-clock time, truncated to microseconds (the column precision) */
    public static LocalDateTime toColumn(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** @return the instant a UTC wall-clock column value stands for, or {@code null} */
    public static Instant fromColumn(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
