package io.infrasystem.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.realtime.project.ProjectMembers;
import io.infrasystem.realtime.project.ProjectMembersLoader;
import io.infrasystem.realtime.support.Tokens;
import io.infrasystem.realtime.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * project-service's events reach administrators and the members of the event's project only
 * (DESIGN.md §10); membership is learnt from the {@code project.assignment.*} events, live and, at
 * start-up, from the beginning of the topic.
 */
@QuarkusTest
class ProjectEventsDeliveryTest extends LiveEventsTest {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Inject
    ProjectMembersLoader loader;

    @Test
    void projectEventsReachAdminsAndTheProjectsMembersOnly() throws Exception {
        long mine = project();
        long theirs = project();
        String mia = "mia-" + UUID.randomUUID();
        String assignment = "assignment-" + UUID.randomUUID();
        try (WsClient member = WsClient.connect(vertx, "types=project.*", viewer(mia));
                WsClient key = WsClient.connect(vertx, "types=project.*", apiKey(mia));
                WsClient outsider = WsClient.connect(vertx, "types=project.*", viewer("olaf-" + UUID.randomUUID()));
                WsClient admin = WsClient.connect(vertx, "types=project.*", Tokens.admin())) {
            for (WsClient client : List.of(member, key, outsider, admin)) {
                assertThat(client.await("subscribed", n -> true, WAIT)).isNotNull();
            }
            events.send("project.events", "project.assignment.created", assignment, assignmentData(mine, mia, 0));
            assertThat(member.events(assignment, 1, WAIT))
                    .as("the new member's own assignment")
                    .hasSize(1);

            String ours = "instance-" + UUID.randomUUID();
            String other = "instance-" + UUID.randomUUID();
            String client = "client-" + UUID.randomUUID();
            events.send("project.events", "project.instance.created", ours, instanceData(mine));
            events.send("project.events", "project.instance.created", other, instanceData(theirs));
            events.send("project.events", "project.client.created", client, "{\"entity\":{\"name\":\"Acme\"}}");

            assertThat(admin.events(ours, 1, WAIT)).hasSize(1);
            assertThat(admin.events(other, 1, WAIT)).hasSize(1);
            assertThat(admin.events(client, 1, WAIT)).hasSize(1);
            JsonNode received = member.events(ours, 1, WAIT).getFirst();
            assertThat(received.path("data").path("project_id").asLong()).isEqualTo(mine);
            assertThat(key.events(ours, 1, WAIT))
                    .as("a key acting for the member")
                    .hasSize(1);
            assertThat(member.events(other, 1, QUIET))
                    .as("another project's event")
                    .isEmpty();
            assertThat(member.events(client, 1, QUIET))
                    .as("a client event (admins only)")
                    .isEmpty();
            assertThat(key.events(other, 1, QUIET)).isEmpty();
            assertThat(outsider.events(ours, 1, QUIET))
                    .as("an unassigned viewer")
                    .isEmpty();
            assertThat(outsider.events(assignment, 1, QUIET)).isEmpty();

            events.send("project.events", "project.assignment.deleted", assignment, assignmentData(mine, mia, 0));
            assertThat(member.events(assignment, 1, WAIT))
                    .as("the member's own removal")
                    .hasSize(1);
            String later = "instance-" + UUID.randomUUID();
            events.send("project.events", "project.instance.updated", later, instanceData(mine));
            assertThat(admin.events(later, 1, WAIT)).hasSize(1);
            assertThat(member.events(later, 1, QUIET)).as("after the removal").isEmpty();
        }
    }

    @Test
    void theStartUpLoadReadsTheAssignmentsFromTheBeginningOfTheTopic() {
        long project = project();
        String user = "lea-" + UUID.randomUUID();
        events.send(
                "project.events",
                "project.assignment.created",
                "a-" + UUID.randomUUID(),
                assignmentData(project, user, 0));
        await().atMost(WAIT).until(loader::loaded);
        ProjectMembers fresh = new ProjectMembers();
        assertThat(loader.readInto(fresh)).isPositive();
        assertThat(fresh.isMember(project, user)).isTrue();
    }

    private static long project() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static String viewer(String username) {
        return TestTokens.user(username, Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));
    }

    private static String apiKey(String owner) {
        return "Bearer "
                + Jwt.issuer("infra-gateway")
                        .audience("infra-services")
                        .subject("report-key")
                        .preferredUserName("report-key")
                        .claim("principal_type", "api_key")
                        .claim("acts_for", owner)
                        .groups(Set.of(Scopes.EVENTS_READ, Scopes.PROJECT_READ))
                        .expiresIn(Duration.ofMinutes(5))
                        .sign();
    }

    static String assignmentData(long project, String username, long version) {
        return "{\"entity\":{\"id\":1,\"project_id\":" + project + ",\"username\":\"" + username + "\",\"version\":"
                + version + "},\"changes\":[],\"actor\":{\"name\":\"root\",\"type\":\"user\"},\"project_id\":" + project
                + ",\"username\":\"" + username + "\"}";
    }

    private static String instanceData(long project) {
        return "{\"entity\":{\"name\":\"prod\",\"project_id\":" + project + "},\"project_id\":" + project + "}";
    }
}
