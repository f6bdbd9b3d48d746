package io.infrasystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every list endpoint of the suite, found in the OpenAPI documents the gateway serves (a {@code GET}
 * without path parameters or required query parameters whose answer is the list envelope
 * {@code {count, next, previous, results}}), walked through the gateway by following {@code next}.
 */
final class ListWalk {

    /** The documents: the gateway's own and each route's, fetched through the gateway. */
    static final List<String> DOCUMENTS = List.of(
            "/q/openapi?format=json",
            "/api/docs/openapi/inventory?format=json",
            "/api/docs/openapi/vm?format=json",
            "/api/docs/openapi/cert?format=json",
            "/api/docs/openapi/project?format=json",
            "/api/docs/openapi/mail?format=json",
            "/api/docs/openapi/realtime?format=json");

    /** Pages are at most this many per list: the limit is the count divided by it, at least 1. */
    static final int MAX_PAGES = 8;

    /**
     * One list walked.
     *
     * @param path the endpoint
     * @param count the count its first page announced
     * @param limit the page size used
     * @param pages pages fetched
     */
    record Walk(String path, long count, int limit, int pages) {}

    private final Http http;
    private final String publicBase;
    private final String authorization;

    /**
     * @param http the client
     * @param publicBase the base URL the client uses, e.g. {@code http://localhost:8080}
     * @param authorization the {@code Authorization} header (an admin, who may read every list)
     */
    ListWalk(Http http, String publicBase, String authorization) {
        this.http = http;
        this.publicBase = publicBase;
        this.authorization = authorization;
    }

    /** @return the list endpoints of every document, in document order */
    List<String> endpoints() {
        List<String> paths = new ArrayList<>();
        for (String document : DOCUMENTS) {
            JsonNode openApi = get(publicBase + document).expect(200).json();
            JsonNode schemas = openApi.path("components").path("schemas");
            Iterator<Map.Entry<String, JsonNode>> entries =
                    openApi.path("paths").fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode get = entry.getValue().path("get");
                if (entry.getKey().contains("{") || get.isMissingNode() || hasRequiredQuery(get)) {
                    continue;
                }
                JsonNode schema = get.path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                String ref = schema.path("$ref").asText("");
                JsonNode resolved = ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                JsonNode properties = resolved.path("properties");
                if (properties.has("next") && properties.has("results") && properties.has("count")) {
                    paths.add(entry.getKey());
                }
            }
        }
        return paths;
    }

    private static boolean hasRequiredQuery(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")
                    && parameter.path("required").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks {@code path} from its first page by {@code next} until it is null, with a limit that gives
     * at most {@link #MAX_PAGES} pages; every {@code next} and {@code previous} must be on the public
     * base and the walk must see each item once and {@code count} items in all.
     */
    Walk walk(String path) {
        long count = get(publicBase + path + "?limit=1")
                .expect(200)
                .json()
                .path("count")
                .asLong();
        int limit = (int) Math.max(1, (count + MAX_PAGES - 1) / MAX_PAGES);
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        String url = publicBase + path + "?limit=" + limit;
        int pages = 0;
        while (url != null) {
            assertThat(++pages).as(path + ": pages walked").isLessThanOrEqualTo(MAX_PAGES + 2);
            JsonNode page = get(url).expect(200).json();
            for (JsonNode item : page.path("results")) {
                String identity = item.has("id") ? item.path("id").asText() : item.toString();
                if (!seen.add(identity)) {
                    duplicates.add(identity);
                }
            }
            for (String link : new String[] {"next", "previous"}) {
                JsonNode value = page.path(link);
                if (!value.isNull() && !value.isMissingNode()) {
                    assertThat(value.asText()).as(path + " " + link).startsWith(publicBase + path + "?");
                }
            }
            url = page.path("next").isNull() ? null : page.path("next").asText();
        }
        assertThat(duplicates).as(path + ": items seen twice").isEmpty();
        assertThat((long) seen.size()).as(path + ": items seen in all").isEqualTo(count);
        return new Walk(path, count, limit, pages);
    }

    private Http.Reply get(String url) {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .GET());
    }
}
