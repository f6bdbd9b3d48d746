package io.infrasystem.commons.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infrasystem.commons.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static PageRequest of(String limit, String offset) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        if (limit != null) {
            query.add("limit", limit);
        }
        if (offset != null) {
            query.add("offset", offset);
        }
        return PageRequest.from(query);
    }

    @Test
    void defaultsToFiftyFromTheStart() {
        assertThat(of(null, null)).isEqualTo(new PageRequest(50, 0));
    }

    @Test
    void capsTheLimitAtOneThousand() {
        assertThat(of("5000", "10")).isEqualTo(new PageRequest(1000, 10));
    }

    @Test
    void rejectsNonNumbersAndOutOfRangeValuesNamingTheParameter() {
        assertThatThrownBy(() -> of("ten", null))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("limit"));
        assertThatThrownBy(() -> of("0", null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> of(null, "-1"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("offset"));
    }
}
