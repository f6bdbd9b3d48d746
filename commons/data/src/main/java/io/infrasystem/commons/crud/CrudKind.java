package io.infrasystem.commons.crud;

import io.infrasystem.commons.filter.FilterSpec;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an {@link EntityCrudService} serves: its names, its entity and input types, and how to
 * make, show, list and patch its entity. Usually one constant of the service, e.g.
 * {@code new CrudKind<>("rack", "rack", Rack.class, RackInput.class, Rack::new, Rack::dto,
 * Rack::input, FILTERS, (q, p) -> Rack.find("from Rack r where " + q, p))}.
 *
 * @param resourceType the name in audit entries and event types, e.g. {@code storage_array}
 * @param noun how errors name the resource, e.g. {@code storage array}
 * @param entityType the entity class
 * @param inputType the input record (the target of JSON Merge Patch)
 * @param factory makes a new, empty entity
 * @param toDto the API form of an entity
 * @param toInput the current values of an entity as an input
 * @param filters the list endpoint's filters (HQL expressions over the alias of {@code finder})
 * @param finder the entity's {@code find} for a {@code where} condition (with its {@code order by})
 *     and its named parameters
 * @param <E> the entity
 * @param <D> its API form
 * @param <I> its input
 */
public record CrudKind<E, D, I>(
        String resourceType,
        String noun,
        Class<E> entityType,
        Class<I> inputType,
        Supplier<E> factory,
        Function<E, D> toDto,
        Function<E, I> toInput,
        FilterSpec filters,
        BiFunction<String, Map<String, Object>, PanacheQuery<E>> finder) {}
