package io.infrasystem.inventory.devicelibrary;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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

    public DeviceTypeLibraryResource(DeviceTypeLibraryImporter importer) {
        this.importer = importer;
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
    public DeviceTypeImportResult importFile(
            byte[] body, @QueryParam("device_type_id") Long deviceTypeId, @QueryParam("category") String category) {
        return importer.importYaml(utf8(body), deviceTypeId, category);
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
