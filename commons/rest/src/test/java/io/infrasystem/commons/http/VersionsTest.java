package io.infrasystem.commons.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void matchingOrAbsentOrWildcardIfMatchPasses() {
        assertThatCode(() -> Versions.checkIfMatch(null, 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.checkIfMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.checkIfMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.checkIfMatch("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void staleIfMatchIsPreconditionFailed() {
        assertThatThrownBy(() -> Versions.checkIfMatch("\"2\"", 3))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.kind())
                                .isEqualTo(ProblemKind.PRECONDITION_FAILED));
    }

    @Test
    void unquotedIfMatchIsABadRequest() {
        assertThatThrownBy(() -> Versions.checkIfMatch("3", 3))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.kind())
                                .isEqualTo(ProblemKind.VALIDATION));
    }
}
