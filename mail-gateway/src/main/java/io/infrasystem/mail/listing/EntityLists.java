package io.infrasystem.mail.listing;

import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Serves one page of an entity list from a request's query parameters: commons {@link FilterSpec}
 * (NetBox filters, {@code q}, {@code ordering}) and {@link PageRequest} ({@code limit}/{@code offset})
 * turned into one count and one window query in HQL.
 */
public final class EntityLists {

    private EntityLists() {}

    /**
     * @param type the entity class
     * @param alias the alias the spec's expressions use, e.g. {@code m}
     * @param spec the list's filters
     * @param uri the request (query parameters and links)
     * @param mapper entity → DTO
     * @return the page envelope
     * @throws io.infrasystem.commons.problem.ProblemException 400 for bad filters or paging parameters
     */
    public static <E, T> Page<T> page(
            Class<E> type, String alias, FilterSpec spec, UriInfo uri, Function<E, T> mapper) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        QueryFilter filter = spec.parse(uri.getQueryParameters());
        EntityManager em = Panache.getEntityManager(type);
        String from = " from " + type.getSimpleName() + " " + alias + " where " + filter.where();
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        TypedQuery<E> rows = em.createQuery("select " + alias + from + " order by " + filter.orderBy(), type)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.limit());
        bind(count, filter.parameters());
        bind(rows, filter.parameters());
        List<T> results = rows.getResultList().stream().map(mapper).toList();
        return Page.of(results, count.getSingleResult(), page, uri);
    }

    private static void bind(TypedQuery<?> query, Map<String, Object> parameters) {
        parameters.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                query.unwrap(org.hibernate.query.Query.class).setParameterList(name, values);
            } else {
                query.setParameter(name, value);
            }
        });
    }
}
