package io.infrasystem.inventory.devicelibrary;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.devicetype.DeviceCategory;
import io.infrasystem.inventory.devicetype.DeviceType;
import io.infrasystem.inventory.devicetype.DeviceTypeService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/inventory/models/import/devicetype-library} (editors, like creating a model by
 * hand; CSV imports and restores stay with admins): the body is a NetBox
 * devicetype-library YAML file (UTF-8, LF or CRLF). Created models get the device type
 * {@code device_type_id}, or the one named after {@code category} (created when missing;
 * default {@code other}).
 */
@Path("/api/inventory/models/import/devicetype-library")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DeviceTypeLibraryResource {

    private final DeviceTypeLibraryImporter importer;
    private final DeviceTypeService deviceTypes;

    public DeviceTypeLibraryResource(DeviceTypeLibraryImporter importer, DeviceTypeService deviceTypes) {
        this.importer = importer;
        this.deviceTypes = deviceTypes;
    }

    @POST
    @Consumes({
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        MediaType.TEXT_PLAIN,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    @Transactional
    public DeviceTypeImportResult importFile(
            byte[] body, @QueryParam("device_type_id") Long deviceTypeId, @QueryParam("category") String category) {
        String yaml = utf8(body);
        DeviceType type;
        if (deviceTypeId != null) {
            type = DeviceType.<DeviceType>findByIdOptional(deviceTypeId)
                    .orElseThrow(() -> ProblemException.invalid(
                            "device_type_id", "device type " + deviceTypeId + " does not exist"));
        } else {
            DeviceCategory chosen;
            try {
                chosen = category == null ? DeviceCategory.OTHER : DeviceCategory.of(category);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("category", e.getMessage());
            }
            String name = chosen.wire().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + chosen.wire().substring(1).replace('_', ' ');
            type = deviceTypes.findOrCreate(name, chosen);
        }
        return importer.importYaml(yaml, type);
    }

    private static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "is empty; send the YAML file");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "is not UTF-8 text");
        }
    }
}
