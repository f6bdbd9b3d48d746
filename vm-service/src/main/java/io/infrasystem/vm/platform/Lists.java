package io.infrasystem.vm.platform;

import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.persistence.NamedParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs a filtered, paged SQL list ({@code count(*)} plus one window) for the small list endpoints. */
@ApplicationScoped
public class Lists {

    /** Maps one result row to a DTO. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    public Lists(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param from {@code from …} clause with joins
     * @param columns select list
     * @return the page of mapped rows
     */
    public <T> Page<T> page(
            String from, String columns, QueryFilter filter, PageRequest page, UriInfo uri, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection()) {
            long count;
            try (PreparedStatement s = NamedParameters.prepare(
                            c, "select count(*) " + from + " where " + filter.where(), filter.parameters());
                    ResultSet r = s.executeQuery()) {
                r.next();
                count = r.getLong(1);
            }
            List<T> results = new ArrayList<>();
            try (PreparedStatement s = NamedParameters.prepare(
                            c,
                            "select " + columns + " " + from + " where "
                                    + filter.where() + " order by " + filter.orderBy() + " limit " + page.limit()
                                    + " offset "
                                    + page.offset(),
                            filter.parameters());
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    results.add(mapper.map(r));
                }
            }
            return Page.of(results, count, page, uri);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
