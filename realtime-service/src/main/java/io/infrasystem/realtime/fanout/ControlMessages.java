package io.infrasystem.realtime.fanout;

import java.util.List;

/** The JSON control messages the server sends besides events; each has a {@code kind}. */
public final class ControlMessages {

    private ControlMessages() {}

    /**
     * Confirms the connection's subscription after it was set or changed.
     *
     * @param kind {@code subscribed}
     * @param types the type patterns now in force
     * @param subjects the subjects now in force (empty: any subject)
     * @param cursor the newest cursor at the time of the confirmation
     */
    public record Subscribed(String kind, List<String> types, List<String> subjects, String cursor) {
        /**
         * @return the confirmation
         */
        public static Subscribed of(List<String> types, List<String> subjects, String cursor) {
            return new Subscribed("subscribed", types, subjects, cursor);
        }
    }

    /**
     * Tells a resuming client that events after its cursor are no longer held: it must reload its
     * state, then continue from {@code cursor}.
     *
     * @param kind {@code reset}
     * @param reason why
     * @param cursor the newest cursor: live events continue after it
     */
    public record Reset(String kind, String reason, String cursor) {
        /**
         * @return the reset message
         */
        public static Reset of(String reason, String cursor) {
            return new Reset("reset", reason, cursor);
        }
    }

    /**
     * Answers a malformed client message; the connection stays open and unchanged.
     *
     * @param kind {@code error}
     * @param detail what was wrong
     */
    public record Error(String kind, String detail) {
        /**
         * @return the error message
         */
        public static Error of(String detail) {
            return new Error("error", detail);
        }
    }
}
