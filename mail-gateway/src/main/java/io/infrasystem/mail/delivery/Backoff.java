package io.infrasystem.mail.delivery;

import java.time.Duration;

/** Exponential back-off: {@code initial × 2^(attempts-1)}, capped at {@code max}. */
public final class Backoff {

    private Backoff() {}

    /**
     * @param attempts failed attempts so far (1 or more)
     * @param initial wait after the first failure
     * @param max longest wait
     * @return the wait before the next attempt
     */
    public static Duration after(int attempts, Duration initial, Duration max) {
        Duration wait = initial;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
