package io.infrasystem.cert.upload;

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
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Uploads of real certificates (PEM, DER, PKCS#7, multipart) and the refusal of bad ones. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class CertificateUploadTest {

    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    static final String VIEWER = TestTokens.user("vi", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));

    static JsonPath upload(String contentType, byte[] body, int status) {
        return given().header("Authorization", EDITOR)
                .contentType(contentType)
                .body(body)
                .when()
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    static JsonPath certificate(long id) {
        return given().header("Authorization", VIEWER)
                .when()
                .get("/api/cert/certificates/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static int certificateCount() {
        return given().header("Authorization", VIEWER)
                .when()
                .get("/api/cert/certificates?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .path("count");
    }

    @Test
    void pastedPemChainStoresLeafAndRootAndLinksTheIssuer() {
        // another test class may have uploaded it first: created or existing, never twice
        JsonPath result = given().header("Authorization", EDITOR)
                .contentType("text/plain")
                .body(TestCertificates.fixture("cpython_chain_idnsans_leaf_pycacert_root.pem"))
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .jsonPath();
        assertThat(result.getInt("created") + result.getInt("existing")).isEqualTo(2);
        long leafId = result.getLong("certificates[0].id");
        long rootId = result.getLong("certificates[1].id");
        assertThat(result.getString("certificates[0].common_name")).isEqualTo("idnsans");

        JsonPath leaf = certificate(leafId);
        assertThat(leaf.getLong("issuer_id")).isEqualTo(rootId);
        assertThat(leaf.getList("sans.type")).containsOnly("dns").hasSize(6);
        assertThat(leaf.getList("sans.value")).contains("xn--knig-5qa.idn.pythontest.net");
        assertThat(leaf.getString("subject_dn"))
                .isEqualTo("CN=idnsans,O=Python Software Foundation,L=Castle Anthrax,C=XY");
        assertThat(leaf.getString("source")).isEqualTo("upload");
        assertThat(leaf.getString("sha256_thumbprint")).hasSize(64);
        assertThat(leaf.getString("not_after")).startsWith("2037-10-28T14:23:16");
        assertThat(leaf.getString("pem")).startsWith("-----BEGIN CERTIFICATE-----");

        JsonPath root = certificate(rootId);
        assertThat(root.getBoolean("self_signed")).isTrue();
        assertThat(root.getBoolean("is_ca")).isTrue();
        assertThat(root.getString("key_algorithm")).isEqualTo("rsa");
        assertThat(root.getInt("key_size")).isEqualTo(3072);
        assertThat(root.getString("status")).isEqualTo("valid");
    }

    @Test
    void theSameCertificateTwiceIsOneRowMarkedExisting() {
        byte[] pem = TestCertificates.selfSigned("twice.example.com", 90, "twice.example.com")
                .pem()
                .getBytes(StandardCharsets.US_ASCII);
        JsonPath first = upload("application/x-pem-file", pem, 201);
        assertThat(first.getString("certificates[0].outcome")).isEqualTo("created");
        JsonPath again = upload("application/x-pem-file", pem, 200);
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("existing")).isEqualTo(1);
        assertThat(again.getString("certificates[0].outcome")).isEqualTo("existing");
        assertThat(again.getLong("certificates[0].id")).isEqualTo(first.getLong("certificates[0].id"));
        given().header("Authorization", VIEWER)
                .get("/api/cert/certificates?common_name=twice.example.com")
                .then()
                .body("count", equalTo(1));
    }

    @Test
    void derCertificateKeepsEverySanType() throws Exception {
        byte[] der = TestCertificates.fixtureCertificates("cpython_allsans_cert_many_sans_ip.pem")
                .get(0)
                .getEncoded();
        JsonPath result = given().header("Authorization", EDITOR)
                .contentType("application/pkix-cert")
                .body(der)
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .jsonPath();
        JsonPath cert = certificate(result.getLong("certificates[0].id"));
        List<Map<String, String>> sans = cert.getList("sans");
        assertThat(sans)
                .contains(
                        Map.of("type", "dns", "value", "www.example.org"),
                        Map.of("type", "ip", "value", "127.0.0.1"),
                        Map.of("type", "ip", "value", "0:0:0:0:0:0:0:1"),
                        Map.of("type", "email", "value", "user@example.org"),
                        Map.of("type", "uri", "value", "https://www.python.org/"),
                        Map.of("type", "other", "value", "registeredID:1.2.3.4.5"));
        assertThat(sans).hasSize(10);
    }

    @Test
    void pkcs7BundleOfAnExpiredChainStoresBothAsExpired() {
        byte[] bundle =
                TestCertificates.pkcs7(TestCertificates.fixtureCertificates("pyca_cryptography_io_chain_expired.pem"));
        JsonPath result = given().header("Authorization", EDITOR)
                .contentType("application/pkcs7-mime")
                .body(bundle)
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .jsonPath();
        assertThat(result.getList("certificates.common_name"))
                .containsExactlyInAnyOrder("www.cryptography.io", "RapidSSL SHA256 CA - G3");
        for (Object id : result.getList("certificates.id")) {
            assertThat(certificate(((Number) id).longValue()).getString("status"))
                    .isEqualTo("expired");
        }
        given().header("Authorization", VIEWER)
                .when()
                .get("/api/cert/certificates?issuer__ic=rapidssl&expires_before=2019-01-01&san=WWW.cryptography.io")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].common_name", equalTo("www.cryptography.io"))
                .body("results[0].issuer_id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void multipartFileOfAnEcdsaCertificateShowsItsCurve() {
        JsonPath result = given().header("Authorization", EDITOR)
                .multiPart(
                        "file",
                        "keycertecc.pem",
                        TestCertificates.fixture("cpython_keycertecc_cert_ecdsa_p384.pem"),
                        "application/x-pem-file")
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .jsonPath();
        JsonPath cert = certificate(result.getLong("certificates[0].id"));
        assertThat(cert.getString("key_algorithm")).isEqualTo("ec");
        assertThat(cert.getString("key_curve")).isEqualTo("secp384r1");
        assertThat(cert.getInt("key_size")).isEqualTo(384);
        assertThat(cert.getString("signature_algorithm")).isEqualTo("SHA256WITHRSA");
        // its issuer's name matches the stored CA, its key does not: no link
        assertThat(cert.getString("issuer_id")).isNull();
    }

    @Test
    void badUploadsAre400AndKeepNothing() {
        var fresh = TestCertificates.selfSigned("partial.example.com", 90, "partial.example.com");
        String good = fresh.pem();
        String truncated = good.substring(0, good.length() / 2);
        String privateKey = TestCertificates.pemOf(TestCertificates.ecKeys().getPrivate());
        int before = certificateCount();
        for (String[] bad : new String[][] {
            {"garbage", "this is not a certificate at all"},
            {"truncated", good + truncated},
            {"private key", privateKey},
            {"key after a good certificate", good + privateKey},
        }) {
            given().header("Authorization", EDITOR)
                    .contentType("text/plain")
                    .body(bad[1].getBytes(StandardCharsets.US_ASCII))
                    .post("/api/cert/certificates/upload")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("file"));
        }
        given().header("Authorization", EDITOR)
                .contentType("application/octet-stream")
                .body(Arrays.copyOf(fresh.der(), fresh.der().length - 10))
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(400);
        given().header("Authorization", EDITOR)
                .contentType("text/plain")
                .body(privateKey)
                .post("/api/cert/certificates/upload")
                .then()
                .body("errors[0].message", containsString("private key"));
        assertThat(certificateCount()).isEqualTo(before);
        given().header("Authorization", VIEWER)
                .get("/api/cert/certificates?common_name=partial.example.com")
                .then()
                .body("count", equalTo(0));
    }

    @Test
    void viewersCannotUpload() {
        given().header("Authorization", VIEWER)
                .contentType("text/plain")
                .body(TestCertificates.selfSigned("viewer.example.com", 30).pem())
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(403);
    }

    @Test
    void expiringWithinThirtyDaysIsExpiring() {
        Instant now = Instant.now();
        var soon = TestCertificates.issue(
                "soon.example.com", now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(10)), null, false);
        JsonPath result = upload("text/plain", soon.pem().getBytes(StandardCharsets.US_ASCII), 201);
        assertThat(certificate(result.getLong("certificates[0].id")).getString("status"))
                .isEqualTo("expiring");
    }
}
