package io.infrasystem.commons.crud;

import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Runs a list request (NetBox-style filters, ordering, limit/offset) against a Panache entity. */
public final class Lists {

    private Lists() {}

    /**
     * @param spec the endpoint's filter whitelist (HQL expressions)
     * @param uri the request, whose query parameters are the filters and window
     * @param finder the entity's {@code find(query, params)}
     * @param toDto conversion of each entity
     * @return the page envelope
     * @throws io.infrasystem.commons.problem.ProblemException 400 for unknown or malformed filters
     */
    public static <E, D> Page<D> page(
            FilterSpec spec,
            UriInfo uri,
            BiFunction<String, java.util.Map<String, Object>, PanacheQuery<E>> finder,
            Function<E, D> toDto) {
        QueryFilter filter = spec.parse(uri.getQueryParameters());
        PageRequest request = PageRequest.from(uri.getQueryParameters());
        PanacheQuery<E> query = finder.apply(filter.whereOrdered(), filter.parameters());
        long count = query.count();
        List<E> rows = count == 0
                ? List.of()
                : query.range((int) request.offset(), (int) (request.offset() + request.limit() - 1))
                        .list();
        return Page.of(rows.stream().map(toDto).toList(), count, request, uri);
    }
}
