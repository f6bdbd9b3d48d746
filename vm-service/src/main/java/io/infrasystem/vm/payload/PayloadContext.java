package io.infrasystem.vm.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.vm.facts.VmFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading helpers shared by the parsers, which collect every problem of a payload (with its JSON
 * path, e.g. {@code entities[3].status.resources.memory_size_mib}) instead of stopping at the first.
 * Unit conversions live here so that every shape converts the same way.
 */
final class PayloadContext {

    private static final BigDecimal BYTES_PER_GIB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);
    private static final long BYTES_PER_MIB = 1L << 20;

    private final List<FieldError> errors = new ArrayList<>();

    /** Reads one VM of a payload; {@code path} is the JSON path of {@code item}. */
    @FunctionalInterface
    interface VmReader {
        VmFacts read(JsonNode item, String path);
    }

    /**
     * @param items the VMs of a payload (a JSON array)
     * @param path the array's JSON path ({@code vms}, {@code data}, {@code $})
     * @return every item read, in order, each with its path {@code path[i]}
     */
    static List<VmFacts> each(JsonNode items, String path, VmReader reader) {
        List<VmFacts> vms = new ArrayList<>();
        int i = 0;
        for (JsonNode item : items) {
            vms.add(reader.read(item, path + "[" + i++ + "]"));
        }
        return vms;
    }

    /** @return sockets × cores per socket × threads per core (a missing factor counts 1), null without sockets */
    static Integer vcpus(Integer sockets, Integer coresPerSocket, Integer threadsPerCore) {
        return sockets == null
                ? null
                : sockets
                        * (coresPerSocket == null ? 1 : coresPerSocket)
                        * (threadsPerCore == null ? 1 : threadsPerCore);
    }

    List<FieldError> errors() {
        return errors;
    }

    void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    /** @return the text at {@code field}, null when absent, JSON null or blank */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** @return the object at {@code field}, or a missing node */
    static JsonNode obj(JsonNode node, String field) {
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node.path(field);
    }

    /** @return a non-negative whole number at {@code field}, null when absent; an error when negative or not a number */
    Long count(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() && !(value.isTextual() && value.asText().matches("-?\\d+"))) {
            error(path + "." + field, "must be a whole number");
            return null;
        }
        long number = value.asLong();
        if (number < 0) {
            error(path + "." + field, "must not be negative, was " + number);
            return null;
        }
        return number;
    }

    Integer intCount(JsonNode node, String field, String path) {
        Long value = count(node, field, path);
        return value == null ? null : Math.toIntExact(Math.min(value, Integer.MAX_VALUE));
    }

    /** @return a boolean at {@code field}; also accepts 0/1 (as some exporters write booleans) */
    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asInt() != 0;
        }
        return value.asBoolean();
    }

    /** @return an ISO-8601 instant at {@code field}, null when absent; an error when unparseable */
    Instant time(JsonNode node, String field, String path) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            error(path + "." + field, "must be an ISO-8601 time with offset");
            return null;
        }
    }

    /** @return bytes as GiB, two decimals, half-up */
    static BigDecimal bytesToGib(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BYTES_PER_GIB, 2, RoundingMode.HALF_UP);
    }

    /** @return MiB as GiB, two decimals, half-up */
    static BigDecimal mibToGib(long mib) {
        return BigDecimal.valueOf(mib).divide(MIB_PER_GIB, 2, RoundingMode.HALF_UP);
    }

    /** @return bytes as whole MiB, rounded down */
    static long bytesToMib(long bytes) {
        return bytes / BYTES_PER_MIB;
    }

    /** @return a MAC address in lower case, or null */
    static String mac(String raw) {
        return raw == null ? null : raw.toLowerCase(Locale.ROOT);
    }

    /**
     * @param raw a platform power state ({@code ON}, {@code POWERED_OFF}, {@code poweredOn}, …)
     * @return {@code on}, {@code off}, {@code suspended}, {@code paused} or {@code unknown}
     */
    static String powerState(String raw) {
        if (raw == null) {
            return "unknown";
        }
        String s = raw.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return switch (s) {
            case "on", "poweredon", "running" -> "on";
            case "off", "poweredoff", "stopped", "shutdown" -> "off";
            case "suspended", "suspend" -> "suspended";
            case "paused", "pause" -> "paused";
            default -> "unknown";
        };
    }

    /**
     * @param osType guest OS as reported (vSphere {@code guest_OS} identifiers such as
     *     {@code WINDOWS_9_SERVER_64}, {@code UBUNTU_64}, or a full name)
     * @param family a family the platform reports ({@code LINUX}, {@code WINDOWS}), preferred when present
     * @return {@code windows}, {@code linux}, {@code other} or null when nothing is known
     */
    static String osFamily(String osType, String family) {
        if (family != null) {
            String f = family.toLowerCase(Locale.ROOT);
            if (f.contains("windows")) {
                return "windows";
            }
            if (f.contains("linux")) {
                return "linux";
            }
            return "other";
        }
        if (osType == null) {
            return null;
        }
        String t = osType.toLowerCase(Locale.ROOT);
        if (t.contains("win")) {
            return "windows";
        }
        for (String linux : List.of(
                "linux", "ubuntu", "debian", "rhel", "centos", "sles", "suse", "photon", "oracle", "rocky", "alma",
                "fedora", "coreos", "amazon")) {
            if (t.contains(linux)) {
                return "linux";
            }
        }
        return "other";
    }
}
