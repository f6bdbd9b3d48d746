package io.infrasystem.commons.crud;

import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.runtime.JpaOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an {@link EntityCrudService} serves: its names, its entity and input types, its list's
 * filters, and how to make, show and patch its entity. Usually one constant of the service, built
 * in three steps (names, list, entity), e.g.
 * {@code CrudKind.of("rack", Rack.class, RackInput.class).listedBy(CrudKind.filters("r", "name")
 * .fields(FilterField::text, "name")).entity(Rack::new, Rack::dto, Rack::input)}.
 * The list query is {@code from <Entity> <alias> where …}, the alias being the one the filters are
 * written over, so a service names it once.
 *
 * @param resourceType the name in audit entries and event types, e.g. {@code storage_array}
 * @param noun how errors name the resource, e.g. {@code storage array}
 * @param entityType the entity class (its simple name is its HQL entity name)
 * @param inputType the input record (the target of JSON Merge Patch)
 * @param filters the list endpoint's filters (HQL expressions over the alias of {@link FilterSpec#alias})
 * @param factory makes a new, empty entity
 * @param toDto the API form of an entity
 * @param toInput the current values of an entity as an input
 * @param references what must not refer to an entity for it to be deleted ({@link #deletableUnless})
 * @param <E> the entity
 * @param <D> its API form
 * @param <I> its input
 */
public record CrudKind<E, D, I>(
        String resourceType,
        String noun,
        Class<E> entityType,
        Class<I> inputType,
        FilterSpec filters,
        Supplier<E> factory,
        Function<E, D> toDto,
        Function<E, I> toInput,
        List<Reference<E>> references) {

    /**
     * Something that refers to an entity and keeps it from being deleted.
     *
     * @param countQuery an HQL {@code select count(…)} whose only parameter is {@code :id}, the entity's id
     * @param message the 409's detail for the entity and the count found
     * @param <E> the entity
     */
    public record Reference<E>(String countQuery, BiFunction<E, Long, String> message) {}

    /**
     * Declares what must not refer to an entity when it is deleted: the kernel's delete counts it and
     * answers 409 with {@code message} while the count is above zero (declarations in order, before
     * the service's own {@link EntityCrudService#checkDeletable}).
     *
     * @param countQuery an HQL {@code select count(…)} whose only parameter is {@code :id}, e.g.
     *     {@code select count(m) from HardwareModel m where m.manufacturer.id = :id}
     * @param message the refusal's text for the entity and the count found
     * @return this kind with the reference added
     */
    public CrudKind<E, D, I> deletableUnless(String countQuery, BiFunction<E, Long, String> message) {
        List<Reference<E>> all = new ArrayList<>(references);
        all.add(new Reference<>(countQuery, message));
        return new CrudKind<>(
                resourceType, noun, entityType, inputType, filters, factory, toDto, toInput, List.copyOf(all));
    }

    /**
     * The filters every kind's list accepts, over the entity's alias in HQL: {@code id} (whole
     * number) and the {@link Stamped} times {@code created_at} and {@code updated_at} (ISO-8601),
     * all orderable. A service adds its own fields and search, e.g.
     * {@code CrudKind.filters("r", "name").fields(FilterField::text, "name").search("r.name")}.
     *
     * @param alias the entity's alias in the list query, e.g. {@code r} for {@code from Rack r}
     * @param defaultOrdering the ordering of a request that names none, e.g. {@code name} or
     *     {@code -created_at} (then the id, as always)
     * @return a builder as {@link FilterSpec#forEntity}, holding those three fields and the ordering
     */
    public static FilterSpec.Builder filters(String alias, String defaultOrdering) {
        return FilterSpec.forEntity(alias)
                .fields(FilterField::integer, "id")
                .fields(FilterField::timestamp, "created_at", "updated_at")
                .defaultOrdering(defaultOrdering);
    }

    /**
     * Starts a kind whose noun is its resource type with spaces for underscores
     * ({@code storage_array} is named {@code storage array}).
     *
     * @param resourceType the name in audit entries and event types, e.g. {@code storage_array}
     * @param entityType the entity class
     * @param inputType the input record
     * @return the first step; {@link Named#listedBy} and {@link Listed#entity} complete it
     */
    public static <E, I> Named<E, I> of(String resourceType, Class<E> entityType, Class<I> inputType) {
        return new Named<>(resourceType, resourceType.replace('_', ' '), entityType, inputType);
    }

    /**
     * The entities matching a list's condition.
     *
     * @param whereOrdered the condition and its {@code order by} ({@link
     *     io.infrasystem.commons.filter.QueryFilter#whereOrdered}), over {@link FilterSpec#alias}
     * @param parameters its named parameters
     * @return the query {@code from <Entity> <alias> where <whereOrdered>}, not yet run
     */
    @SuppressWarnings("unchecked")
    public PanacheQuery<E> find(String whereOrdered, Map<String, Object> parameters) {
        String query = "from " + entityType.getSimpleName() + " " + filters.alias() + " where " + whereOrdered;
        return (PanacheQuery<E>) JpaOperations.INSTANCE.find(entityType, query, parameters);
    }

    /**
     * A kind's names and types, before its list and entity functions.
     *
     * @param resourceType as {@link CrudKind#resourceType}
     * @param noun as {@link CrudKind#noun}
     * @param entityType the entity class
     * @param inputType the input record
     * @param <E> the entity
     * @param <I> its input
     */
    public record Named<E, I>(String resourceType, String noun, Class<E> entityType, Class<I> inputType) {

        /**
         * @param filters the list endpoint's filters, from {@link CrudKind#filters} (over the alias
         *     the list query uses)
         * @return the next step, with the list's filters
         * @throws IllegalArgumentException when the filters name no entity alias
         */
        public Listed<E, I> listedBy(FilterSpec.Builder filters) {
            FilterSpec spec = filters.build();
            if (spec.alias() == null) {
                throw new IllegalArgumentException("the filters of " + resourceType + " name no entity alias");
            }
            return new Listed<>(this, spec);
        }
    }

    /**
     * A kind's names, types and filters, before its entity functions.
     *
     * @param named the names and types
     * @param filters the list endpoint's filters
     * @param <E> the entity
     * @param <I> its input
     */
    public record Listed<E, I>(Named<E, I> named, FilterSpec filters) {

        /**
         * @param factory makes a new, empty entity
         * @param toDto the API form of an entity
         * @param toInput the current values of an entity as an input
         * @return the complete kind
         */
        public <D> CrudKind<E, D, I> entity(Supplier<E> factory, Function<E, D> toDto, Function<E, I> toInput) {
            return new CrudKind<>(
                    named.resourceType(),
                    named.noun(),
                    named.entityType(),
                    named.inputType(),
                    filters,
                    factory,
                    toDto,
                    toInput,
                    List.of());
        }
    }
}
