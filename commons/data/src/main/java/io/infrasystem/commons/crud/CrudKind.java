package io.infrasystem.commons.crud;

import io.infrasystem.commons.filter.FilterSpec;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an {@link EntityCrudService} serves: its names, its entity and input types, and how to
 * make, show, list and patch its entity. Usually one constant of the service, built in three steps
 * (names, entity, list), e.g.
 * {@code CrudKind.of("rack", Rack.class, RackInput.class).entity(Rack::new, Rack::dto, Rack::input)
 * .listedBy(FILTERS, (q, p) -> Rack.find("from Rack r where " + q, p))}.
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
        BiFunction<String, Map<String, Object>, PanacheQuery<E>> finder) {

    /**
     * Starts a kind whose noun is its resource type with spaces for underscores
     * ({@code storage_array} is named {@code storage array}).
     *
     * @param resourceType the name in audit entries and event types, e.g. {@code storage_array}
     * @param entityType the entity class
     * @param inputType the input record
     * @return the first step; {@link Named#entity} and {@link Made#listedBy} complete it
     */
    public static <E, I> Named<E, I> of(String resourceType, Class<E> entityType, Class<I> inputType) {
        return new Named<>(resourceType, resourceType.replace('_', ' '), entityType, inputType);
    }

    /**
     * A kind's names and types, before its entity functions.
     *
     * @param resourceType as {@link CrudKind#resourceType}
     * @param noun as {@link CrudKind#noun}
     * @param entityType the entity class
     * @param inputType the input record
     * @param <E> the entity
     * @param <I> its input
     */
    public record Named<E, I>(String resourceType, String noun, Class<E> entityType, Class<I> inputType) {

        /** @return the next step, with how to make, show and read back the entity */
        public <D> Made<E, D, I> entity(Supplier<E> factory, Function<E, D> toDto, Function<E, I> toInput) {
            return new Made<>(this, factory, toDto, toInput);
        }
    }

    /**
     * A kind's names, types and entity functions, before its list.
     *
     * @param named the names and types
     * @param factory makes a new, empty entity
     * @param toDto the API form of an entity
     * @param toInput the current values of an entity as an input
     * @param <E> the entity
     * @param <D> its API form
     * @param <I> its input
     */
    public record Made<E, D, I>(Named<E, I> named, Supplier<E> factory, Function<E, D> toDto, Function<E, I> toInput) {

        /**
         * @param filters the list endpoint's filters (HQL expressions over the alias of {@code finder})
         * @param finder the entity's {@code find} for a {@code where} condition and its named parameters
         * @return the complete kind
         */
        public CrudKind<E, D, I> listedBy(
                FilterSpec filters, BiFunction<String, Map<String, Object>, PanacheQuery<E>> finder) {
            return new CrudKind<>(
                    named.resourceType(),
                    named.noun(),
                    named.entityType(),
                    named.inputType(),
                    factory,
                    toDto,
                    toInput,
                    filters,
                    finder);
        }
    }
}
