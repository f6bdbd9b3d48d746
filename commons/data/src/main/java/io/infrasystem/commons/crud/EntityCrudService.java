package io.infrasystem.commons.crud;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.runtime.JpaOperations;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The read and write sequence of a resource over a {@link Tracked} entity, implemented once: find the entity (404),
 * check {@code If-Match} against its version (412), keep its API form before the change, apply the
 * input, flush (so the database's rules answer now), and record the change through the change
 * hook ({@link ChangeRecorder}) in the same transaction; and the list with the resource's
 * filters. A subclass (an {@code @ApplicationScoped} bean) supplies only what differs: its
 * {@link CrudKind}, how an input is checked and applied ({@link #apply}) and what may block a
 * deletion ({@link #checkDeletable}). The public operations are transactions of their own
 * ({@code SUPPORTS} for reads); {@link #createEntity} and {@link #updateEntity} join the caller's
 * (imports, bulk paths). Needs a {@link ChangeRecorder} and a {@link MergePatch} bean (commons).
 *
 * @param <E> the entity
 * @param <D> its API form
 * @param <I> its input (create, update; the target of JSON Merge Patch)
 */
public abstract class EntityCrudService<E extends Tracked, D extends Versioned, I> implements CrudService<D, I> {

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;
    private final CrudKind<E, D, I> kind;

    /** For the CDI client proxy only. */
    protected EntityCrudService() {
        this(null, null, null);
    }

    /**
     * @param changes the change hook (audit entry and outbox event of every write)
     * @param mergePatch applies JSON Merge Patch and validates the result
     * @param kind what the service serves
     */
    protected EntityCrudService(ChangeRecorder changes, MergePatch mergePatch, CrudKind<E, D, I> kind) {
        this.changes = changes;
        this.mergePatch = mergePatch;
        this.kind = kind;
    }

    /**
     * Checks an input and sets the entity's fields from it (the entity is new, or managed with
     * its stored values, so rules about the change itself can compare).
     *
     * @throws ProblemException 400 for invalid fields, 409 for a change the data forbids
     */
    protected abstract void apply(E entity, I input);

    /**
     * Refuses deleting an entity for a reason of the service's own; runs after the references the
     * kind declares ({@link CrudKind#deletableUnless}), by default nothing else.
     *
     * @throws ProblemException 409 naming what refers to it
     */
    protected void checkDeletable(E entity) {}

    /**
     * Checks an input before anything is looked up or changed, so an invalid body is a 400
     * whatever the id and {@code If-Match}; by default the resource's Bean Validation suffices.
     *
     * @throws ProblemException 400 naming the invalid fields
     */
    protected void validate(I input) {}

    /** @return the change an update records; by default {@code updated} */
    protected Change updateChange(E entity, D before, D after) {
        return Change.updated(kind.resourceType(), entity.id, before, after);
    }

    /**
     * Counts what refers to an entity, e.g. for {@link #checkDeletable}.
     *
     * @param countQuery an HQL {@code select count(…)} whose only parameter is {@code :id}
     * @param entity the entity whose id fills {@code :id}
     * @return the count
     */
    protected long countReferences(String countQuery, E entity) {
        return Panache.getEntityManager(kind.entityType())
                .createQuery(countQuery, Long.class)
                .setParameter("id", entity.id)
                .getSingleResult();
    }

    /**
     * Refuses a change while anything refers to the entity.
     *
     * @param countQuery as {@link #countReferences}
     * @param entity the entity
     * @param message the refusal's text for the count found
     * @throws ProblemException 409 with {@code message} when the count is above zero
     */
    protected void refuseWhileReferenced(String countQuery, E entity, LongFunction<String> message) {
        long count = countReferences(countQuery, entity);
        if (count > 0) {
            throw ProblemException.conflict(message.apply(count));
        }
    }

    /**
     * Refuses a value that another entity of the kind holds already, compared without case (a
     * name or an e-mail address that must be unique; a unique index on {@code lower(…)} in the table
     * stays the last word in a race).
     *
     * @param entity the entity being written ({@code id} null while it is new)
     * @param attribute the entity attribute, e.g. {@code name}
     * @param value the value it is to get
     * @param message the refusal's text
     * @throws ProblemException 409 with {@code message} when another entity holds the value in any case
     */
    protected void refuseTaken(E entity, String attribute, String value, String message) {
        String lower = value.toLowerCase(Locale.ROOT);
        long taken = entity.id == null
                ? JpaOperations.INSTANCE.count(kind.entityType(), "lower(" + attribute + ") = ?1", lower)
                : JpaOperations.INSTANCE.count(
                        kind.entityType(), "lower(" + attribute + ") = ?1 and id <> ?2", lower, entity.id);
        if (taken > 0) {
            throw ProblemException.conflict(message);
        }
    }

    private D dto(E entity) {
        return kind.toDto().apply(entity);
    }

    /** @throws ProblemException 404 when there is no entity of this id */
    public E require(long id) {
        E entity = Panache.getEntityManager(kind.entityType()).find(kind.entityType(), id);
        if (entity == null) {
            throw ProblemException.notFound(kind.noun(), id);
        }
        return entity;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<D> list(UriInfo uri) {
        return Lists.page(kind.filters(), uri, kind::find, kind.toDto());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public D get(long id) {
        return dto(require(id));
    }

    @Transactional
    @Override
    public D create(I input) {
        return dto(createEntity(input));
    }

    /** Creates and records an entity; call inside a transaction. Errors as {@link #apply}. */
    public E createEntity(I input) {
        E entity = persistEntity(input);
        entity.flush();
        changes.record(createdChange(entity));
        return entity;
    }

    /**
     * Creates an entity for a bulk path, without flushing or recording it: checked and applied
     * as {@link #createEntity} (the same 400 and 409), persisted in the caller's transaction (an
     * identity key is assigned at once). The caller records the creations of its batch together,
     * with one {@link ChangeRecorder#recordAll} of their {@link #createdChange}s, before its
     * transaction ends; the database's own rules answer at the next flush (at the latest, the
     * commit), which then fails the whole batch.
     *
     * @param input the new entity's input
     * @return the persisted entity, with its id
     */
    public E persistEntity(I input) {
        validate(input);
        E entity = kind.factory().get();
        apply(entity, input);
        entity.persist();
        return entity;
    }

    /**
     * @param entity an entity created by {@link #persistEntity}, as it is to be recorded
     * @return the {@code created} change that records it (its API form now)
     */
    public Change createdChange(E entity) {
        return Change.created(kind.resourceType(), entity.id, dto(entity));
    }

    @Transactional
    @Override
    public D update(long id, I input, String ifMatch) {
        validate(input);
        return dto(replace(require(id), input, ifMatch));
    }

    /**
     * Updates and records an entity; call inside a transaction. Errors as {@link #apply}, and
     * 412 when {@code ifMatch} (may be {@code null}) names another version.
     */
    public E updateEntity(E entity, I input, String ifMatch) {
        validate(input);
        return replace(entity, input, ifMatch);
    }

    private E replace(E entity, I input, String ifMatch) {
        Versions.checkIfMatch(ifMatch, entity.version);
        D before = dto(entity);
        apply(entity, input);
        entity.flush();
        changes.record(updateChange(entity, before, dto(entity)));
        return entity;
    }

    @Transactional
    @Override
    public D patch(long id, JsonNode patch, String ifMatch) {
        return update(id, mergePatch.apply(kind.toInput().apply(require(id)), patch, kind.inputType()), ifMatch);
    }

    @Transactional
    @Override
    public void delete(long id, String ifMatch) {
        E entity = require(id);
        Versions.checkIfMatch(ifMatch, entity.version);
        for (CrudKind.Reference<E> reference : kind.references()) {
            refuseWhileReferenced(
                    reference.countQuery(), entity, n -> reference.message().apply(entity, n));
        }
        checkDeletable(entity);
        D before = dto(entity);
        entity.delete();
        entity.flush();
        changes.record(Change.deleted(kind.resourceType(), id, before));
    }
}
