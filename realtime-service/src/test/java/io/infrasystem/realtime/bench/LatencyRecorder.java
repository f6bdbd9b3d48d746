package io.infrasystem.realtime.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Collects latencies (nanoseconds) from many threads and reports percentiles in milliseconds. */
final class LatencyRecorder {

    private final long[] samples;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong lastAt = new AtomicLong();

    LatencyRecorder(int capacity) {
        samples = new long[capacity];
    }

    void record(long sentNanos) {
        long now = System.nanoTime();
        int index = count.getAndIncrement();
        if (index < samples.length) {
            samples[index] = now - sentNanos;
        }
        lastAt.accumulateAndGet(now, Math::max);
    }

    int count() {
        return count.get();
    }

    long lastAt() {
        return lastAt.get();
    }

    /** @return {@code p50 p95 p99 max} in ms with three decimals */
    String summary() {
        long[] sorted = Arrays.copyOf(samples, Math.min(count.get(), samples.length));
        Arrays.sort(sorted);
        return String.format(
                "n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms",
                sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
    }

    double percentileMs(double p) {
        long[] sorted = Arrays.copyOf(samples, Math.min(count.get(), samples.length));
        Arrays.sort(sorted);
        return ms(sorted, p);
    }

    private static double ms(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    /** @return the {@code "sent_nanos":<n>} value in a message, or -1 */
    static long sentNanos(String json) {
        int at = json.indexOf("\"sent_nanos\":");
        if (at < 0) {
            return -1;
        }
        int start = at + 13;
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return Long.parseLong(json, start, end, 10);
    }
}
