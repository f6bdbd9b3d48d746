package io.infrasystem.vm.payload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.facts.VmFacts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Recognises a sync payload by its shape (see {@link PayloadShape}), parses it with the matching
 * parser and validates it: every VM has a uuid and a name, no uuid appears twice, no size or count
 * is negative, and the shape belongs to the platform of the URL.
 *
 * <p>Payloads are read with Jackson's streaming API: the VM array of a list ({@code vms[]},
 * {@code entities[]}, {@code data[]}, or a top-level array of vSphere items) is read one element at
 * a time, and each VM is handed on as soon as it is parsed, so that a payload of any size needs
 * the memory of one VM. The other top-level fields ({@code format}, {@code platform}, …) are kept
 * as a small tree. A body without such an array (one VM intent, a Prism webhook event, one vSphere
 * detail) is read as a whole. The array is recognised by its name: {@code vms} holds vSphere items,
 * or normalized VMs when {@code format} is {@code infra-vm/v1} (before or after the array; a
 * normalized payload whose VMs look like vSphere details must name its format first),
 * {@code entities} Nutanix v3 entities and {@code data} Nutanix v4 VMs.
 */
public final class PayloadReader {

    private static final String UNRECOGNISED = "Unrecognised payload: expected a Nutanix v3 vms/list "
            + "response or webhook, a Nutanix v4 vmm VM list, vSphere VM details, or {\"format\": \""
            + NormalizedParser.FORMAT + "\"}";

    /** Reads trees for {@link #read}: a plain mapper, as the parsers only read nodes. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private PayloadReader() {}

    /**
     * Reads a payload already in memory (tests, tools); the same rules as {@link #stream}.
     *
     * @param root the parsed JSON body
     * @param platform the platform named in the URL
     * @return the VMs of the payload, validated
     * @throws ProblemException as {@link #stream}
     */
    public static ParsedPayload read(JsonNode root, Platform platform) {
        List<VmFacts> vms = new ArrayList<>();
        try (JsonParser parser = root.traverse(TREES)) {
            PayloadSummary summary = stream(parser, platform, vms::add);
            return new ParsedPayload(summary.shape(), platform, vms, summary.singleEvent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a payload VM by VM and hands each valid VM to {@code sink} as soon as it is parsed, in
     * payload order. Once a VM is invalid, later VMs are still read (every problem is reported)
     * but no longer handed on; the problem is thrown at the end, so a caller that wrote what it was
     * handed in a transaction rolls it back.
     *
     * @param parser a parser over the body with a codec (from an {@link ObjectMapper}), before its first token
     * @param platform the platform named in the URL
     * @param sink receives each VM
     * @return what the payload was
     * @throws ProblemException 400: malformed JSON or an empty body ({@code malformed-json}), an unknown
     *     shape ({@code bad-request}), a shape of another platform, or invalid VMs (validation, every
     *     error with its JSON path)
     */
    public static PayloadSummary stream(JsonParser parser, Platform platform, Consumer<VmFacts> sink) {
        try {
            return new Streamed(parser, platform, sink).read();
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ProblemException(ProblemKind.MALFORMED_JSON, "The body is not valid JSON" + where, List.of());
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.BAD_REQUEST, "The body could not be read", List.of());
        }
    }

    /** @return the shape of {@code root}, or null when no parser recognises it */
    public static PayloadShape detect(JsonNode root) {
        if (NormalizedParser.accepts(root)) {
            return PayloadShape.NORMALIZED;
        }
        if (NutanixV4Parser.accepts(root)) {
            return PayloadShape.NUTANIX_V4;
        }
        if (NutanixV3Parser.accepts(root)) {
            return PayloadShape.NUTANIX_V3;
        }
        if (VsphereParser.accepts(root)) {
            return PayloadShape.VSPHERE;
        }
        return null;
    }

    private static ProblemException unrecognised() {
        return new ProblemException(ProblemKind.BAD_REQUEST, UNRECOGNISED, List.of());
    }

    /** One payload being read. */
    private static final class Streamed {
        private final JsonParser parser;
        private final Platform platform;
        private final Consumer<VmFacts> sink;
        private final PayloadContext ctx = new PayloadContext();
        private final Map<String, Integer> seen = new HashMap<>();
        private final ObjectNode head = JsonNodeFactory.instance.objectNode();
        private PayloadShape shape;
        private boolean streamedArray;
        private int count;

        Streamed(JsonParser parser, Platform platform, Consumer<VmFacts> sink) {
            this.parser = parser;
            this.platform = platform;
            this.sink = sink;
        }

        PayloadSummary read() throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ProblemException(
                        ProblemKind.MALFORMED_JSON, "The body is empty; a JSON payload is required", List.of());
            }
            if (first == JsonToken.START_ARRAY) {
                shape = PayloadShape.VSPHERE;
                checkPlatform(shape);
                items("$");
                if (count == 0) {
                    throw unrecognised();
                }
                return finish(false);
            }
            if (first != JsonToken.START_OBJECT) {
                throw unrecognised();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY && !streamedArray && isVmArray(field)) {
                    streamedArray = true;
                    shape = switch (field) {
                        case "entities" -> PayloadShape.NUTANIX_V3;
                        case "data" -> PayloadShape.NUTANIX_V4;
                        default -> isNormalized() ? PayloadShape.NORMALIZED : null; // vms: decided by its first item
                    };
                    if (shape != null) {
                        checkPlatform(shape);
                    }
                    items(field);
                } else {
                    JsonNode node = parser.readValueAsTree();
                    head.set(field, node == null ? NullNode.getInstance() : node);
                }
            }
            if (!streamedArray) {
                return whole();
            }
            if (shape == null) { // an empty vms array
                shape = isNormalized() ? PayloadShape.NORMALIZED : PayloadShape.VSPHERE;
            } else if (shape == PayloadShape.VSPHERE && isNormalized()) {
                throw new ProblemException(
                        ProblemKind.BAD_REQUEST,
                        "A normalized payload whose VMs look like vSphere details must name its format before vms",
                        List.of());
            } else if (shape == PayloadShape.NORMALIZED && !isNormalized()) {
                throw unrecognised();
            }
            checkPlatform(shape);
            return finish(false);
        }

        private boolean isVmArray(String field) {
            return switch (field) {
                case "vms" -> true;
                case "entities", "data" -> !isNormalized();
                default -> false;
            };
        }

        private boolean isNormalized() {
            return NormalizedParser.FORMAT.equals(PayloadContext.text(head, "format"));
        }

        /** Reads the elements of the VM array the parser stands at the start of. */
        private void items(String field) throws IOException {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode item = parser.readValueAsTree();
                String path = field + "[" + count + "]";
                if (shape == null) {
                    shape = VsphereParser.isItem(item) ? PayloadShape.VSPHERE : PayloadShape.NORMALIZED;
                    checkPlatform(shape);
                }
                VmFacts vm = switch (shape) {
                    case VSPHERE -> {
                        if (!VsphereParser.isItem(item)) {
                            throw unrecognised();
                        }
                        yield VsphereParser.item(item, path, ctx);
                    }
                    case NUTANIX_V4 -> {
                        if (item == null || !item.has("extId")) {
                            throw unrecognised();
                        }
                        yield NutanixV4Parser.vm(item, path, ctx);
                    }
                    case NUTANIX_V3 -> NutanixV3Parser.vm(item, path, ctx);
                    case NORMALIZED -> NormalizedParser.vm(item, path, ctx);
                };
                accept(vm);
            }
        }

        /**
         * Checks the shape against the URL's platform, before any VM is handed on, and again at the
         * end for a normalized payload (its {@code platform} may follow the array).
         */
        private void checkPlatform(PayloadShape recognised) {
            String named = PayloadContext.text(head, "platform");
            String payloadPlatform = recognised.platform() != null
                    ? recognised.platform().wire()
                    : named != null ? named : platform.wire();
            if (!payloadPlatform.equals(platform.wire())) {
                throw ProblemException.invalid(
                        "platform",
                        "the payload is a " + recognised.name().toLowerCase(Locale.ROOT) + " payload of platform '"
                                + payloadPlatform + "', posted to /api/vm/sync/" + platform.wire());
            }
        }

        /** Validates one VM ({@code vms[i]} in messages, whatever the shape) and hands it on while all is valid. */
        private void accept(VmFacts vm) {
            int i = count++;
            List<FieldError> errors = ctx.errors();
            if (vm.vmUuid() == null) {
                errors.add(new FieldError("vms[" + i + "].vm_uuid", "the VM has no uuid"));
            } else {
                if (vm.vmUuid().length() > 64) {
                    errors.add(new FieldError("vms[" + i + "].vm_uuid", "longer than 64 characters"));
                }
                if (vm.name() == null) {
                    errors.add(new FieldError("vms[" + i + "].name", "the VM " + vm.vmUuid() + " has no name"));
                }
                Integer first = seen.putIfAbsent(vm.vmUuid(), i);
                if (first != null) {
                    errors.add(new FieldError(
                            "vms[" + i + "].vm_uuid",
                            "duplicate uuid " + vm.vmUuid() + ", also at vms[" + first + "]"));
                }
            }
            if (errors.isEmpty()) {
                sink.accept(vm);
            }
        }

        /** A body without a VM array: one VM (or an invalid body), small enough to read as a tree. */
        private PayloadSummary whole() {
            PayloadShape detected = detect(head);
            if (detected == null) {
                throw unrecognised();
            }
            shape = detected;
            checkPlatform(detected);
            List<VmFacts> vms = switch (detected) {
                case NUTANIX_V3 -> NutanixV3Parser.parse(head, ctx);
                case NUTANIX_V4 -> NutanixV4Parser.parse(head, ctx);
                case VSPHERE -> VsphereParser.parse(head, ctx);
                case NORMALIZED -> NormalizedParser.parse(head, ctx);
            };
            vms.forEach(this::accept);
            return finish(detected == PayloadShape.NUTANIX_V3 && NutanixV3Parser.isWebhook(head));
        }

        private PayloadSummary finish(boolean singleEvent) {
            if (!ctx.errors().isEmpty()) {
                throw ProblemException.invalid(ctx.errors());
            }
            return new PayloadSummary(shape, count, singleEvent);
        }
    }
}
