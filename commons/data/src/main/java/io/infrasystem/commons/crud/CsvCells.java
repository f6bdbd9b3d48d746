package io.infrasystem.commons.crud;

import java.util.ArrayList;
import java.util.List;

/**
 * Protection of CSV files against formula injection (OWASP "CSV Injection"): a spreadsheet runs a
 * cell beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a
 * formula, so every export writes such a cell with a leading {@code '} and every import removes
 * exactly that prefix. A text that already begins with {@code '} followed (after any further
 * {@code '}) by one of those characters gets one more {@code '}, so {@code unescape(escape(v))}
 * equals {@code v} for every text and an export → import round trip is exact.
 *
 * <p>Numbers, booleans and other non-text values are written as they are: a spreadsheet reads
 * {@code -5} as a number, never as a formula.
 */
public final class CsvCells {

    /** The prefix that makes a spreadsheet read a cell as text. */
    public static final char PREFIX = '\'';

    private CsvCells() {}

    /**
     * @param value a cell's value (any object; {@code null} stays {@code null})
     * @return the value to print: a {@link CharSequence} through {@link #escape(String)}, anything
     *     else unchanged
     */
    public static Object cell(Object value) {
        return value instanceof CharSequence text ? escape(text.toString()) : value;
    }

    /**
     * @param values a record's cells
     * @return a new list with every cell through {@link #cell(Object)}
     */
    public static List<Object> record(Iterable<?> values) {
        List<Object> out = new ArrayList<>();
        for (Object value : values) {
            out.add(cell(value));
        }
        return out;
    }

    /**
     * @param text a cell's text, or {@code null}
     * @return the text with a leading {@code '} when a spreadsheet would run it as a formula (or when
     *     it would otherwise be mistaken for an escaped cell on import)
     */
    public static String escape(String text) {
        return needsPrefix(text, 0) ? PREFIX + text : text;
    }

    /**
     * @param text a cell read from a CSV file, or {@code null}
     * @return the cell without the one {@code '} that {@link #escape(String)} adds; any other text
     *     unchanged
     */
    public static String unescape(String text) {
        if (text != null && !text.isEmpty() && text.charAt(0) == PREFIX && needsPrefix(text, 1)) {
            return text.substring(1);
        }
        return text;
    }

    /** Whether {@code text} from {@code from} is {@code '*} followed by a formula trigger. */
    private static boolean needsPrefix(String text, int from) {
        if (text == null) {
            return false;
        }
        int i = from;
        while (i < text.length() && text.charAt(i) == PREFIX) {
            i++;
        }
        return i < text.length() && isTrigger(text.charAt(i));
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
