package io.infrasystem.commons.filter;

import java.util.Map;

/**
 * A list request turned into query text and bound parameters. The text holds only expressions
 * declared by the resource and named parameters ({@code :f0}, {@code :f1}, …); every value from the
 * query string is in {@link #parameters()}.
 *
 * @param where boolean condition, {@code 1 = 1} when nothing is filtered
 * @param parameters named parameters to bind, by name without the colon
 * @param orderBy order expression list (never empty: it ends with the unique id for stable pages)
 */
public record QueryFilter(String where, Map<String, Object> parameters, String orderBy) {

    /** @return {@code where} followed by {@code order by}, for Panache's {@code find(query, params)} */
    public String whereOrdered() {
        return where + " order by " + orderBy;
    }
}
