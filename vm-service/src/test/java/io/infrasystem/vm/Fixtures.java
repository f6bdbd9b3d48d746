package io.infrasystem.vm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the payload fixtures of {@code src/test/resources/fixtures} (see SOURCES.md there). */
public final class Fixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    /** @return a fresh, mutable copy of a JSON object fixture */
    public static ObjectNode json(String path) {
        try {
            return (ObjectNode) MAPPER.readTree(text(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a fixture's text */
    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
