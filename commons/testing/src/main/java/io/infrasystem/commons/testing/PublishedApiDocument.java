package io.infrasystem.commons.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * A service's OpenAPI 3 document as published in the repository, {@code docs/api/<service>.json}:
 * what REST clients read and what the web application generates its API types from. The
 * service's contract test compares it with the document the running service serves, so a change
 * of the API fails the build until the published document is renewed (run the test with
 * {@code -Dopenapi.write=true}, then review the diff).
 */
public final class PublishedApiDocument {

    /** The system property that makes the contract test write the document instead of comparing. */
    public static final String WRITE_PROPERTY = "openapi.write";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    private PublishedApiDocument(Path file) {
        this.file = file;
    }

    /**
     * @param service the service's {@code quarkus.application.name}
     * @return the document of that service, resolved from the module directory tests run in
     */
    public static PublishedApiDocument of(String service) {
        return new PublishedApiDocument(Path.of("..", "docs", "api", service + ".json"));
    }

    /** @return whether this run renews the published documents instead of checking them */
    public static boolean writing() {
        return Boolean.getBoolean(WRITE_PROPERTY);
    }

    /** @return the path of the published document */
    public Path file() {
        return file;
    }

    /**
     * Writes {@code served} as the published document, indented, with a final newline.
     *
     * @param served the OpenAPI document in JSON
     * @throws UncheckedIOException if the document is not JSON or the file cannot be written
     */
    public void write(String served) {
        try {
            Files.writeString(file, JSON.writeValueAsString(JSON.readTree(served)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param served the OpenAPI document the service serves, in JSON
     * @return the JSON Pointer of the first place where the published document differs from
     *     {@code served} ({@code ""} for the whole document, e.g. when the file is missing); empty
     *     when they are equal (objects compare regardless of member order)
     * @throws UncheckedIOException if either document is not JSON
     */
    public Optional<String> firstDifference(String served) {
        try {
            if (!Files.exists(file)) {
                return Optional.of("");
            }
            return firstDifference(JSON.readTree(file.toFile()), JSON.readTree(served), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> firstDifference(JsonNode published, JsonNode served, String pointer) {
        if (published.equals(served)) {
            return Optional.empty();
        }
        if (published.isObject() && served.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = served.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String child =
                        pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                if (!published.has(member.getKey())) {
                    return Optional.of(child);
                }
                Optional<String> inner = firstDifference(published.get(member.getKey()), member.getValue(), child);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.of(pointer);
    }
}
