package io.infrasystem.realtime.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Membership from assignment events that arrive twice or out of order. */
class ProjectMembersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLateCreationDoesNotBringARemovedMemberBack() throws Exception {
        ProjectMembers members = new ProjectMembers();
        members.observe("project.assignment.created", "7", data(1, "ann", 0));
        assertThat(members.isMember(1, "ann")).isTrue();
        members.observe("project.assignment.deleted", "7", data(1, "ann", 0));
        assertThat(members.isMember(1, "ann")).isFalse();
        members.observe("project.assignment.created", "7", data(1, "ann", 0));
        assertThat(members.isMember(1, "ann"))
                .as("replayed creation after the deletion")
                .isFalse();
    }

    @Test
    void anUpdateMovesTheMemberAndAnOlderUpdateIsIgnored() throws Exception {
        ProjectMembers members = new ProjectMembers();
        members.observe("project.assignment.created", "8", data(1, "bo", 0));
        members.observe("project.assignment.updated", "8", data(2, "bo", 1));
        assertThat(members.isMember(1, "bo")).isFalse();
        assertThat(members.isMember(2, "bo")).isTrue();
        members.observe("project.assignment.created", "8", data(1, "bo", 0));
        assertThat(members.isMember(1, "bo")).isFalse();
        assertThat(members.isMember(2, "bo")).isTrue();
    }

    @Test
    void theSameIdInAnotherDatabaseIsAnotherAssignment() throws Exception {
        ProjectMembers members = new ProjectMembers();
        // history of an earlier database (a test run) on the same topic
        members.observe("project.assignment.created", "1", data(1, "mia", 0, "2026-12-01T10:00:00Z"));
        members.observe("project.assignment.deleted", "1", data(1, "mia", 0, "2026-12-01T10:00:00Z"));
        // a new database hands out id 1 again
        members.observe("project.assignment.created", "1", data(1, "dev-viewer", 0, "2026-12-03T11:00:00Z"));
        assertThat(members.isMember(1, "dev-viewer")).isTrue();
        assertThat(members.isMember(1, "mia")).isFalse();
    }

    @Test
    void otherEventsAndIncompleteDataChangeNothing() throws Exception {
        ProjectMembers members = new ProjectMembers();
        members.observe("project.instance.created", "9", data(1, "cy", 0));
        members.observe("project.assignment.created", "9", JSON.readTree("{\"entity\":{}}"));
        members.observe("project.assignment.created", null, data(1, "cy", 0));
        assertThat(members.isMember(1, "cy")).isFalse();
    }

    private static JsonNode data(long project, String username, long version) throws Exception {
        return data(project, username, version, "2026-12-01T09:00:00Z");
    }

    private static JsonNode data(long project, String username, long version, String createdAt) throws Exception {
        return JSON.readTree("{\"entity\":{\"id\":1,\"project_id\":" + project + ",\"username\":\"" + username
                + "\",\"version\":" + version + ",\"created_at\":\"" + createdAt + "\"},\"project_id\":" + project
                + ",\"username\":\"" + username + "\"}");
    }
}
