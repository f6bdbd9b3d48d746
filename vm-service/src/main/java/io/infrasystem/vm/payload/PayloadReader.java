package io.infrasystem.vm.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.facts.VmFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises a sync payload by its shape (see {@link PayloadShape}), parses it with the matching
 * parser and validates it as a whole: every VM has a uuid and a name, no uuid appears twice, no
 * size or count is negative, and the shape belongs to the platform of the URL.
 */
public final class PayloadReader {

    private PayloadReader() {}

    /**
     * @param root the parsed JSON body
     * @param platform the platform named in the URL
     * @return the VMs of the payload, validated
     * @throws ProblemException 400 for an unknown shape ({@code bad-request}), a shape of another
     *     platform, or invalid VMs (validation, every error with its JSON path)
     */
    public static ParsedPayload read(JsonNode root, Platform platform) {
        PayloadShape shape = detect(root);
        if (shape == null) {
            throw new ProblemException(
                    ProblemKind.BAD_REQUEST,
                    "Unrecognised payload: expected a Nutanix v3 vms/list "
                            + "response or webhook, a Nutanix v4 vmm VM list, vSphere VM details, or {\"format\": \""
                            + NormalizedParser.FORMAT + "\"}",
                    List.of());
        }
        String named = PayloadContext.text(root, "platform");
        String payloadPlatform =
                shape.platform() != null ? shape.platform().wire() : named != null ? named : platform.wire();
        if (!payloadPlatform.equals(platform.wire())) {
            throw ProblemException.invalid(
                    "platform",
                    "the payload is a " + shape.name().toLowerCase(java.util.Locale.ROOT) + " payload of platform '"
                            + payloadPlatform + "', posted to /api/vm/sync/" + platform.wire());
        }
        PayloadContext ctx = new PayloadContext();
        List<VmFacts> vms = switch (shape) {
            case NUTANIX_V3 -> NutanixV3Parser.parse(root, ctx);
            case NUTANIX_V4 -> NutanixV4Parser.parse(root, ctx);
            case VSPHERE -> VsphereParser.parse(root, ctx);
            case NORMALIZED -> NormalizedParser.parse(root, ctx);
        };
        validate(vms, ctx.errors());
        if (!ctx.errors().isEmpty()) {
            throw ProblemException.invalid(ctx.errors());
        }
        return new ParsedPayload(
                shape, platform, vms, shape == PayloadShape.NUTANIX_V3 && NutanixV3Parser.isWebhook(root));
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

    private static void validate(List<VmFacts> vms, List<FieldError> errors) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < vms.size(); i++) {
            VmFacts vm = vms.get(i);
            if (vm.vmUuid() == null) {
                errors.add(new FieldError("vms[" + i + "].vm_uuid", "the VM has no uuid"));
                continue;
            }
            if (vm.vmUuid().length() > 64) {
                errors.add(new FieldError("vms[" + i + "].vm_uuid", "longer than 64 characters"));
            }
            if (vm.name() == null) {
                errors.add(new FieldError("vms[" + i + "].name", "the VM " + vm.vmUuid() + " has no name"));
            }
            Integer first = seen.putIfAbsent(vm.vmUuid(), i);
            if (first != null) {
                errors.add(new FieldError(
                        "vms[" + i + "].vm_uuid", "duplicate uuid " + vm.vmUuid() + ", also at vms[" + first + "]"));
            }
        }
    }
}
