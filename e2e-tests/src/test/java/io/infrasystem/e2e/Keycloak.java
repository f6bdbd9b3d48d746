package io.infrasystem.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Logs in at the suite's Keycloak realm the way its clients do: the single-page application's
 * authorization code flow with PKCE (RFC 7636, S256) through Keycloak's HTML login pages, including
 * the required action "update password" of a temporary password; and the dev-only password grant
 * of the local stack's {@code infra-dev} client.
 */
final class Keycloak {

    /** The SPA's public client and a redirect URI it registers (never followed). */
    static final String WEB_CLIENT = "infra-web";

    static final String WEB_REDIRECT = "http://localhost:8080/";

    private final String url;
    private final String realm;

    Keycloak(String url, String realm) {
        this.url = url;
        this.realm = realm;
    }

    /**
     * What a browser login went through.
     *
     * @param passwordChangeRequired whether Keycloak demanded a new password before issuing the code
     * @param accessToken the access token (JWT) of the finished login
     */
    record BrowserLogin(boolean passwordChangeRequired, String accessToken) {

        /** Never prints the token. */
        @Override
        public String toString() {
            return passwordChangeRequired ? "logged in after choosing a new password" : "logged in";
        }
    }

    /**
     * Logs in through the HTML login form as a browser does.
     *
     * @param username user
     * @param password current password
     * @param newPassword the password to choose if Keycloak demands a new one (null: such a demand fails)
     * @return the outcome
     * @throws AssertionError if the form refuses the credentials (with Keycloak's message) or a
     *     page is not the expected one
     */
    BrowserLogin browserLogin(String username, String password, String newPassword) {
        BrowserSession browser = new BrowserSession();
        String verifier = randomToken();
        String state = randomToken();
        String auth = realmUrl() + "/protocol/openid-connect/auth?"
                + Http.formBody(Map.of(
                        "client_id",
                        WEB_CLIENT,
                        "redirect_uri",
                        WEB_REDIRECT,
                        "response_type",
                        "code",
                        "scope",
                        "openid",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        Http.Reply page =
                browser.send(HttpRequest.newBuilder(URI.create(auth)).GET()).expect(200);
        Map<String, String> fields = formFields(page, "kc-form-login");
        fields.put("username", username);
        fields.put("password", password);
        Http.Reply reply = browser.followWithinKeycloak(browser.postForm(formAction(page, "kc-form-login"), fields));
        boolean changeRequired = false;
        if (reply.status() == 200 && form(reply, "kc-passwd-update-form") != null) {
            changeRequired = true;
            if (newPassword == null) {
                throw new AssertionError("Keycloak demands a new password for " + username);
            }
            Map<String, String> update = formFields(reply, "kc-passwd-update-form");
            update.put("password-new", newPassword);
            update.put("password-confirm", newPassword);
            reply = browser.followWithinKeycloak(browser.postForm(formAction(reply, "kc-passwd-update-form"), update));
        }
        if (reply.status() != 302) {
            throw new AssertionError("login of " + username + " refused: " + feedback(reply));
        }
        URI location = URI.create(reply.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = query(location);
        if (!location.toString().startsWith(WEB_REDIRECT)
                || !state.equals(query.get("state"))
                || query.get("code") == null) {
            throw new AssertionError("unexpected redirect after login: " + location);
        }
        JsonNode tokens = new Http()
                .postForm(
                        realmUrl() + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "client_id",
                                WEB_CLIENT,
                                "code",
                                query.get("code"),
                                "redirect_uri",
                                WEB_REDIRECT,
                                "code_verifier",
                                verifier))
                .expect(200)
                .json();
        return new BrowserLogin(changeRequired, tokens.path("access_token").asText());
    }

    /**
     * A browser's cookie jar for one login. Keycloak marks its session cookies {@code Secure} even on
     * {@code http://127.0.0.1} (browsers treat loopback as a secure context), which
     * {@link java.net.CookieManager} would never send over plain HTTP; so cookies are kept by name
     * and sent back to Keycloak's host as browsers do.
     */
    private static final class BrowserSession {

        private final Http http = new Http();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Http.Reply send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(java.util.stream.Collectors.joining("; ")));
            }
            Http.Reply reply = http.send(request);
            for (String header : reply.headers().allValues("Set-Cookie")) {
                for (HttpCookie cookie : HttpCookie.parse(header)) {
                    if (cookie.getMaxAge() == 0) {
                        cookies.remove(cookie.getName());
                    } else {
                        cookies.put(cookie.getName(), cookie.getValue());
                    }
                }
            }
            return reply;
        }

        /** Follows redirects as long as they stay on Keycloak's pages (not to the client's redirect URI). */
        Http.Reply followWithinKeycloak(Http.Reply reply) {
            Http.Reply current = reply;
            for (int hops = 0; current.status() == 302 && hops < 5; hops++) {
                String location = current.headers().firstValue("Location").orElseThrow();
                if (location.startsWith(WEB_REDIRECT)) {
                    break;
                }
                current = send(HttpRequest.newBuilder(URI.create(location)).GET());
            }
            return current;
        }

        Http.Reply postForm(String url, Map<String, String> form) {
            return send(Http.formPost(url, form));
        }
    }

    /**
     * @param clientId a client with the password grant (the local stack's {@code infra-dev})
     * @return the access token of {@code username}
     */
    String passwordGrant(String clientId, String username, String password) {
        return new Http()
                .postForm(
                        realmUrl() + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                clientId,
                                "username",
                                username,
                                "password",
                                password))
                .expect(200)
                .json()
                .path("access_token")
                .asText();
    }

    /**
     * Makes the first administrator as deploy/keycloak/create-admin.sh does, minus its
     * CONFIGURE_TOTP (role admin, the temporary password, the required action "update password"),
     * through the admin REST API; the realm file ships no user. A user of that name is replaced.
     *
     * @return true if a user of that name existed and was replaced
     */
    boolean restoreShippedAdmin(
            String bootstrapUser, String bootstrapPassword, String username, String temporaryPassword) {
        Http http = new Http();
        String token = http.postForm(
                        url + "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                bootstrapUser,
                                "password",
                                bootstrapPassword))
                .expect(200)
                .json()
                .path("access_token")
                .asText();
        Http.Caller admin = http.caller(url + "/admin/realms/" + realm, "Authorization", "Bearer " + token);
        JsonNode users = admin.get("/users?exact=true&username=" + Http.encode(username))
                .expect(200)
                .json();
        JsonNode existing = users.path(0);
        // Always made afresh: an existing one may carry another run's (or an older realm file's)
        // temporary password.
        if (!existing.isMissingNode()) {
            http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + realm + "/users/"
                                    + existing.path("id").asText()))
                            .header("Authorization", "Bearer " + token)
                            .DELETE())
                    .expect(204);
        }
        ObjectNode user = Http.JSON
                .createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", username + "@infra-system.invalid")
                .put("firstName", "Infra")
                .put("lastName", "Administrator");
        user.putArray("requiredActions").add("UPDATE_PASSWORD");
        user.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", temporaryPassword)
                .put("temporary", true);
        Http.Reply created = admin.postJson("/users", user).expect(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode role = admin.get("/roles/admin").expect(200).json();
        admin.postJson(
                        "/users/" + id + "/role-mappings/realm",
                        Http.JSON.createArrayNode().add(role))
                .expect(204);
        return !existing.isMissingNode();
    }

    private String realmUrl() {
        return url + "/realms/" + realm;
    }

    private static Element form(Http.Reply page, String id) {
        Document document = Jsoup.parse(page.body());
        return document.getElementById(id);
    }

    private static String formAction(Http.Reply page, String id) {
        Element form = form(page, id);
        if (form == null) {
            throw new AssertionError("no form #" + id + " in Keycloak's page: " + feedback(page));
        }
        return form.attr("action");
    }

    /** The form's input fields with their current values (hidden fields included). */
    private static Map<String, String> formFields(Http.Reply page, String id) {
        Element form = form(page, id);
        if (form == null) {
            throw new AssertionError("no form #" + id + " in Keycloak's page: " + feedback(page));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        return fields;
    }

    /** Keycloak's error message on a page, for failure reports. */
    private static String feedback(Http.Reply page) {
        Document document = Jsoup.parse(page.body());
        String message = document.select("#input-error, .kc-feedback-text, .pf-m-danger, .alert-error")
                .text();
        return "HTTP " + page.status() + (message.isBlank() ? " " + document.title() : " " + message);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
