package io.infrasystem.commons.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * A field that a list endpoint lets callers filter and order by: its public name (the query
 * parameter, snake_case), the query expression it stands for (HQL or SQL, written by the resource
 * and never by the caller), its kind and how a query-string value becomes a bound parameter.
 *
 * @param name public name, e.g. {@code vm_name}
 * @param expression the expression in the target query language, e.g. {@code v.vmName}; for
 *     {@link FieldKind#MEMBERSHIP} a boolean expression containing {@code :values}
 * @param kind which lookups apply
 * @param converter turns one query-string value into the bound value; throws
 *     {@link IllegalArgumentException} with a message for the caller when it cannot
 * @param orderable whether {@code ordering} may name this field
 */
public record FilterField(
        String name, String expression, FieldKind kind, Function<String, Object> converter, boolean orderable) {

    /** @return a text field, compared as given (exact) or case-insensitively (the {@code i} lookups) */
    public static FilterField text(String name, String expression) {
        return new FilterField(name, expression, FieldKind.TEXT, v -> v, true);
    }

    /** @return a whole-number field (bound as {@code Long}) */
    public static FilterField integer(String name, String expression) {
        return ordered(name, expression, Long::parseLong, NumberFormatException.class, "must be a whole number");
    }

    /** @return a decimal field (bound as {@code BigDecimal}) */
    public static FilterField decimal(String name, String expression) {
        return ordered(name, expression, BigDecimal::new, NumberFormatException.class, "must be a number");
    }

    /** @return a calendar-date field, values {@code YYYY-MM-DD} (bound as {@code LocalDate}) */
    public static FilterField date(String name, String expression) {
        return ordered(
                name, expression, LocalDate::parse, DateTimeParseException.class, "must be a date as YYYY-MM-DD");
    }

    /**
     * @return a point-in-time field; values are ISO-8601 with an offset ({@code 2026-01-31T10:00:00Z})
     *     or a date, meaning its start in UTC (bound as {@code Instant})
     */
    public static FilterField timestamp(String name, String expression) {
        return new FilterField(name, expression, FieldKind.ORDERED, FilterField::instant, true);
    }

    /** @return a boolean field; values {@code true}/{@code false} (also {@code 1}/{@code 0}) */
    public static FilterField bool(String name, String expression) {
        return new FilterField(name, expression, FieldKind.BOOLEAN, FilterField::bool, true);
    }

    /** @return a UUID field (bound as {@code UUID}) */
    public static FilterField uuid(String name, String expression) {
        return parsed(
                name, expression, FieldKind.CHOICE, UUID::fromString, IllegalArgumentException.class, "must be a UUID");
    }

    /**
     * @param type the enum whose constants, lower-cased, are the accepted values
     * @return a choice field bound as the enum constant (for {@code @Enumerated} attributes)
     */
    public static <E extends Enum<E>> FilterField choice(String name, String expression, Class<E> type) {
        return new FilterField(
                name,
                expression,
                FieldKind.CHOICE,
                v -> {
                    for (E constant : type.getEnumConstants()) {
                        if (constant.name().equalsIgnoreCase(v.strip())) {
                            return constant;
                        }
                    }
                    throw new IllegalArgumentException("must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .toList());
                },
                true);
    }

    /**
     * @param values the accepted values, bound as they are (strings)
     * @return a choice field over plain string values (for SQL columns)
     */
    public static FilterField choice(String name, String expression, Set<String> values) {
        Set<String> sorted = new TreeSet<>(values);
        return new FilterField(
                name,
                expression,
                FieldKind.CHOICE,
                v -> {
                    if (!values.contains(v.strip())) {
                        throw new IllegalArgumentException("must be one of " + sorted);
                    }
                    return v.strip();
                },
                true);
    }

    /**
     * A membership filter whose test the resource writes, e.g. for tags:
     * {@code exists (select 1 from VmTag t where t.vm = v and t.name in (:values))}. Repeated values
     * match any of them; {@code __n} negates the whole test.
     *
     * @param condition boolean expression containing the placeholder {@code :values}
     * @param converter conversion of each value, e.g. {@code v -> v} or {@code Long::valueOf}
     */
    public static FilterField membership(String name, String condition, Function<String, Object> converter) {
        if (!condition.contains(":values")) {
            throw new IllegalArgumentException("membership condition needs the :values placeholder");
        }
        return new FilterField(name, condition, FieldKind.MEMBERSHIP, converter, false);
    }

    /** @return a copy that cannot be named in {@code ordering} */
    public FilterField notOrderable() {
        return new FilterField(name, expression, kind, converter, false);
    }

    /** A {@link FieldKind#ORDERED} field as {@link #parsed}. */
    private static FilterField ordered(
            String name,
            String expression,
            Function<String, Object> parser,
            Class<? extends RuntimeException> failure,
            String mustBe) {
        return parsed(name, expression, FieldKind.ORDERED, parser, failure, mustBe);
    }

    /**
     * A field whose values {@code parser} reads after stripping blanks; a {@code failure} it throws
     * becomes the message "{@code mustBe}", any other exception passes unchanged.
     */
    private static FilterField parsed(
            String name,
            String expression,
            FieldKind kind,
            Function<String, Object> parser,
            Class<? extends RuntimeException> failure,
            String mustBe) {
        return new FilterField(
                name,
                expression,
                kind,
                v -> {
                    try {
                        return parser.apply(v.strip());
                    } catch (RuntimeException e) {
                        if (failure.isInstance(e)) {
                            throw new IllegalArgumentException(mustBe);
                        }
                        throw e;
                    }
                },
                true);
    }

    private static Object instant(String raw) {
        String v = raw.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException("must be an ISO-8601 time with offset, e.g. 2026-01-31T10:00:00Z");
            }
        }
    }

    private static Object bool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }
}
