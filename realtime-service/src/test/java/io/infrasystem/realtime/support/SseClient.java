package io.infrasystem.realtime.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

/** A Server-Sent Events test client (JDK HTTP client) that parses {@code id:} and {@code data:} lines. */
public final class SseClient extends MessageInbox implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    /**
     * @param query query string without {@code ?}
     * @param authorization {@code Authorization} header value
     * @param lastEventId {@code Last-Event-ID} header value, or null
     */
    public SseClient(String query, String authorization, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                        + "/api/realtime/stream" + (query.isEmpty() ? "" : "?" + query)))
                .header("Accept", "text/event-stream")
                .header("Authorization", authorization);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("SSE answered " + response.statusCode());
        }
        reader = Thread.ofVirtual().start(this::read);
        awaitSubscription();
    }

    private void read() {
        String[] id = {null};
        StringBuilder data = new StringBuilder();
        try {
            response.body().forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    try {
                        com.fasterxml.jackson.databind.node.ObjectNode node =
                                (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(data.toString());
                        if (id[0] != null) {
                            node.put("sse_id", id[0]);
                        }
                        received(node);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    data.setLength(0);
                    id[0] = null;
                }
            });
        } catch (RuntimeException e) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
        http.close();
    }
}
