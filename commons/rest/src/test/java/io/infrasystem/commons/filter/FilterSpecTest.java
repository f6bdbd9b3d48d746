package io.infrasystem.commons.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterSpecTest {

    enum Status {
        ACTIVE,
        OFFLINE,
        PLANNED
    }

    private final FilterSpec spec = FilterSpec.builder("v.id")
            .field(FilterField.text("name", "v.name"))
            .field(FilterField.choice("status", "v.status", Status.class))
            .field(FilterField.integer("vcpus", "v.vcpus"))
            .field(FilterField.timestamp("created_at", "v.createdAt"))
            .field(FilterField.bool("is_deleted", "v.deleted"))
            .field(FilterField.membership(
                    "tag", "exists (select 1 from Tag t where t.vm = v and t.name in (:values))", v -> v))
            .search("v.name", "v.hostname")
            .defaultOrdering("name")
            .ignore("format")
            .build();

    private static MultivaluedMap<String, String> query(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void noFiltersMatchesEverythingOrderedByDefaultThenId() {
        QueryFilter filter = spec.parse(query());
        assertThat(filter.where()).isEqualTo("1 = 1");
        assertThat(filter.orderBy()).isEqualTo("v.name asc, v.id asc");
        assertThat(filter.parameters()).isEmpty();
    }

    @Test
    void repeatedExactParameterMatchesAnyValue() {
        QueryFilter filter = spec.parse(query("name", "web-1", "name", "web-2"));
        assertThat(filter.where()).isEqualTo("v.name in (:f0)");
        assertThat(filter.parameters()).containsEntry("f0", List.of("web-1", "web-2"));
    }

    @Test
    void differentParametersAllApply() {
        QueryFilter filter = spec.parse(query("name__ic", "web", "status__n", "offline", "vcpus__gte", "4"));
        assertThat(filter.where())
                .contains(" and ")
                .contains("lower(v.name) like :")
                .contains("(v.status is null or v.status not in (:")
                .contains("v.vcpus >= :");
        assertThat(filter.parameters().values()).contains("%web%", List.of(Status.OFFLINE), 4L);
    }

    @Test
    void negatedContainsExcludesEveryValue() {
        QueryFilter filter = spec.parse(query("name__nic", "test", "name__nic", "tmp"));
        assertThat(filter.where())
                .isEqualTo(
                        "(v.name is null or (lower(v.name) not like :f0 escape '!' and lower(v.name) not like :f1 escape '!'))");
    }

    @Test
    void likeWildcardsInValuesAreEscaped() {
        QueryFilter filter = spec.parse(query("name__isw", "50%_off!"));
        assertThat(filter.parameters()).containsEntry("f0", "50!%!_off!!%");
    }

    @Test
    void caseInsensitiveExactAndEndsWith() {
        QueryFilter filter = spec.parse(query("name__ie", "WEB-1", "name__iew", ".Example.com"));
        assertThat(filter.parameters().values()).contains("web-1", "%.example.com");
    }

    @Test
    void emptyLookupOnTextCoversNullAndBlank() {
        assertThat(spec.parse(query("name__empty", "true")).where()).isEqualTo("(v.name is null or v.name = '')");
        assertThat(spec.parse(query("vcpus__empty", "false")).where()).isEqualTo("not v.vcpus is null");
    }

    @Test
    void timestampsAcceptOffsetsAndDates() {
        QueryFilter filter =
                spec.parse(query("created_at__gte", "2026-01-31T10:00:00+02:00", "created_at__lt", "2026-02-01"));
        assertThat(filter.parameters().values())
                .contains(Instant.parse("2026-01-31T08:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void membershipFilterUsesTheResourceCondition() {
        QueryFilter filter = spec.parse(query("tag", "prod", "tag__n", "legacy"));
        assertThat(filter.where())
                .isEqualTo("(exists (select 1 from Tag t where t.vm = v and t.name in (:f0)))"
                        + " and not (exists (select 1 from Tag t where t.vm = v and t.name in (:f1)))");
    }

    @Test
    void freeTextSearchesDeclaredExpressions() {
        QueryFilter filter = spec.parse(query("q", "Web"));
        assertThat(filter.where())
                .isEqualTo("(lower(v.name) like :f0 escape '!' or lower(v.hostname) like :f0 escape '!')");
        assertThat(filter.parameters()).isEqualTo(Map.of("f0", "%web%"));
    }

    @Test
    void orderingTakesSeveralKeysAndDescending() {
        assertThat(spec.parse(query("ordering", "-vcpus,name")).orderBy())
                .isEqualTo("v.vcpus desc, v.name asc, v.id asc");
    }

    @Test
    void pagingAndIgnoredParametersAreNotFilters() {
        assertThat(spec.parse(query("limit", "10", "offset", "20", "format", "csv"))
                        .where())
                .isEqualTo("1 = 1");
    }

    @Test
    void unknownFieldIsA400NamingIt() {
        ProblemException e = rejection(query("owner", "alice"));
        assertThat(e.kind()).isEqualTo(ProblemKind.VALIDATION);
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("owner");
            assertThat(err.message()).contains("unknown filter");
        });
    }

    /**
     * An unknown or inapplicable lookup, a bad value, an injection attempt in a name or an
     * ordering, an ordering by a membership field: each a 400 naming the parameter.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        name__regex         | .*                           | unknown lookup
        status__ic          | act                          | does not apply
        tag__ic             | pro                          | does not apply
        vcpus__gt           | four                         | whole number
        status              | running                      | must be one of
        created_at__gte     | yesterday                    | ISO-8601
        is_deleted          | maybe                        | true or false
        name__empty         | yes                          | true or false
        name) or (1=1       | x                            | unknown filter
        name__ic) or 1=1 -- | x                            | unknown lookup
        ordering            | name; drop table vm          | cannot order by
        ordering            | (select password from users) | cannot order by
        ordering            | tag                          | cannot order by 'tag'
        """)
    void badParameterIsA400NamingIt(String parameter, String value, String message) {
        assertRejected(query(parameter, value), parameter, message);
    }

    @Test
    void everyProblemOfOneRequestIsReported() {
        assertThat(rejection(query("owner", "x", "vcpus", "many", "ordering", "secret"))
                        .errors())
                .extracting(err -> err.field())
                .containsExactlyInAnyOrder("owner", "vcpus", "ordering");
    }

    @Test
    void injectionAttemptsNeverReachTheQueryText() {
        String attack = "x' or '1'='1'; drop table vm; --";
        QueryFilter filter = spec.parse(query("name", attack, "name__ic", attack, "q", attack));
        assertThat(filter.where()).doesNotContain("drop").doesNotContain("'1'");
        assertThat(filter.parameters().values()).contains(List.of(attack));
    }

    @Test
    void entityFieldsTakeTheirExpressionsFromTheirNames() {
        FilterSpec entity = FilterSpec.forEntity("k")
                .fields(FilterField::text, "name", "key_id")
                .fields(FilterField::timestamp, "last_used_at")
                .build();
        assertThat(entity.parse(query("key_id", "a", "last_used_at__lt", "2026-02-01", "ordering", "-name"))
                        .whereOrdered())
                .contains("k.keyId in (:", "k.lastUsedAt < :", " order by k.name desc, k.id asc");
        FilterSpec columns = FilterSpec.builder("id")
                .fields(FilterField::text, "resource_type")
                .build();
        assertThat(columns.parse(query("resource_type", "rack")).where()).isEqualTo("resource_type in (:f0)");
    }

    @Test
    void relationFiltersByIdAndByAnyKeyOfTheRelatedEntity() {
        FilterSpec racks = FilterSpec.forEntity("r")
                .relation("site", "r.site", "Site", "slug", "name")
                .build();
        assertThat(racks.parse(query("site_id", "7")).where()).isEqualTo("r.site.id in (:f0)");
        QueryFilter filter = racks.parse(query("site__n", "lab"));
        assertThat(filter.where())
                .isEqualTo("not (exists (select 1 from Site x_site where x_site = r.site"
                        + " and (x_site.slug in (:f0) or x_site.name in (:f0))))");
        assertThat(filter.parameters()).isEqualTo(Map.of("f0", List.of("lab")));
        assertThat(catchThrowable(() -> racks.parse(query("ordering", "site")))).isInstanceOf(ProblemException.class);
    }

    /** @return the 400 that parsing {@code query} throws (fails the test when it does not) */
    private ProblemException rejection(MultivaluedMap<String, String> query) {
        Throwable thrown = catchThrowable(() -> spec.parse(query));
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return (ProblemException) thrown;
    }

    private void assertRejected(MultivaluedMap<String, String> query, String field, String message) {
        assertThat(rejection(query).errors()).anySatisfy(err -> {
            assertThat(err.field()).isEqualTo(field);
            assertThat(err.message()).contains(message);
        });
    }
}
