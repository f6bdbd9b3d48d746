package io.infrasystem.commons.crud;

import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The entities an input names by id ({@code site_id}, {@code model_id}, …), looked up once for
 * every service: a missing one is a 400 on the input's field, never a 404 of the request.
 */
public final class References {

    private References() {}

    /**
     * @param type the entity class
     * @param noun how the message names it, e.g. {@code device type}
     * @param field the input field that names it, e.g. {@code device_type_id}
     * @param id the id the input gives
     * @return the entity
     * @throws ProblemException 400 on {@code field}: {@code is required} when {@code id} is
     *     {@code null}, {@code <noun> <id> does not exist} when there is no such entity
     */
    public static <T> T require(Class<T> type, String noun, String field, Long id) {
        if (id == null) {
            throw ProblemException.invalid(field, "is required");
        }
        T entity = Panache.getEntityManager(type).find(type, id);
        if (entity == null) {
            throw ProblemException.invalid(field, noun + " " + id + " does not exist");
        }
        return entity;
    }

    /**
     * @return {@code null} when {@code id} is, else the entity as {@link #require}
     * @throws ProblemException 400 on {@code field} when there is no such entity
     */
    public static <T> T optional(Class<T> type, String noun, String field, Long id) {
        return id == null ? null : require(type, noun, field, id);
    }
}
