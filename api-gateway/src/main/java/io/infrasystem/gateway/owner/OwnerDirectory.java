package io.infrasystem.gateway.owner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.gateway.config.GatewayConfig;
import io.infrasystem.gateway.config.KeycloakConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The current standing of an API key's owner in Keycloak: whether the user exists and is enabled,
 * and the scopes its realm roles grant now ({@link Scopes#groupsForRoles}). Read through the admin
 * REST API ({@code GET /admin/realms/<realm>/users?username=<owner>&exact=true}, then
 * {@code .../users/<id>/role-mappings/realm/composite}) with the service account of client
 * {@code infra.gateway.owners.client-id} (role {@code realm-management/view-users}), and remembered
 * per owner for {@code infra.gateway.owners.cache-ttl} (at most 60 s): a disabled or demoted owner's
 * keys lose their power within that time. Blocking: call from a worker thread; {@link #cached}
 * never blocks.
 */
@ApplicationScoped
public class OwnerDirectory {

    private static final Logger LOG = Logger.getLogger(OwnerDirectory.class);

    /**
     * An owner as Keycloak knows it now.
     *
     * @param enabled whether the user exists and is enabled (a missing user is a disabled one)
     * @param groups realm roles plus the scopes they imply; empty when not enabled
     */
    public record Standing(boolean enabled, Set<String> groups) {

        public Standing {
            groups = Set.copyOf(groups);
        }

        static final Standing ABSENT = new Standing(false, Set.of());
    }

    /** Raised when Keycloak cannot answer (unreachable, misconfigured client, no secret). */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final KeycloakConfig keycloak;
    private final GatewayConfig.Owners config;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Cache<String, Standing> cache;
    private volatile String serviceToken;
    private volatile Instant serviceTokenRenewAt = Instant.EPOCH;

    public OwnerDirectory(KeycloakConfig keycloak, GatewayConfig config, ObjectMapper mapper) {
        this.keycloak = keycloak;
        this.config = config.owners();
        this.mapper = mapper;
        if (this.config.cacheTtl().compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException(
                    "infra.gateway.owners.cache-ttl must be at most 60s, got " + this.config.cacheTtl());
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(this.config.cacheTtl())
                .build();
    }

    /** @return the owner's standing when it was read within the cache time, without I/O */
    public Optional<Standing> cached(String owner) {
        return Optional.ofNullable(cache.getIfPresent(owner));
    }

    /**
     * @param owner the key owner's user name ({@code preferred_username})
     * @return the owner's standing, from the cache or Keycloak
     * @throws Unavailable when Keycloak cannot be asked (the key is then refused: fail closed)
     */
    public Standing standing(String owner) throws Unavailable {
        Standing known = cache.getIfPresent(owner);
        if (known != null) {
            return known;
        }
        Standing read = read(owner);
        cache.put(owner, read);
        return read;
    }

    /**
     * A person of the realm as the members screens pick them (Keycloak's brief representation).
     *
     * @param id Keycloak's user id (the subject of the user's Keycloak tokens)
     * @param username {@code preferred_username}, the name the suite's services know the user by
     */
    public record User(String id, String username, String firstName, String lastName, String email, boolean enabled) {}

    /**
     * One page of the realm's users whose user name, e-mail, first or last name contains
     * {@code search} (Keycloak's {@code search}, case-insensitive; all users when blank), ordered by
     * user name as Keycloak orders them. Never cached: a new user is found at once.
     *
     * @param search the text to look for, or blank
     * @param first the offset of the page (0-based)
     * @param max the page size
     * @return the users of the page and the number of all matches (a second call, {@code /users/count})
     * @throws Unavailable when Keycloak cannot be asked
     */
    public UserPage users(String search, long first, int max) throws Unavailable {
        String base = keycloak.url() + "/admin/realms/" + keycloak.realm() + "/users";
        String filter = search == null || search.isBlank()
                ? ""
                : "search=" + URLEncoder.encode(search.strip(), StandardCharsets.UTF_8);
        List<User> users = new ArrayList<>();
        String page = "briefRepresentation=true&first=" + first + "&max=" + max;
        for (JsonNode user : get(base + "?" + (filter.isEmpty() ? page : filter + "&" + page))) {
            users.add(new User(
                    user.path("id").asText(),
                    user.path("username").asText(),
                    user.path("firstName").asText(null),
                    user.path("lastName").asText(null),
                    user.path("email").asText(null),
                    user.path("enabled").asBoolean(false)));
        }
        long total =
                get(base + "/count" + (filter.isEmpty() ? "" : "?" + filter)).asLong();
        return new UserPage(users, total);
    }

    /**
     * @param users one page of users
     * @param count all matches
     */
    public record UserPage(List<User> users, long count) {

        public UserPage {
            users = List.copyOf(users);
        }
    }

    /** Forgets what is cached (tests, and after a change made through this gateway). */
    public void forget(String owner) {
        cache.invalidate(owner);
    }

    private Standing read(String owner) throws Unavailable {
        String base = keycloak.url() + "/admin/realms/" + keycloak.realm() + "/users";
        JsonNode users = get(base + "?exact=true&briefRepresentation=true&username="
                + URLEncoder.encode(owner, StandardCharsets.UTF_8));
        JsonNode user = null;
        for (JsonNode candidate : users) {
            if (owner.equalsIgnoreCase(candidate.path("username").asText())) {
                user = candidate;
            }
        }
        if (user == null || !user.path("enabled").asBoolean(false)) {
            return Standing.ABSENT;
        }
        JsonNode roles = get(base + "/" + URLEncoder.encode(user.path("id").asText(), StandardCharsets.UTF_8)
                + "/role-mappings/realm/composite");
        Set<String> names = new LinkedHashSet<>();
        roles.forEach(role -> names.add(role.path("name").asText()));
        return new Standing(true, Scopes.groupsForRoles(names));
    }

    private JsonNode get(String url) throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + serviceToken())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 401) {
            serviceTokenRenewAt = Instant.EPOCH;
        }
        if (response.statusCode() != 200) {
            throw unavailable("Keycloak answered " + response.statusCode() + " to "
                    + request.uri().getPath());
        }
        return parse(response.body());
    }

    private String serviceToken() throws Unavailable {
        if (serviceToken != null && Instant.now().isBefore(serviceTokenRenewAt)) {
            return serviceToken;
        }
        String secret = config.clientSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            throw unavailable("infra.gateway.owners.client-secret is not set: API key owners cannot be checked");
        }
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloak.url() + "/realms/" + keycloak.realm() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw unavailable("client '" + config.clientId() + "' cannot log in to Keycloak (HTTP "
                    + response.statusCode() + ")");
        }
        JsonNode body = parse(response.body());
        String token = body.path("access_token").asText(null);
        if (token == null) {
            throw unavailable("Keycloak's token answer has no access_token");
        }
        long lifetime = Math.max(10, body.path("expires_in").asLong(60));
        serviceToken = token;
        serviceTokenRenewAt = Instant.now().plusSeconds(lifetime - Math.min(30, lifetime / 2));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request) throws Unavailable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable("Keycloak unreachable at " + keycloak.url() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking Keycloak");
        }
    }

    private JsonNode parse(String body) throws Unavailable {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw unavailable("Keycloak's answer is not JSON");
        }
    }

    private static Unavailable unavailable(String message) {
        LOG.warnf("API key owner check: %s", message);
        return new Unavailable(message);
    }
}
