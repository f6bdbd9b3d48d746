package io.infrasystem.cert.ignore;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The CRUD of one kind of ignore pattern. Filters: {@code id}, {@code created_at},
 * {@code updated_at}, {@code pattern}, {@code match_type}, {@code q} (pattern, reason). A regular
 * expression that does not compile is a 400; the same pattern and match type twice is a 409.
 *
 * @param <E> the pattern entity
 */
public abstract class IgnorePatternService<E extends IgnorePattern>
        extends EntityCrudService<E, IgnorePatternDto, IgnorePatternInput> {

    private final Class<E> type;

    /** For the CDI client proxy only. */
    protected IgnorePatternService() {
        this.type = null;
    }

    protected IgnorePatternService(
            ChangeRecorder changes, MergePatch mergePatch, CrudKind<E, IgnorePatternDto, IgnorePatternInput> kind) {
        super(changes, mergePatch, kind);
        this.type = kind.entityType();
    }

    /** @return the filters every ignore list accepts, over alias {@code p} */
    static io.infrasystem.commons.filter.FilterSpec.Builder filters() {
        return CrudKind.filters("p", "pattern")
                .fields(FilterField::text, "pattern")
                .field(FilterField.choice("match_type", "p.matchType", MatchType.class))
                .search("p.pattern", "coalesce(p.reason, '')");
    }

    @Override
    protected void validate(IgnorePatternInput input) {
        String problem = Patterns.problem(input.matchType(), input.pattern());
        if (problem != null) {
            throw ProblemException.invalid("pattern", problem);
        }
    }

    @Override
    protected void apply(E entity, IgnorePatternInput input) {
        String pattern = input.matchType() == MatchType.REGEX
                ? input.pattern()
                : input.pattern().strip();
        long taken = Panache.getEntityManager()
                .createQuery(
                        "select count(p) from " + type.getSimpleName()
                                + " p where p.pattern = :pattern and p.matchType = :type and p.id <> :id",
                        Long.class)
                .setParameter("pattern", pattern)
                .setParameter("type", input.matchType())
                .setParameter("id", entity.id == null ? -1L : entity.id)
                .getSingleResult();
        if (taken > 0) {
            throw ProblemException.conflict(
                    "the " + input.matchType().wire() + " pattern " + pattern + " exists already");
        }
        entity.pattern = pattern;
        entity.matchType = input.matchType();
        entity.reason = input.reason();
    }
}
