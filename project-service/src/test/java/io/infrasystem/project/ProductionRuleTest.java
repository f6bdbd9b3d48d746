package io.infrasystem.project;

import static io.infrasystem.project.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The seed's rule: one active production instance per project, checked by the service (409 naming
 * the existing instance) and enforced by the partial unique index whatever the timing.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class ProductionRuleTest {

    @Test
    void aSecondActiveProductionInstanceIsRefusedNamingTheFirst() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long first = Fixtures.instance(project, "erp-prod", "production");
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(instance(project, "erp-prod-2", "production", "active"))
                .when()
                .post("/api/project/instances")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        containsString("already has an active production instance: erp-prod (id " + first + ")"))
                .body("errors[0].field", equalTo("type"));
        Fixtures.instance(project, "erp-staging", "staging");
        Fixtures.instance(Fixtures.project(Fixtures.unique("ERP")), "erp-prod", "production");
    }

    @Test
    void anInactiveProductionInstanceMayExistButNotBeActivatedBesideTheActiveOne() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long first = Fixtures.instance(project, "prod-a", "production");
        long spare = ((Number) given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(instance(project, "prod-b", "production", "inactive"))
                        .when()
                        .post("/api/project/instances")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        given().header("Authorization", ADMIN)
                .contentType("application/merge-patch+json")
                .body("{\"status\": \"active\"}")
                .when()
                .patch("/api/project/instances/" + spare)
                .then()
                .statusCode(409)
                .body("detail", containsString("prod-a (id " + first + ")"));
        long staging = Fixtures.instance(project, "stage", "staging");
        given().header("Authorization", ADMIN)
                .contentType("application/merge-patch+json")
                .body("{\"type\": \"production\"}")
                .when()
                .patch("/api/project/instances/" + staging)
                .then()
                .statusCode(409)
                .body("detail", containsString("prod-a (id " + first + ")"));
    }

    @Test
    void twoConcurrentCreatesGiveExactlyOneSuccessAndOne409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long project = Fixtures.project(Fixtures.unique("ERP"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (String name : List.of("prod-left", "prod-right")) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().header("Authorization", ADMIN)
                                .contentType(ContentType.JSON)
                                .body(instance(project, name, "production", "active"))
                                .when()
                                .post("/api/project/instances")
                                .andReturn();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                String winner = null;
                String refusal = null;
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 201) {
                        winner = response.path("name");
                    } else {
                        refusal = response.path("detail");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
                assertThat(refusal).contains("already has an active production instance: " + winner);
                given().header("Authorization", ADMIN)
                        .queryParam("project_id", project)
                        .queryParam("type", "production")
                        .when()
                        .get("/api/project/instances")
                        .then()
                        .body("count", equalTo(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The race the service check cannot see: a concurrent transaction holds an uncommitted active
     * production instance while the API's insert runs; the insert waits on the index and, once the
     * other commits, fails on it. The answer is the rule's own 409, naming the instance that won.
     */
    @Test
    void aUniqueViolationOfTheIndexIsTheSame409NamingTheWinner() throws Exception {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        try (Connection other = connect();
                Connection watcher = connect()) {
            other.setAutoCommit(false);
            long winner;
            try (PreparedStatement insert = other.prepareStatement(
                    "insert into instance (project_id, name, type, status, version, created_at, updated_at)"
                            + " values (?, 'prod-from-elsewhere', 'production', 'active', 0, ?, ?) returning id")) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setLong(1, project);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    winner = id.getLong(1);
                }
            }
            CompletableFuture<Response> answer =
                    CompletableFuture.supplyAsync(() -> given().header("Authorization", ADMIN)
                            .contentType(ContentType.JSON)
                            .body(instance(project, "prod-api", "production", "active"))
                            .when()
                            .post("/api/project/instances")
                            .andReturn());
            awaitInsertBlockedOnTheIndex(watcher, answer);
            other.commit();
            Response response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.<String>path("detail"))
                    .contains("already has an active production instance: prod-from-elsewhere (id " + winner + ")");
        }
    }

    /** Waits until a session of this database waits for a lock (the API's insert on the index). */
    private static void awaitInsertBlockedOnTheIndex(Connection watcher, CompletableFuture<Response> answer)
            throws Exception {
        for (int i = 0; i < 600; i++) {
            assertThat(answer)
                    .as("the API answered before its insert waited on the index")
                    .isNotDone();
            try (PreparedStatement waiting = watcher.prepareStatement(
                            "select count(*) from pg_stat_activity where datname = current_database()"
                                    + " and wait_event_type = 'Lock' and query like 'insert into instance%'");
                    ResultSet count = waiting.executeQuery()) {
                count.next();
                if (count.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the API's insert never waited on the index");
    }

    static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static String instance(long project, String name, String type, String status) {
        return "{\"project_id\": " + project + ", \"name\": \"" + name + "\", \"type\": \"" + type
                + "\", \"status\": \"" + status + "\"}";
    }
}
