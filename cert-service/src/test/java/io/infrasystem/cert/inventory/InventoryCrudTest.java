package io.infrasystem.cert.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.infrasystem.cert.TestCertificates;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CRUD resources of cert-service on the kernel: hosts with addresses, applications, bindings
 * with parents, domains with parents, scan targets, tracking entries, ignore patterns, and the
 * certificate filters and CSV export that use them.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class InventoryCrudTest {

    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    static final String VIEWER = TestTokens.user("vi", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));

    static JsonPath post(String path, String json, int status) {
        return given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body(json)
                .post(path)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    static long uploadOne(String pem) {
        return given().header("Authorization", EDITOR)
                .contentType("text/plain")
                .body(pem.getBytes(StandardCharsets.US_ASCII))
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("certificates[0].id");
    }

    @Test
    void hostsKeepCanonicalAddressesAndRefuseBadOnes() {
        JsonPath host = post(
                "/api/cert/hosts",
                "{\"name\":\"lb-01.example.com\",\"host_type\":\"load_balancer\",\"environment\":\"production\","
                        + "\"ip_addresses\":[\"192.0.2.10\",\"[2001:db8::1]\"]}",
                201);
        assertThat(host.getList("ip_addresses.ip_address")).containsExactly("192.0.2.10", "2001:db8:0:0:0:0:0:1");
        post(
                        "/api/cert/hosts",
                        "{\"name\":\"bad-ip\",\"host_type\":\"server\",\"environment\":\"test\",\"ip_addresses\":[\"example.com\"]}",
                        400)
                .getList("errors.field")
                .contains("ip_addresses[0]");
        post(
                "/api/cert/hosts",
                "{\"name\":\"LB-01.example.com\",\"host_type\":\"server\",\"environment\":\"test\"}",
                409);
        post("/api/cert/hosts", "{\"name\":\"x\",\"host_type\":\"mainframe\",\"environment\":\"test\"}", 400);
        given().header("Authorization", VIEWER)
                .get("/api/cert/hosts?ip_address=2001:db8::1")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].name", equalTo("lb-01.example.com"));
    }

    @Test
    void bindingsFilterCertificatesByHostAndFormFlows() {
        long certificate = uploadOne(TestCertificates.selfSigned("shop.example.com", 200, "shop.example.com")
                .pem());
        JsonPath lb = post(
                "/api/cert/hosts",
                "{\"name\":\"lb-flow\",\"host_type\":\"load_balancer\",\"environment\":\"production\",\"ip_addresses\":[\"198.51.100.7\"]}",
                201);
        JsonPath backend = post(
                "/api/cert/hosts",
                "{\"name\":\"web-flow\",\"host_type\":\"server\",\"environment\":\"production\",\"ip_addresses\":[\"10.1.2.3\"]}",
                201);
        long app = post(
                        "/api/cert/applications",
                        "{\"name\":\"Shop\",\"app_type\":\"web\",\"owner\":\"team-shop\"}",
                        201)
                .getLong("id");
        long front = post(
                        "/api/cert/bindings",
                        "{\"certificate_id\":" + certificate + ",\"host_id\":" + lb.getLong("id") + ",\"port\":443,"
                                + "\"platform\":\"load_balancer\",\"application_id\":" + app + "}",
                        201)
                .getLong("id");
        JsonPath back = post(
                "/api/cert/bindings",
                "{\"certificate_id\":" + certificate + ",\"host_ip_id\":" + backend.getLong("ip_addresses[0].id")
                        + ",\"port\":8443,\"platform\":\"web_server\",\"parent_binding_id\":" + front + "}",
                201);
        assertThat(back.getString("host_name")).isEqualTo("web-flow");
        assertThat(back.getString("ip_address")).isEqualTo("10.1.2.3");
        // an address of another host
        post(
                "/api/cert/bindings",
                "{\"certificate_id\":" + certificate + ",\"host_id\":" + lb.getLong("id") + ",\"host_ip_id\":"
                        + backend.getLong("ip_addresses[0].id") + ",\"platform\":\"web_server\"}",
                400);
        // a loop: the front binding behind its own backend
        given().header("Authorization", EDITOR)
                .contentType("application/merge-patch+json")
                .body("{\"parent_binding_id\":" + back.getLong("id") + "}")
                .patch("/api/cert/bindings/" + front)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("parent_binding_id"));
        given().header("Authorization", VIEWER)
                .get("/api/cert/certificates?host=10.1.2.3")
                .then()
                .body("count", equalTo(1))
                .body("results[0].id", equalTo((int) certificate));
        given().header("Authorization", VIEWER)
                .get("/api/cert/certificates?host=LB-FLOW&application_id=" + app)
                .then()
                .body("count", equalTo(1));
        given().header("Authorization", VIEWER)
                .get("/api/cert/bindings?parent_binding_id=" + front)
                .then()
                .body("count", equalTo(1));
        given().header("Authorization", EDITOR)
                .delete("/api/cert/hosts/" + lb.getLong("id"))
                .then()
                .statusCode(409);
        given().header("Authorization", EDITOR)
                .delete("/api/cert/bindings/" + front)
                .then()
                .statusCode(409);
    }

    @Test
    void domainsGetTheirParentsUpToTheRegistrableDomain() {
        JsonPath domain = post("/api/cert/domains", "{\"name\":\"API.eu.Shop.example.co.uk.\"}", 201);
        assertThat(domain.getString("name")).isEqualTo("api.eu.shop.example.co.uk");
        assertThat(domain.getString("parent_name")).isEqualTo("eu.shop.example.co.uk");
        given().header("Authorization", VIEWER)
                .get("/api/cert/domains?name=example.co.uk")
                .then()
                .body("count", equalTo(1))
                .body("results[0].parent_id", org.hamcrest.Matchers.nullValue());
        post("/api/cert/domains", "{\"name\":\"co.uk\"}", 400);
        post("/api/cert/domains", "{\"name\":\"*.example.com\"}", 400);
        post("/api/cert/domains", "{\"name\":\"api.eu.shop.example.co.uk\"}", 409);
        given().header("Authorization", EDITOR)
                .contentType("application/merge-patch+json")
                .body("{\"name\":\"other.example.co.uk\"}")
                .patch("/api/cert/domains/" + domain.getLong("id"))
                .then()
                .statusCode(400);
    }

    @Test
    void scanTargetsTrackingAndIgnorePatterns() {
        post("/api/cert/scan-targets", "{\"host\":\"Mail.Example.com\",\"port\":25,\"starttls\":\"smtp\"}", 201);
        post("/api/cert/scan-targets", "{\"host\":\"mail.example.com\",\"port\":25}", 409);
        post("/api/cert/scan-targets", "{\"host\":\"not a host\",\"port\":443}", 400);
        post("/api/cert/scan-targets", "{\"host\":\"192.0.2.1\",\"port\":70000}", 400);
        given().header("Authorization", VIEWER)
                .get("/api/cert/scan-targets?starttls=smtp")
                .then()
                .body("count", equalTo(1))
                .body("results[0].host", equalTo("mail.example.com"))
                .body("results[0].enabled", equalTo(true));

        long certificate = uploadOne(
                TestCertificates.selfSigned("tracked.example.com", 200).pem());
        post(
                "/api/cert/tracking",
                "{\"certificate_id\":" + certificate
                        + ",\"change_number\":\"CHG-1042\",\"planned_date\":\"2027-01-15\","
                        + "\"status\":\"planned\"}",
                201);
        post("/api/cert/tracking", "{\"certificate_id\":999999,\"status\":\"planned\"}", 400);
        given().header("Authorization", VIEWER)
                .get("/api/cert/tracking?certificate_id=" + certificate + "&planned_date__gte=2027-01-01")
                .then()
                .body("count", equalTo(1));

        post("/api/cert/ignored-domains", "{\"pattern\":\"(unclosed\",\"match_type\":\"regex\"}", 400)
                .getString("errors[0].message")
                .contains("regular expression");
        post("/api/cert/ignored-domains", "{\"pattern\":\"*.lab.example.com\",\"match_type\":\"glob\"}", 201);
        post("/api/cert/ignored-domains", "{\"pattern\":\"*.lab.example.com\",\"match_type\":\"glob\"}", 409);
    }

    @Test
    void certificateCsvExportHasTheListsFiltersAndSans() {
        uploadOne(TestCertificates.selfSigned("csv.example.com", 120, "csv.example.com", "www.csv.example.com")
                .pem());
        String csv = given().header("Authorization", VIEWER)
                .get("/api/cert/certificates/export.csv?san=www.csv.example.com")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("certificates.csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,common_name,subject_dn,issuer_dn");
        assertThat(lines[1]).contains("csv.example.com").contains("dns:csv.example.com; dns:www.csv.example.com");
        given().header("Authorization", VIEWER)
                .get("/api/cert/certificates/export.csv?expires_before=tomorrow")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("expires_before"));
    }

    @Test
    void certificatesPatchTagsButNotContent() {
        var cert = TestCertificates.selfSigned("tags.example.com", 120);
        long id = uploadOne(cert.pem());
        given().header("Authorization", EDITOR)
                .contentType("application/merge-patch+json")
                .body("{\"tags\":[\"prod\",\"pci\"],\"notes\":\"renew via ACME\"}")
                .patch("/api/cert/certificates/" + id)
                .then()
                .statusCode(200)
                .body("tags", org.hamcrest.Matchers.contains("pci", "prod"));
        given().header("Authorization", VIEWER)
                .get("/api/cert/certificates?tag=pci")
                .then()
                .body("results.id", hasItem((int) id));
        given().header("Authorization", EDITOR)
                .contentType("application/merge-patch+json")
                .body("{\"pem\":"
                        + quote(TestCertificates.selfSigned("other.example.com", 10)
                                .pem()) + "}")
                .patch("/api/cert/certificates/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("pem"));
        given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"pem\":" + quote(cert.pem()) + "}")
                .post("/api/cert/certificates")
                .then()
                .statusCode(409);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\r", "") + "\"";
    }
}
