package io.infrasystem.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs SQL written with named parameters ({@code :name}, as produced by the commons filter
 * parser) on plain JDBC: each name becomes {@code ?} (a collection becomes {@code ?, ?, …}) and its
 * value is bound as {@link Jdbc#values} binds it. Names inside quoted literals
 * are left alone.
 */
public final class NamedParameters {

    private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    private NamedParameters() {}

    /**
     * @param connection connection to prepare on
     * @param sql SQL with {@code :name} parameters
     * @param parameters value of every name used in {@code sql}
     * @return the prepared statement with every value bound; the caller closes it
     * @throws SQLException when preparing or binding fails
     * @throws IllegalArgumentException when {@code sql} names a parameter that has no value
     */
    public static PreparedStatement prepare(Connection connection, String sql, Map<String, Object> parameters)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            if (name == null) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("no value for parameter :" + name);
            }
            Object value = parameters.get(name);
            if (value instanceof Collection<?> many) {
                m.appendReplacement(out, String.join(", ", java.util.Collections.nCopies(many.size(), "?")));
                values.addAll(many);
            } else {
                m.appendReplacement(out, "?");
                values.add(value);
            }
        }
        m.appendTail(out);
        PreparedStatement statement = connection.prepareStatement(out.toString());
        Jdbc.values(values.toArray()).bind(statement);
        return statement;
    }
}
