package io.infrasystem.inventory.csv;

import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One row of a row-by-row import ({@link RowByRow}) written as a create or an update through the
 * resource's service: the row updates the entity of its {@code id}, else the one its natural key
 * finds, else creates one; the row's values over the target's are validated like an API input.
 *
 * @param <E> the entity
 * @param <I> its input
 */
public final class CsvUpsert<E extends Tracked, I> {

    private final Class<E> entityType;
    private final String noun;
    private final EntityCrudService<E, ?, I> service;
    private final MergePatch validation;

    /**
     * @param entityType the entity class
     * @param noun how an unknown {@code id} is named, e.g. {@code rack}
     * @param service creates and updates the entity (and records the change)
     * @param validation validates the merged input (bean validation, as the API does)
     */
    public CsvUpsert(Class<E> entityType, String noun, EntityCrudService<E, ?, I> service, MergePatch validation) {
        this.entityType = entityType;
        this.noun = noun;
        this.service = service;
        this.validation = validation;
    }

    /**
     * @param row the row
     * @param byKey the entity the row's natural key names, or {@code null}; asked only when the
     *     row has no {@code id}
     * @param merge the row's values over those of the target ({@code null} for a new entity);
     *     throws {@link CellException} for a missing required cell
     * @return {@code true} when the row created an entity, {@code false} when it updated one
     * @throws CellException on {@code id} when no entity has that id, or as {@code merge}
     * @throws ProblemException 400 for an invalid input, or as the service's checks
     */
    public boolean write(CsvRow row, Supplier<E> byKey, Function<E, I> merge) {
        Long id = row.integer("id");
        E target =
                id == null ? byKey.get() : Panache.getEntityManager(entityType).find(entityType, id);
        if (id != null && target == null) {
            throw new CellException("id", noun + " " + id + " does not exist");
        }
        I input = merge.apply(target);
        validation.validate(input);
        if (target == null) {
            service.createEntity(input);
            return true;
        }
        service.updateEntity(target, input, null);
        return false;
    }
}
