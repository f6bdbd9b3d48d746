package io.infrasystem.realtime.event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in one instance's event stream, written {@code <epoch>-<sequence>}: the epoch names
 * the instance's run (random, base 36), the sequence counts the events it received from 1. A cursor
 * is meaningful only to the run that issued it.
 *
 * @param epoch the issuing run
 * @param sequence the event's number in that run
 */
public record Cursor(String epoch, long sequence) {

    private static final Pattern SYNTAX = Pattern.compile("([a-z0-9]{1,16})-(\\d{1,18})");

    /**
     * @param text a cursor as issued
     * @return the cursor
     * @throws IllegalArgumentException when the text is not a cursor
     */
    public static Cursor parse(String text) {
        Matcher matcher = text == null ? null : SYNTAX.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(
                    "cursor '" + abbreviate(text) + "' is not a cursor of this service (expected <epoch>-<sequence>)");
        }
        return new Cursor(matcher.group(1), Long.parseLong(matcher.group(2)));
    }

    @Override
    public String toString() {
        return epoch + "-" + sequence;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.substring(0, Math.min(text.length(), 40));
    }
}
