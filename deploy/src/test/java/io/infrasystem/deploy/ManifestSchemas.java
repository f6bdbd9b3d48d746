package io.infrasystem.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas of every kind the manifests may contain, shipped in {@code src/test/resources/schemas}
 * (made by {@code deploy/schemas/update.sh}; its README says from which Maven Central artifacts), and
 * the validation of one object against its schema with networknt's json-schema-validator.
 *
 * <ul>
 *   <li>Kubernetes kinds: {@code schemas/kubernetes/<group>-<version>-<kind>.json}, JSON Schema
 *       2020-12, objects closed ({@code additionalProperties: false}).
 *   <li>Strimzi kinds: the {@code openAPIV3Schema} of the version the object names in Strimzi's
 *       CustomResourceDefinitions ({@code schemas/strimzi/*.yaml}). Unknown fields are refused
 *       where the CRD does not keep them ({@code x-kubernetes-preserve-unknown-fields}), as the API
 *       server with kubectl's strict field validation does.
 * </ul>
 */
final class ManifestSchemas {

    private static final List<String> STRIMZI_CRDS = List.of("kafka", "kafkanodepool", "kafkauser", "kafkatopic");

    private final JsonSchemaFactory kubernetesFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final JsonSchemaFactory crdFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final Map<String, JsonNode> customResources = new HashMap<>();

    /** Reads the Strimzi CRDs; Kubernetes schemas are read when a kind first needs one. */
    ManifestSchemas() throws IOException {
        for (String crd : STRIMZI_CRDS) {
            JsonNode definition = Kustomize.objects(resource("schemas/strimzi/" + crd + ".yaml"))
                    .get(0)
                    .path("spec");
            String group = definition.path("group").asText();
            String kind = definition.path("names").path("kind").asText();
            for (JsonNode version : definition.path("versions")) {
                if (version.path("served").asBoolean()) {
                    customResources.put(
                            key(group + "/" + version.path("name").asText(), kind),
                            version.path("schema").path("openAPIV3Schema"));
                }
            }
        }
    }

    /**
     * @param object one manifest object
     * @return what is wrong with it, each message naming the object ({@code Kind/name}) and the
     *     JSON path; empty when it matches its schema
     */
    List<String> violations(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = kind + "/" + object.path("metadata").path("name").asText("?");
        Optional<JsonSchema> schema = schema(apiVersion, kind);
        if (schema.isEmpty()) {
            return List.of(name + ": no schema for apiVersion " + apiVersion + " kind " + kind
                    + " (deploy/schemas/README.md)");
        }
        return schema.get().validate(object).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .map(message -> name + ": " + message)
                .toList();
    }

    private synchronized Optional<JsonSchema> schema(String apiVersion, String kind) {
        String key = key(apiVersion, kind);
        JsonSchema known = schemas.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        JsonSchema schema;
        JsonNode custom = customResources.get(key);
        if (custom != null) {
            schema = crdFactory.getSchema(closed(custom.deepCopy()));
        } else {
            String file = "schemas/kubernetes/"
                    + (apiVersion.replace('/', '-').replace('.', '-') + "-" + kind).toLowerCase(Locale.ROOT)
                    + ".json";
            if (getClass().getClassLoader().getResource(file) == null) {
                return Optional.empty();
            }
            try {
                schema = kubernetesFactory.getSchema(json.readTree(resource(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        schemas.put(key, schema);
        return Optional.of(schema);
    }

    /**
     * Closes every object schema that lists its properties, unless the CRD keeps unknown fields
     * there; follows properties, items and additionalProperties.
     *
     * @param schema a copy of a CRD's openAPIV3Schema (changed in place)
     * @return the same node
     */
    private static JsonNode closed(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return schema;
        }
        if (node.has("properties")
                && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(ManifestSchemas::closed);
        closed(node.path("items"));
        closed(node.path("additionalProperties"));
        // oneOf/anyOf branches are left open: Strimzi's list only the fields that tell them apart
        return node;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ManifestSchemas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
