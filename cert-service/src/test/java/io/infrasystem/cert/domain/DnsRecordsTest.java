package io.infrasystem.cert.domain;

import static io.infrasystem.cert.domain.DomainApi.EDITOR;
import static io.infrasystem.cert.domain.DomainApi.VIEWER;
import static io.infrasystem.cert.domain.DomainApi.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.infrasystem.cert.TestCertificates;
import io.infrasystem.cert.domain.dns.DnsRefresh;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * DNS records against a real DNS server ({@link KnotServer}: Knot DNS serving a test zone on a
 * loopback port): every record type, the history between two zone versions, NXDOMAIN, a refused
 * query, CAA next to the certificates' issuers, the subdomain tree and a domain's hosts.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
@QuarkusTestResource(KnotServer.class)
class DnsRecordsTest {

    static final String ZONE = KnotServer.ZONE;

    @ConfigProperty(name = "infra.test.knot-dir")
    Path knot;

    @Inject
    DnsRefresh refresh;

    static long idOf(String name) {
        return given().header("Authorization", VIEWER)
                .queryParam("name", name)
                .get("/api/cert/domains")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .extract()
                .jsonPath()
                .getLong("results[0].id");
    }

    static JsonPath refreshDns(long id) {
        return given().header("Authorization", EDITOR)
                .post("/api/cert/domains/" + id + "/refresh-dns")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** @return "TYPE value" of the domain's current records */
    static Set<String> records(long domain) {
        JsonPath page = given().header("Authorization", VIEWER)
                .queryParam("domain_id", domain)
                .queryParam("limit", 100)
                .get("/api/cert/dns-records")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> results = page.getList("results");
        return results.stream()
                .map(r -> r.get("record_type") + " " + r.get("value"))
                .collect(Collectors.toSet());
    }

    /** @return "action TYPE value" of the domain's changes at its last lookup */
    static Set<String> lastChanges(long domain) {
        List<Map<String, Object>> results = given().header("Authorization", VIEWER)
                .queryParam("domain_id", domain)
                .queryParam("limit", 1000)
                .get("/api/cert/dns-record-changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("results");
        Object newest = results.get(0).get("changed_at");
        return results.stream()
                .filter(r -> r.get("changed_at").equals(newest))
                .map(r -> r.get("action") + " " + r.get("record_type") + " " + r.get("value"))
                .collect(Collectors.toSet());
    }

    static long upload(String pem) {
        return given().header("Authorization", EDITOR)
                .contentType("text/plain")
                .body(pem)
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("certificates[0].id");
    }

    @Test
    void recordsTheirHistoryNxdomainCaaTreeAndHosts() throws Exception {
        long www = create("www." + ZONE);
        long api = create("api." + ZONE);
        long gone = create("gone." + ZONE);
        long apex = idOf(ZONE);

        // version 1: every type at the apex
        JsonPath first = refreshDns(apex);
        assertThat(first.getString("dns.result")).isEqualTo("ok");
        assertThat(records(apex))
                .containsExactlyInAnyOrder(
                        "A 192.0.2.10",
                        "AAAA 2001:db8::10",
                        "MX 10 mail.infra-dns-test.com.",
                        "NS ns1.infra-dns-test.com.",
                        "NS ns2.infra-dns-test.com.",
                        "TXT \"v=spf1 mx -all\"",
                        "CAA 0 issue \"letsencrypt.org\"",
                        "CAA 0 iodef \"mailto:security@infra-dns-test.com\"",
                        "SOA ns1.infra-dns-test.com. hostmaster.infra-dns-test.com. 2026120101 3600 600 86400 300");
        assertThat(lastChanges(apex)).hasSize(9).allMatch(c -> c.startsWith("added "));
        // an alias: its CNAME, not the target's addresses
        refreshDns(www);
        assertThat(records(www)).containsExactly("CNAME infra-dns-test.com.");
        refreshDns(api);
        assertThat(records(api)).containsExactly("A 192.0.2.20");
        JsonPath nx = refreshDns(gone);
        assertThat(nx.getString("dns.result")).isEqualTo("nxdomain");
        assertThat(records(gone)).isEmpty();

        // a name the server does not serve: REFUSED, a clear error
        JsonPath refused = refreshDns(create("elsewhere-zone.com"));
        assertThat(refused.getString("dns.result")).isEqualTo("error");
        assertThat(refused.getString("dns.error")).contains("REFUSED");

        // CAA next to the certificates' issuers
        Instant now = Instant.now();
        var letsEncrypt = TestCertificates.issue(
                "Let's Encrypt Test R3", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(900)), null, true);
        var digicert = TestCertificates.issue(
                "DigiCert Test TLS CA", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(900)), null, true);
        long plain = upload(TestCertificates.issue(
                                ZONE,
                                now.minus(Duration.ofDays(1)),
                                now.plus(Duration.ofDays(80)),
                                letsEncrypt,
                                false,
                                ZONE,
                                "www." + ZONE)
                        .pem()
                + letsEncrypt.pem());
        long wildcard = upload(TestCertificates.issue(
                                "*." + ZONE,
                                now.minus(Duration.ofDays(1)),
                                now.plus(Duration.ofDays(200)),
                                digicert,
                                false,
                                "*." + ZONE)
                        .pem()
                + digicert.pem());
        JsonPath caa = caa(apex);
        assertThat(caa.getString("caa_domain")).isEqualTo(ZONE);
        assertThat(caa.getList("issue", String.class)).containsExactly("letsencrypt.org");
        assertThat(verdict(caa, plain)).isEqualTo("allowed");
        assertThat(verdict(caa, wildcard)).isEqualTo("not_allowed");
        assertThat(caa.getBoolean("mismatch")).isTrue();
        // www has no CAA of its own: the apex's apply
        JsonPath wwwCaa = caa(www);
        assertThat(wwwCaa.getString("caa_domain")).isEqualTo(ZONE);
        assertThat(verdict(wwwCaa, plain)).isEqualTo("allowed");
        assertThat(wwwCaa.getBoolean("mismatch")).isFalse();

        // version 2: what changed, and only that
        KnotServer.load(knot, "zone-v2.zone", true);
        refreshDns(apex);
        assertThat(lastChanges(apex))
                .containsExactlyInAnyOrder(
                        "removed A 192.0.2.10",
                        "added A 192.0.2.11",
                        "removed MX 10 mail.infra-dns-test.com.",
                        "added MX 20 mail.infra-dns-test.com.",
                        "removed TXT \"v=spf1 mx -all\"",
                        "added CAA 0 issue \"digicert.com; cansignhttpexchanges=yes\"",
                        "added CAA 0 issuewild \";\"",
                        "removed SOA ns1.infra-dns-test.com. hostmaster.infra-dns-test.com. 2026120101 3600 600 86400 300",
                        "added SOA ns1.infra-dns-test.com. hostmaster.infra-dns-test.com. 2026120102 3600 600 86400 300");
        given().header("Authorization", VIEWER)
                .queryParam("domain_id", apex)
                .queryParam("record_type", "NS")
                .get("/api/cert/dns-records")
                .then()
                .statusCode(200)
                .body("count", equalTo(2))
                .body("results[0].ttl", equalTo(600));
        JsonPath apiGone = refreshDns(api);
        assertThat(apiGone.getString("dns.result")).isEqualTo("nxdomain");
        assertThat(records(api)).isEmpty();
        assertThat(lastChanges(api)).containsExactly("removed A 192.0.2.20");
        // issuewild ";" forbids wildcards to every CA; digicert.com may now issue plain names
        JsonPath caa2 = caa(apex);
        assertThat(caa2.getList("issue", String.class)).containsExactlyInAnyOrder("letsencrypt.org", "digicert.com");
        assertThat(caa2.getList("issuewild", String.class)).isEmpty();
        assertThat(verdict(caa2, wildcard)).isEqualTo("not_allowed");
        assertThat(verdict(caa2, plain)).isEqualTo("allowed");

        // the list's filters, paging and CSV
        given().header("Authorization", VIEWER)
                .queryParam("record_type", "XX")
                .get("/api/cert/dns-records")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("record_type"));
        given().header("Authorization", VIEWER)
                .queryParam("domain", ZONE)
                .queryParam("action", "removed")
                .queryParam("limit", 2)
                .get("/api/cert/dns-record-changes")
                .then()
                .statusCode(200)
                .body("count", equalTo(4))
                .body("results.size()", equalTo(2))
                .body("next", containsString("offset=2"));
        String csv = given().header("Authorization", VIEWER)
                .queryParam("domain_id", apex)
                .queryParam("record_type", "MX")
                .get("/api/cert/dns-records/export.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertThat(csv.lines().toList())
                .hasSize(2)
                .first()
                .isEqualTo("id,domain_id,domain,record_type,value,ttl,first_seen_at,last_seen_at");
        assertThat(csv).contains(",infra-dns-test.com,MX,20 mail.infra-dns-test.com.,600,");
        String changesCsv = given().header("Authorization", VIEWER)
                .queryParam("domain_id", api)
                .get("/api/cert/dns-record-changes/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(changesCsv.lines().toList()).hasSize(3);

        // the subdomain tree
        given().header("Authorization", VIEWER)
                .get("/api/cert/domains/" + apex + "/subdomains")
                .then()
                .statusCode(200)
                .body("name", equalTo(ZONE))
                .body("children.name", org.hamcrest.Matchers.hasItems("api." + ZONE, "gone." + ZONE, "www." + ZONE))
                .body("children.find { it.name == 'www." + ZONE + "' }.certificate_count", equalTo(1))
                .body("children.find { it.name == 'gone." + ZONE + "' }.dns_result", equalTo("nxdomain"));

        // hosts: by name and by the certificates they serve
        long named = host("www." + ZONE);
        long edge = host("edge-dns-test");
        host("unrelated-" + ZONE.replace('.', '-'));
        given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"certificate_id\":" + plain + ",\"host_id\":" + edge
                        + ",\"port\":443,\"platform\":\"web_server\"}")
                .post("/api/cert/bindings")
                .then()
                .statusCode(201);
        given().header("Authorization", VIEWER)
                .get("/api/cert/domains/" + apex + "/hosts")
                .then()
                .statusCode(200)
                .body("host.name", org.hamcrest.Matchers.contains("edge-dns-test", "www." + ZONE))
                .body("find { it.host.id == " + named + " }.via", org.hamcrest.Matchers.contains("name"))
                .body("find { it.host.id == " + edge + " }.via", org.hamcrest.Matchers.contains("certificate"));
        given().header("Authorization", VIEWER)
                .get("/api/cert/domains/999999/hosts")
                .then()
                .statusCode(404);
    }

    @Test
    void theScheduledPassLooksUpDomainsNeverLookedUp() {
        long fresh = create("mail." + ZONE);
        refresh.refreshDue(Instant.now());
        JsonPath domain = given().header("Authorization", VIEWER)
                .get("/api/cert/domains/" + fresh)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(domain.getString("dns.result")).isEqualTo("ok");
        assertThat(records(fresh)).containsExactly("A 192.0.2.25");
        given().header("Authorization", VIEWER)
                .queryParam("record_type", "A")
                .queryParam("domain__iew", "." + ZONE)
                .get("/api/cert/dns-records")
                .then()
                .statusCode(200)
                .body("results.domain", hasItem("mail." + ZONE));
    }

    static long host(String name) {
        return given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"host_type\":\"server\",\"environment\":\"production\"}")
                .post("/api/cert/hosts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static JsonPath caa(long domain) {
        return given().header("Authorization", VIEWER)
                .get("/api/cert/domains/" + domain + "/caa")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String verdict(JsonPath caa, long certificate) {
        return caa.getString("certificates.find { it.certificate_id == " + certificate + " }.verdict");
    }
}
