package io.infrasystem.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize <dir>}, the command {@code kubectl apply -k}
 * runs before it sends anything, and reads the objects it prints.
 *
 * <p>kubectl comes from Debian's {@code kubernetes-client} package, which {@code deploy/local/stack
 * test} installs when missing ({@code need_kubectl}); any kubectl on the {@code PATH} does.
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {}

    /**
     * @param directory a folder with a {@code kustomization.yaml}
     * @return the rendered objects in kubectl's order, each a JSON tree
     * @throws IllegalStateException when kubectl is missing or refuses the kustomization (its
     *     message included)
     */
    static List<JsonNode> render(Path directory) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("kustomize-", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectError(errors.toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "kubectl is not installed: apt-get install kubernetes-client"
                                + " (deploy/local/stack test installs it)",
                        e);
            }
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            // not a timing assumption: only a bound so that a stuck kubectl cannot hang the build
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + directory + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed (" + process.exitValue()
                        + "): " + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return objects(output);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The non-empty documents of a YAML stream. */
    static List<JsonNode> objects(byte[] yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }
}
