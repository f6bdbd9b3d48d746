package io.infrasystem.vm.platform;

import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.persistence.NamedParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Serves the small list endpoints: parses the paging and filter query parameters of a request and
 * runs one {@link Listing} ({@code count(*)} plus one window).
 */
@ApplicationScoped
public class Lists {

    /**
     * One list endpoint.
     *
     * @param from {@code from …} clause with joins
     * @param columns select list
     * @param filters the filters and orderings the endpoint accepts
     * @param mapper maps one result row to a DTO
     */
    public record Listing<T>(String from, String columns, FilterSpec filters, Jdbc.RowMapper<T> mapper) {}

    private final DataSource dataSource;

    public Lists(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param uri the request, whose query parameters give the page and the filters
     * @return the page of mapped rows
     * @throws io.infrasystem.commons.problem.ProblemException 400 for bad paging or filter parameters
     */
    public <T> Page<T> page(Listing<T> listing, UriInfo uri) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        QueryFilter filter = listing.filters().parse(uri.getQueryParameters());
        String from = listing.from() + " where " + filter.where();
        return Jdbc.withConnection(dataSource, jdbc -> {
            Connection c = jdbc.connection();
            long count;
            try (PreparedStatement s = NamedParameters.prepare(c, "select count(*) " + from, filter.parameters());
                    ResultSet r = s.executeQuery()) {
                r.next();
                count = r.getLong(1);
            }
            List<T> results = new ArrayList<>();
            try (PreparedStatement s = NamedParameters.prepare(
                            c,
                            "select " + listing.columns() + " " + from + " order by " + filter.orderBy() + " limit "
                                    + page.limit() + " offset " + page.offset(),
                            filter.parameters());
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    results.add(listing.mapper().map(r));
                }
            }
            return Page.of(results, count, page, uri);
        });
    }
}
