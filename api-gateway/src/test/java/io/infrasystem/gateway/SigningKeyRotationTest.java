package io.infrasystem.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.gateway.support.UpstreamStub;
import io.infrasystem.gateway.token.SigningKey;
import io.infrasystem.gateway.token.SigningKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
class SigningKeyRotationTest {

    @Inject
    SigningKeys keys;

    @Test
    void theStoredKeyIsReusedUntilTheRotationPeriodThenTheJwksListsTheNewAndThePreviousKey() {
        String before = keys.current().kid();
        keys.refresh();
        assertThat(keys.current().kid()).isEqualTo(before);
        assertThat(jwksKids()).first().isEqualTo(before);

        QuarkusTransaction.requiringNew()
                .run(() -> SigningKey.update(
                        "createdAt = ?1 where kid = ?2", Instant.now().minus(Duration.ofDays(91)), before));
        keys.refresh();

        String after = keys.current().kid();
        assertThat(after).isNotEqualTo(before);
        assertThat(jwksKids()).containsExactly(after, before);
        keys.refresh();
        assertThat(keys.current().kid()).isEqualTo(after);
        long stored = QuarkusTransaction.requiringNew().call(() -> SigningKey.count());
        assertThat(stored).isGreaterThanOrEqualTo(2L);
    }

    private static List<String> jwksKids() {
        return given().when()
                .get("/api/gateway/jwks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("keys.kid");
    }
}
