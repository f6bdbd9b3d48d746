package io.infrasystem.cert.domain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

/** Every DNS SAN of a stored certificate is associated with its domain, parents created, ignore patterns honoured. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class SanAssociationTest {

    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));

    static JsonPath upload(byte[] body) {
        return given().header("Authorization", EDITOR)
                .contentType("text/plain")
                .body(body)
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .jsonPath();
    }

    static JsonPath domain(String name) {
        JsonPath page = given().header("Authorization", EDITOR)
                .get("/api/cert/domains?name=" + name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getInt("count")).as("domain %s", name).isEqualTo(1);
        return page.setRootPath("results[0]");
    }

    static int domainCount(String name) {
        return given().header("Authorization", EDITOR)
                .get("/api/cert/domains?name=" + name)
                .then()
                .extract()
                .path("count");
    }

    @Test
    void everyDnsSanGetsItsDomainAndParentsExceptIgnoredOnes() {
        given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"pattern\":\"*.internal.assoc.example.org\",\"match_type\":\"glob\",\"reason\":\"lab\"}")
                .post("/api/cert/ignored-domains")
                .then()
                .statusCode(201);
        given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"pattern\":\"^legacy\\\\..*\",\"match_type\":\"regex\"}")
                .post("/api/cert/ignored-domains")
                .then()
                .statusCode(201);
        var cert = TestCertificates.selfSigned(
                "www.shop.assoc.example.com",
                90,
                "www.shop.assoc.example.com",
                "*.assoc.example.net",
                "api.internal.assoc.example.org",
                "legacy.assoc.example.org",
                "intranet");
        JsonPath result = upload(cert.pem().getBytes(StandardCharsets.US_ASCII));
        long id = result.getLong("certificates[0].id");
        assertThat(result.getList("certificates[0].domains"))
                .containsExactly("www.shop.assoc.example.com", "assoc.example.net");

        JsonPath www = domain("www.shop.assoc.example.com");
        assertThat(www.getString("parent_name")).isEqualTo("shop.assoc.example.com");
        assertThat(www.getList("certificate_ids", Long.class)).containsExactly(id);
        assertThat(domain("shop.assoc.example.com").getString("parent_name")).isEqualTo("assoc.example.com");
        assertThat(domain("assoc.example.com").getString("parent_name")).isEqualTo("example.com");
        assertThat(domain("example.com").getString("parent_id")).isNull();
        assertThat(domain("assoc.example.net").getList("certificate_ids", Long.class))
                .containsExactly(id);
        assertThat(domainCount("api.internal.assoc.example.org")).isZero();
        assertThat(domainCount("legacy.assoc.example.org")).isZero();
        assertThat(domainCount("intranet")).isZero();

        given().header("Authorization", EDITOR)
                .get("/api/cert/certificates?domain=assoc.example.net")
                .then()
                .body("count", equalTo(1))
                .body("results[0].id", equalTo((int) id));
    }

    @Test
    void wildcardAndIdnSansOfRealCertificatesAreAssociated() {
        upload(TestCertificates.fixture("pyca_wildcard_san_expired.pem"));
        assertThat(domain("langui.sh").getList("certificate_ids")).hasSize(1);
        assertThat(domain("saseliminator.com").getList("certificate_ids")).hasSize(1);

        upload(TestCertificates.fixture("cpython_chain_idnsans_leaf_pycacert_root.pem"));
        JsonPath idn = domain("xn--knig-5qa.idn.pythontest.net");
        assertThat(idn.getString("parent_name")).isEqualTo("idn.pythontest.net");
        assertThat(domain("pythontest.net").getString("parent_id")).isNull();
    }

    @Test
    void reuploadAssociatesOnceAndIgnoredCertificatesAreNotKept() {
        var cert = TestCertificates.selfSigned("once.example.io", 90, "once.example.io");
        byte[] pem = cert.pem().getBytes(StandardCharsets.US_ASCII);
        upload(pem);
        upload(pem);
        assertThat(domain("once.example.io").getList("certificate_ids")).hasSize(1);

        given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"pattern\":\"skip-me.example.io\",\"match_type\":\"exact\"}")
                .post("/api/cert/ignored-certificates")
                .then()
                .statusCode(201);
        JsonPath result = upload(TestCertificates.selfSigned("SKIP-ME.example.io", 90, "skip-me.example.io")
                .pem()
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(result.getInt("ignored")).isEqualTo(1);
        assertThat(result.getString("certificates[0].outcome")).isEqualTo("ignored");
        assertThat(result.getString("certificates[0].id")).isNull();
        assertThat(domainCount("skip-me.example.io")).isZero();
        given().header("Authorization", EDITOR)
                .get("/api/cert/certificates?common_name__ie=skip-me.example.io")
                .then()
                .body("count", equalTo(0));
    }
}
