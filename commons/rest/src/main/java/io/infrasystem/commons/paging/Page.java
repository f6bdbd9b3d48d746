package io.infrasystem.commons.paging;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * The list envelope of every collection endpoint (DESIGN.md §3, the shape NetBox uses):
 * {@code {"count": N, "next": url|null, "previous": url|null, "results": [...]}}.
 *
 * @param count total number of matching results, all pages together
 * @param next absolute URL of the next page with the same filters, or {@code null} on the last
 * @param previous absolute URL of the previous page, or {@code null} on the first
 * @param results this page's results
 * @param <T> the result type (a DTO, never an entity)
 */
public record Page<T>(long count, String next, String previous, List<T> results) {

    /**
     * @param results the results of the requested window
     * @param count total number of matching results
     * @param request the window that was served
     * @param uri the request's URI, whose other query parameters the links keep
     * @param <T> the result type
     * @return the envelope with its links
     */
    public static <T> Page<T> of(List<T> results, long count, PageRequest request, UriInfo uri) {
        String next = null;
        if (request.offset() + request.limit() < count) {
            next = link(uri, request.limit(), request.offset() + request.limit());
        }
        String previous = null;
        if (request.offset() > 0) {
            previous = link(uri, request.limit(), Math.max(0, request.offset() - request.limit()));
        }
        return new Page<>(count, next, previous, results);
    }

    /**
     * @param mapper conversion of each result
     * @param <R> the new result type
     * @return the same page with its results converted
     */
    public <R> Page<R> map(Function<? super T, R> mapper) {
        return new Page<>(count, next, previous, results.stream().<R>map(mapper).toList());
    }

    private static String link(UriInfo uri, int limit, long offset) {
        UriBuilder builder =
                uri.getRequestUriBuilder().replaceQueryParam("limit", limit).replaceQueryParam("offset", offset);
        return builder.build().toString();
    }
}
