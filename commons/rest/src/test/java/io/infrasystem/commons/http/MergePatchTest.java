package io.infrasystem.commons.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MergePatchTest {

    public record RackInput(
            @NotBlank String name, @Max(60) int uHeight, String description, Map<String, String> labels) {}

    private static final RackInput CURRENT = new RackInput("r1", 42, "row A", Map.of("zone", "a", "tier", "1"));

    @Inject
    MergePatch mergePatch;

    @Inject
    ObjectMapper mapper;

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void replacesGivenMembersAndKeepsTheOthers() throws Exception {
        RackInput patched = mergePatch.apply(CURRENT, json("{\"u_height\": 48}"), RackInput.class);
        assertThat(patched).isEqualTo(new RackInput("r1", 48, "row A", CURRENT.labels()));
    }

    @Test
    void nullClearsAMemberAndObjectsMergeRecursively() throws Exception {
        RackInput patched = mergePatch.apply(
                CURRENT,
                json("{\"description\": null, \"labels\": {\"tier\": null, \"room\": \"2\"}}"),
                RackInput.class);
        assertThat(patched.description()).isNull();
        assertThat(patched.labels())
                .containsEntry("zone", "a")
                .containsEntry("room", "2")
                .doesNotContainKey("tier");
    }

    @Test
    void unknownFieldWrongTypeAndBrokenConstraintsAre400NamingTheField() {
        assertThatThrownBy(() -> mergePatch.apply(CURRENT, json("{\"colour\": \"red\"}"), RackInput.class))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("colour"));
        assertThatThrownBy(() -> mergePatch.apply(CURRENT, json("{\"u_height\": \"tall\"}"), RackInput.class))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> mergePatch.apply(CURRENT, json("{\"name\": \"\", \"u_height\": 99}"), RackInput.class))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(err -> err.field())
                                .containsExactly("name", "u_height"));
        assertThatThrownBy(() -> mergePatch.apply(CURRENT, json("[1]"), RackInput.class))
                .isInstanceOf(ProblemException.class);
    }
}
