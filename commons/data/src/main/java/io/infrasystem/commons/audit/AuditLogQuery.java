package io.infrasystem.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.persistence.NamedParameters;
import io.infrasystem.commons.persistence.UtcTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Reads the audit log with the suite's filters and paging (plain JDBC, read-only). */
@ApplicationScoped
public class AuditLogQuery {

    /** The audit log's filters: by actor, action, resource and time range. */
    public static final FilterSpec FILTERS = FilterSpec.builder("id")
            .fields(FilterField::integer, "id")
            .fields(FilterField::text, "actor", "action", "resource_type", "resource_id", "request_id")
            .field(FilterField.choice("actor_type", "actor_type", Set.of("user", "api_key", "system")))
            .fields(FilterField::timestamp, "occurred_at")
            .search("actor", "resource_id", "action")
            .defaultOrdering("-occurred_at")
            .build();

    private static final String COLUMNS = "id, occurred_at, actor, actor_type, action, resource_type, resource_id, "
            + "request_id, client_ip, before_data, after_data, changes";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    @Inject
    public AuditLogQuery(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * @param query the request's query parameters (filters of {@link #FILTERS})
     * @param page the window to return
     * @return the total count and the entries of the window
     * @throws io.infrasystem.commons.problem.ProblemException 400 for unknown filters or bad values
     */
    public Result list(MultivaluedMap<String, String> query, PageRequest page) {
        QueryFilter filter = FILTERS.parse(query);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.put("page_limit", page.limit());
        params.put("page_offset", page.offset());
        try (Connection connection = dataSource.getConnection()) {
            long count;
            try (PreparedStatement statement = NamedParameters.prepare(
                            connection, "select count(*) from audit_log where " + filter.where(), params);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                count = rows.getLong(1);
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement statement = NamedParameters.prepare(
                            connection,
                            "select " + COLUMNS + " from audit_log where " + filter.whereOrdered()
                                    + " limit :page_limit offset :page_offset",
                            params);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return new Result(count, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }

    /**
     * @param id entry id
     * @return the entry, or empty when there is none with this id
     */
    public Optional<AuditEntry> find(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select " + COLUMNS + " from audit_log where id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }

    /**
     * @param count total matching entries
     * @param entries the entries of the requested window
     */
    public record Result(long count, List<AuditEntry> entries) {}

    private AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(
                row.getLong("id"),
                UtcTimes.fromColumn(row.getObject("occurred_at", LocalDateTime.class)),
                row.getString("actor"),
                row.getString("actor_type"),
                row.getString("action"),
                row.getString("resource_type"),
                row.getString("resource_id"),
                row.getString("request_id"),
                row.getString("client_ip"),
                json(row.getString("before_data")),
                json(row.getString("after_data")),
                json(row.getString("changes")));
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit log holds invalid JSON", e);
        }
    }
}
