package io.infrasystem.vm.virtualmachine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.vm.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Point 5 of docs/security.md: a VM name from a hypervisor never becomes a live formula in the export. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class VmExportTest {

    static final String N8N = TestTokens.apiKey("n8n", Scopes.VM_SYNC);
    static final String VIEWER = TestTokens.user("vera", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));

    @Test
    void formulaLikeVmNamesAreExportedAsText() {
        ObjectNode payload = (ObjectNode) Fixtures.json("nutanix/v3_vms_list_own.json");
        String[] names = {"=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(1+1)", "-2+3"};
        int i = 0;
        for (JsonNode entity : payload.get("entities")) {
            ((ObjectNode) entity.get("status")).put("name", names[i++]);
        }
        given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body(payload.toString())
                .post("/api/vm/sync/nutanix?source=pc-csv-hostile")
                .then()
                .statusCode(200);

        String csv = given().header("Authorization", VIEWER)
                .get("/api/vm/vms/export.csv?source=pc-csv-hostile&ordering=name")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv)
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",")
                .contains(",'@SUM(1+1),")
                .contains(",'-2+3,")
                .doesNotContain(",=HYPERLINK")
                .doesNotContain(",@SUM")
                .doesNotContain(",-2+3");
    }
}
