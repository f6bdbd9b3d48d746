package io.infrasystem.e2e;

import java.util.Locale;

/** Prints what each step of a scenario did and how long it took, as the CI log asks. */
final class Steps {

    /** A step's body. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws Exception;
    }

    private Steps() {}

    /**
     * Runs a step and prints {@code [e2e] <name>: <outcome> (<seconds> s)}.
     *
     * @param name what the step does
     * @param body the step; its result's {@code toString()} is printed as the outcome
     * @return the body's result
     * @throws Exception whatever the body throws, after printing {@code FAILED}
     */
    static <T> T step(String name, Body<T> body) throws Exception {
        long start = System.nanoTime();
        try {
            T result = body.run();
            print(name, result == null ? "ok" : String.valueOf(result), start);
            return result;
        } catch (Exception | AssertionError e) {
            print(name, "FAILED: " + e.getMessage(), start);
            throw e;
        }
    }

    private static void print(String name, String outcome, long start) {
        System.out.printf(Locale.ROOT, "[e2e] %-70s %s (%.2f s)%n", name, outcome, (System.nanoTime() - start) / 1e9);
    }
}
