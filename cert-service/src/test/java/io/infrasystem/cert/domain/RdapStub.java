package io.infrasystem.cert.domain;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A local RDAP server for tests (the JDK's HTTP server on a random loopback port). It serves
 * {@code GET /dns.json}, a bootstrap file in IANA's shape that sends {@code com} and {@code org} to
 * {@code /rdap/} here and {@code net} to the link-local metadata address (which the outbound guard
 * must refuse), and {@code GET /rdap/domain/<name>} from a folder the tests write to
 * ({@code infra.test.rdap-dir}): {@code <name>.json} is the body (200), {@code <name>.status} an
 * HTTP status on its first line and a {@code Retry-After} value on its second; no file is a 404
 * with an RDAP error object. Every request is counted in {@code <name>.hits}.
 */
public class RdapStub implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("rdap-stub");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/dns.json", exchange -> {
            String body = """
                    {"description": "RDAP bootstrap file for Domain Name System registrations (test stub)",
                     "publication": "2026-11-30T18:00:00Z",
                     "services": [
                       [["com", "org"], ["%s/rdap/"]],
                       [["net"], ["http://169.254.169.254/rdap/"]]
                     ],
                     "version": "1.0"}
                    """.formatted(base);
            send(exchange, 200, "application/json", body, null);
        });
        server.createContext("/rdap/domain/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/rdap/domain/".length());
            Path hits = dir.resolve(name + ".hits");
            int count =
                    Files.exists(hits) ? Integer.parseInt(Files.readString(hits).strip()) : 0;
            Files.writeString(hits, Integer.toString(count + 1));
            Path json = dir.resolve(name + ".json");
            Path status = dir.resolve(name + ".status");
            String body = Files.exists(json) ? Files.readString(json) : null;
            if (Files.exists(status)) {
                List<String> lines = Files.readAllLines(status);
                send(
                        exchange,
                        Integer.parseInt(lines.get(0).strip()),
                        "application/rdap+json",
                        body == null ? "{\"errorCode\": " + lines.get(0).strip() + ", \"title\": \"stub\"}" : body,
                        lines.size() > 1 ? lines.get(1).strip() : null);
            } else if (body != null) {
                send(exchange, 200, "application/rdap+json", body, null);
            } else {
                send(
                        exchange,
                        404,
                        "application/rdap+json",
                        "{\"rdapConformance\": [\"rdap_level_0\"], \"errorCode\": 404, \"title\": \"Not Found\","
                                + " \"description\": [\"The server did not find the object.\"]}",
                        null);
            }
        });
        server.start();
        return Map.of("infra.cert.rdap.bootstrap-url", base + "/dns.json", "infra.test.rdap-dir", dir.toString());
    }

    private static void send(
            com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body, String retryAfter)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
