package io.infrasystem.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void viewerGetsEveryReadScopeAndEvents() {
        assertThat(Scopes.groupsForRoles(Set.of("viewer")))
                .containsExactlyInAnyOrder(
                        "viewer", "inventory:read", "vm:read", "cert:read", "project:read", "events:read");
    }

    @Test
    void editorAlsoWritesAndSyncsButCannotSendMailOrAdminister() {
        Set<String> groups = Scopes.groupsForRoles(Set.of("editor"));
        assertThat(groups)
                .contains("vm:write", "vm:sync", "inventory:write", "vm:read")
                .doesNotContain("admin", "mail:send");
    }

    @Test
    void adminGetsEveryScopeAndAdmin() {
        assertThat(Scopes.groupsForRoles(Set.of("admin")))
                .containsAll(Scopes.ALL)
                .contains("admin");
    }

    @Test
    void noRoleGivesNoScope() {
        assertThat(Scopes.groupsForRoles(Set.of("offline_access"))).containsExactly("offline_access");
    }

    @Test
    void syncSourceScopesNarrowVmSyncToTheirSources() {
        assertThat(Scopes.isSyncSourceScope("vm:sync:pc-1")).isTrue();
        assertThat(Scopes.isSyncSourceScope("vm:sync:")).isFalse();
        assertThat(Scopes.isSyncSourceScope("vm:sync:two words")).isFalse();
        assertThat(Scopes.isSyncSourceScope("vm:sync:" + "x".repeat(101))).isFalse();
        assertThat(Scopes.isSyncSourceScope("vm:sync")).isFalse();
        assertThat(Scopes.syncSources(java.util.List.of("vm:read", "vm:sync", "vm:sync:pc-2", "vm:sync:pc-1")))
                .containsExactly("pc-1", "pc-2");
        assertThat(Scopes.syncSources(Scopes.groupsForRoles(java.util.Set.of(Scopes.ADMIN))))
                .isEmpty();
    }
}
