package io.infrasystem.cert.domain.rdap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The RDAP server of a TLD, from the IANA bootstrap file for domains (RFC 9224 §4: {@code services}
 * is a list of {@code [[labels], [base URLs]]}; the longest matching label sequence wins; an
 * {@code https} URL is preferred). The service ships a file in that shape
 * ({@code rdap/dns.json}, a subset of IANA's entries) and replaces it in memory with the file at
 * {@code infra.cert.rdap.bootstrap-url} every {@code bootstrap-refresh} (7 d) and on an admin's
 * request; a failed refresh keeps the file in use.
 */
@ApplicationScoped
@Startup
public class RdapBootstrap {

    private static final Logger LOG = Logger.getLogger(RdapBootstrap.class);
    static final String RESOURCE = "rdap/dns.json";

    /**
     * The bootstrap file in use.
     *
     * @param publication its {@code publication} member
     * @param description its {@code description}
     * @param source where it was read from ({@code classpath:rdap/dns.json} or a URL)
     * @param loadedAt when it was read
     * @param servers base URL per TLD label sequence (lower-case, e.g. {@code com})
     */
    public record Snapshot(
            String publication, String description, String source, Instant loadedAt, Map<String, URI> servers) {}

    private final RdapHttp http;
    private final RdapConfig config;
    private volatile Snapshot current;

    public RdapBootstrap(RdapHttp http, RdapConfig config) {
        this.http = http;
        this.config = config;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            this.current = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file in use */
    public Snapshot current() {
        return current;
    }

    /**
     * @param name a lower-case ASCII domain name
     * @return the base URL of its registry's RDAP server, ending in {@code /}
     */
    public Optional<URI> serverFor(String name) {
        Map<String, URI> servers = current.servers();
        String suffix = name;
        URI found = null;
        // longest match: try "b.c" before "c" for "a.b.c"
        int dot = suffix.indexOf('.');
        while (dot >= 0) {
            suffix = suffix.substring(dot + 1);
            if (found == null && servers.containsKey(suffix)) {
                found = servers.get(suffix);
            }
            dot = suffix.indexOf('.');
        }
        return Optional.ofNullable(found);
    }

    /** Scheduled refresh ({@code infra.cert.rdap.bootstrap-refresh}). */
    @Scheduled(
            every = "${infra.cert.rdap.bootstrap-refresh:7d}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            refresh();
        } catch (RdapFailure e) {
            LOG.warnf(
                    "RDAP bootstrap refresh from %s failed (%s): %s",
                    config.bootstrapUrl(), e.result(), e.getMessage());
        }
    }

    /**
     * Reads the file at {@code infra.cert.rdap.bootstrap-url} and uses it from now on.
     *
     * @return the new file in use
     * @throws RdapFailure when it cannot be read or is not a bootstrap file; the old one stays
     */
    public Snapshot refresh() throws RdapFailure {
        URI url = config.bootstrapUrl();
        RdapHttp.Answer answer = http.get(url, "application/json");
        if (answer.status() != 200) {
            throw new RdapFailure(
                    answer.status() == 429 ? RdapResult.RATE_LIMITED : RdapResult.ERROR,
                    url.toString(),
                    "the bootstrap file answered HTTP " + answer.status(),
                    null);
        }
        try {
            Snapshot snapshot = parse(answer.body(), url.toString());
            current = snapshot;
            LOG.infof(
                    "RDAP bootstrap %s (publication %s): %d TLDs",
                    url, snapshot.publication(), snapshot.servers().size());
            return snapshot;
        } catch (IllegalArgumentException e) {
            throw new RdapFailure(RdapResult.MALFORMED, url.toString(), e.getMessage(), null);
        }
    }

    /**
     * @param json a bootstrap file
     * @param source where it comes from
     * @return its entries
     * @throws IllegalArgumentException when it is not JSON or has no {@code services} list of pairs
     */
    static Snapshot parse(String json, String source) {
        JsonNode root;
        try {
            root = RdapAnswers.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the bootstrap file is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode services = root == null ? null : root.get("services");
        if (services == null || !services.isArray()) {
            throw new IllegalArgumentException("the bootstrap file has no services list");
        }
        Map<String, URI> servers = new HashMap<>();
        for (JsonNode service : services) {
            if (!service.isArray()
                    || service.size() < 2
                    || !service.get(0).isArray()
                    || !service.get(1).isArray()) {
                throw new IllegalArgumentException("a service of the bootstrap file is not [[labels], [urls]]");
            }
            URI base = preferred(service.get(1));
            if (base == null) {
                continue;
            }
            for (JsonNode label : service.get(0)) {
                servers.put(label.asText().toLowerCase(Locale.ROOT), base);
            }
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("the bootstrap file names no RDAP server");
        }
        return new Snapshot(
                text(root, "publication"), text(root, "description"), source, Instant.now(), Map.copyOf(servers));
    }

    private static URI preferred(JsonNode urls) {
        List<String> all = java.util.stream.StreamSupport.stream(urls.spliterator(), false)
                .map(JsonNode::asText)
                .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .toList();
        String chosen = all.stream()
                .filter(u -> u.startsWith("https://"))
                .findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        if (chosen == null) {
            return null;
        }
        try {
            return URI.create(chosen.endsWith("/") ? chosen : chosen + "/");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
