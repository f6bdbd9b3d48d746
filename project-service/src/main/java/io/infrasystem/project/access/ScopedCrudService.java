package io.infrasystem.project.access;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.CsvDownload;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.Lists;
import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.commons.crud.Versioned;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * The commons CRUD sequence with project visibility: a non-administrator's lists, counts, filters
 * and exports hold only rows of projects assigned to them, and any id outside them answers 404
 * exactly as an id that does not exist (no existence leak). The kernel's reads and writes all go
 * through {@link #require}, so the rule holds for every endpoint of the resource.
 *
 * @param <E> the entity
 * @param <D> its API form
 * @param <I> its input
 */
public abstract class ScopedCrudService<E extends Tracked, D extends Versioned, I> extends EntityCrudService<E, D, I> {

    private final CrudKind<E, D, I> kind;
    private final ProjectAccess access;
    private final String projectId;

    /** For the CDI client proxy only. */
    protected ScopedCrudService() {
        this(null, null, null, null, null);
    }

    /**
     * @param changes the change hook
     * @param mergePatch applies JSON Merge Patch
     * @param kind what the service serves
     * @param access the caller's visibility
     * @param projectId HQL expression, over the kind's alias, of the project id of a row (e.g.
     *     {@code i.project.id}); for a client, of the ids of its projects
     */
    protected ScopedCrudService(
            ChangeRecorder changes,
            MergePatch mergePatch,
            CrudKind<E, D, I> kind,
            ProjectAccess access,
            String projectId) {
        super(changes, mergePatch, kind);
        this.kind = kind;
        this.access = access;
        this.projectId = projectId;
    }

    /** @return the condition, over the kind's alias, that a row is visible to {@code viewer} */
    protected String visibleTo(Viewer viewer) {
        return viewer.condition(projectId);
    }

    /** @return the caller's visibility */
    protected Viewer viewer() {
        return access.viewer();
    }

    /** @throws ProblemException 404 when there is no such entity or the caller may not see it */
    @Override
    public E require(long id) {
        E entity = super.require(id);
        Viewer viewer = viewer();
        if (!viewer.admin() && !visible(viewer, id)) {
            throw ProblemException.notFound(kind.noun(), id);
        }
        return entity;
    }

    private boolean visible(Viewer viewer, long id) {
        String alias = kind.filters().alias();
        var query = Panache.getEntityManager(kind.entityType())
                .createQuery(
                        "select count(" + alias + ") from " + kind.entityType().getSimpleName() + " " + alias
                                + " where " + alias + ".id = :id and (" + visibleTo(viewer) + ")",
                        Long.class)
                .setParameter("id", id);
        viewer.bind(java.util.Map.of()).forEach(query::setParameter);
        return query.getSingleResult() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<D> list(UriInfo uri) {
        Viewer viewer = viewer();
        return Lists.page(
                kind.filters(),
                uri,
                (whereOrdered, parameters) ->
                        kind.find("(" + visibleTo(viewer) + ") and " + whereOrdered, viewer.bind(parameters)),
                kind.toDto());
    }

    /**
     * The rows a list request selects for the caller, for exports: resolved now (in the request),
     * run later (e.g. while a response streams).
     *
     * @param query the request's filters and ordering
     * @return the HQL {@code from <Entity> <alias> where …} over the visible rows that match, and
     *     its parameters
     * @throws ProblemException 400 for unknown or malformed filters
     */
    public Selection selection(MultivaluedMap<String, String> query) {
        Viewer viewer = viewer();
        QueryFilter filter = kind.filters().parse(query);
        return new Selection(
                "from " + kind.entityType().getSimpleName() + " "
                        + kind.filters().alias() + " where (" + visibleTo(viewer) + ") and " + filter.whereOrdered(),
                viewer.bind(filter.parameters()));
    }

    /**
     * An HQL selection and its parameters.
     *
     * @param hql {@code from <Entity> <alias> where … order by …}
     * @param parameters its named parameters
     */
    public record Selection(String hql, java.util.Map<String, Object> parameters) {

        /**
         * @param entityType the entity class the HQL selects
         * @return a reader of the selection chunk by chunk, for {@link CsvDownload}
         */
        public <E> CsvDownload.ChunkReader<E> reader(Class<E> entityType) {
            return (offset, limit) -> {
                TypedQuery<E> query = Panache.getEntityManager(entityType).createQuery(hql, entityType);
                parameters.forEach(query::setParameter);
                return query.setFirstResult(offset).setMaxResults(limit).getResultList();
            };
        }
    }
}
