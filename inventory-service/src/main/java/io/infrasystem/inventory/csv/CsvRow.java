package io.infrasystem.inventory.csv;

import io.infrasystem.commons.crud.CsvCells;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row of an imported CSV file with typed access to its cells. An empty cell is
 * {@code null}; the {@code '} that exports put before formula-like text is removed
 * ({@link CsvCells#unescape}); a column absent from the header is {@linkplain #has absent}, so an update keeps
 * that field. Values that do not parse throw {@link CellException} naming the column.
 */
public final class CsvRow {

    private final CSVRecord record;
    private final Map<String, Integer> header;
    private final long line;

    CsvRow(CSVRecord record, Map<String, Integer> header, long line) {
        this.record = record;
        this.header = header;
        this.line = line;
    }

    /** @return the 1-based line of the file where this row starts */
    public long line() {
        return line;
    }

    /**
     * Describes why this row was refused, as import errors on its line: a {@link CellException}
     * names its column; each field of a {@link ProblemException} is mapped to its column (a
     * {@code <relation>_id} field to the {@code <relation>} column when the file names it so).
     *
     * @param refusal a {@link CellException} or {@link ProblemException}
     * @return one error per problem, at least one
     */
    public List<ImportError> errors(RuntimeException refusal) {
        if (refusal instanceof CellException cell) {
            return List.of(new ImportError(line, column(cell.column()), cell.column(), cell.getMessage()));
        }
        ProblemException problem = (ProblemException) refusal;
        if (problem.errors().isEmpty()) {
            return List.of(new ImportError(line, null, null, problem.getMessage()));
        }
        List<ImportError> errors = new ArrayList<>();
        for (FieldError error : problem.errors()) {
            String field = error.field();
            String column = field.endsWith("_id") && !header.containsKey(field)
                    ? field.substring(0, field.length() - 3)
                    : field;
            column = column.replaceAll("\\[\\d+]$", "");
            errors.add(new ImportError(line, column(column), column, error.message()));
        }
        return errors;
    }

    private Integer column(String name) {
        Integer index = header.get(name);
        return index == null ? null : index + 1;
    }

    /** @return whether the file has this column */
    public boolean has(String column) {
        return header.containsKey(column);
    }

    /** @return the stripped text, {@code null} when empty or the column is absent */
    public String text(String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = CsvCells.unescape(record.get(index)).strip();
        return value.isEmpty() ? null : value;
    }

    /** @return the text, or {@code fallback} when the file has no such column */
    public String text(String column, String fallback) {
        return has(column) ? text(column) : fallback;
    }

    /** @return a whole number, {@code null} when empty */
    public Long integer(String column) {
        return parsed(column, Long::valueOf, "must be a whole number");
    }

    /**
     * @return a whole number that fits an {@code int}, {@code null} when empty
     * @throws CellException when it is not a whole number or out of the {@code int} range
     */
    public Integer smallInteger(String column) {
        Long value = integer(column);
        if (value == null) {
            return null;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new CellException(column, "is out of range");
        }
        return value.intValue();
    }

    /** @return as {@link #smallInteger(String)}, or {@code fallback} when the file has no such column */
    public Integer smallInteger(String column, Integer fallback) {
        return has(column) ? smallInteger(column) : fallback;
    }

    /** @return a decimal number, {@code null} when empty */
    public BigDecimal decimal(String column) {
        return parsed(column, BigDecimal::new, "must be a number");
    }

    /** @return as {@link #decimal(String)}, or {@code fallback} when the file has no such column */
    public BigDecimal decimal(String column, BigDecimal fallback) {
        return has(column) ? decimal(column) : fallback;
    }

    /** @return a date {@code YYYY-MM-DD}, {@code null} when empty */
    public LocalDate date(String column) {
        return parsed(column, LocalDate::parse, "must be a date as YYYY-MM-DD");
    }

    /** @return the parsed cell, {@code null} when empty; a cell that does not parse is refused with {@code rule} */
    private <T> T parsed(String column, Function<String, T> parser, String rule) {
        String value = text(column);
        try {
            return value == null ? null : parser.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new CellException(column, rule + ", not '" + value + "'");
        }
    }

    /** @return as {@link #date(String)}, or {@code fallback} when the file has no such column */
    public LocalDate date(String column, LocalDate fallback) {
        return has(column) ? date(column) : fallback;
    }

    /** @return {@code true}/{@code false} (also {@code 1}/{@code 0}, {@code yes}/{@code no}), {@code null} when empty */
    public Boolean bool(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new CellException(column, "must be true or false, not '" + value + "'");
        };
    }

    /** @return as {@link #bool(String)}, or {@code fallback} when the file has no such column */
    public Boolean bool(String column, Boolean fallback) {
        return has(column) ? bool(column) : fallback;
    }

    /** @return the enum constant of a lower-case wire value, {@code null} when empty */
    public <E extends Enum<E> & WireEnum> E choice(String column, Class<E> type) {
        String value = text(column);
        try {
            return value == null ? null : WireEnum.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw new CellException(column, e.getMessage());
        }
    }

    /** @return as {@link #choice(String, Class)}, or {@code fallback} when the file has no such column */
    public <E extends Enum<E> & WireEnum> E choice(String column, Class<E> type, E fallback) {
        return has(column) ? choice(column, type) : fallback;
    }

    /** @return the values of a comma-separated cell, empty when the cell is */
    public List<String> list(String column) {
        String value = text(column);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
    }

    /** @return as {@link #list(String)}, or {@code fallback} when the file has no such column */
    public List<String> list(String column, List<String> fallback) {
        return has(column) ? list(column) : fallback;
    }
}
