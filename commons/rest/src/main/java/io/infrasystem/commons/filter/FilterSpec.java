package io.infrasystem.commons.filter;

import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The filters, free-text search and orderings one list endpoint accepts, declared once per
 * resource as a whitelist, and the parser that turns a request's query parameters into a
 * {@link QueryFilter} the way NetBox reads them:
 * <ul>
 * <li>{@code field=value} exact; {@code field__n}, {@code __ic}, {@code __nic}, {@code __isw},
 *     {@code __iew}, {@code __ie}, {@code __lt}, {@code __lte}, {@code __gt}, {@code __gte},
 *     {@code __empty} as in {@link Lookup};</li>
 * <li>a repeated parameter matches any of its values (OR), except the negations ({@code __n},
 *     {@code __nic}) which exclude every value; different parameters all apply (AND);</li>
 * <li>{@code q} searches the declared text expressions, case-insensitive;</li>
 * <li>{@code ordering=a,-b} orders by declared fields, {@code -} for descending.</li>
 * </ul>
 * An unknown parameter, a lookup the field does not take or a value of the wrong type is a 400
 * naming the parameter. Values are always bound as parameters, never written into the query text.
 * Expressions are those of the query language the caller runs (HQL for Panache, SQL for JDBC);
 * both use {@code lower()}, {@code like … escape '!'}, {@code in (…)} and {@code is null} only.
 */
public final class FilterSpec {

    private static final Set<String> PAGING = Set.of("limit", "offset", "ordering", "q");

    private final Map<String, FilterField> fields;
    private final List<String> searchExpressions;
    private final String defaultOrdering;
    private final String idExpression;
    private final String alias;
    private final Set<String> ignored;

    private FilterSpec(Builder builder) {
        this.fields = Map.copyOf(builder.fields);
        this.searchExpressions = List.copyOf(builder.search);
        this.defaultOrdering = builder.defaultOrdering;
        this.idExpression = builder.idExpression;
        this.alias = builder.alias;
        this.ignored = Set.copyOf(builder.ignored);
    }

    /**
     * @param idExpression expression of the unique id, the last key of every ordering
     * @return a builder
     */
    public static Builder builder(String idExpression) {
        return new Builder(idExpression, null, UnaryOperator.identity());
    }

    /**
     * A builder for HQL over one entity: the id expression is {@code alias.id} and
     * {@link Builder#fields} maps each public name to the attribute of the same name in camelCase
     * ({@code last_used_at} → {@code alias.lastUsedAt}).
     *
     * @param alias the entity's alias in the query, e.g. {@code k} for {@code from ApiKey k}
     * @return a builder
     */
    public static Builder forEntity(String alias) {
        return new Builder(alias + ".id", alias, name -> alias + "." + camelCase(name));
    }

    /**
     * @return the entity alias the expressions are written over ({@link #forEntity}), or
     *     {@code null} for a specification from {@link #builder}
     */
    public String alias() {
        return alias;
    }

    /** @return {@code snake_case} as {@code snakeCase} */
    static String camelCase(String snakeCase) {
        StringBuilder camel = new StringBuilder(snakeCase.length());
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    /**
     * @param query the request's query parameters
     * @return the condition, parameters and ordering
     * @throws ProblemException 400 listing every unknown parameter, unsupported lookup and bad value
     */
    public QueryFilter parse(MultivaluedMap<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            String parameter = entry.getKey();
            if (PAGING.contains(parameter) || ignored.contains(parameter)) {
                continue;
            }
            try {
                conditions.add(condition(parameter, entry.getValue(), parameters));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(parameter, e.getMessage()));
            }
        }
        String q = query.getFirst("q");
        if (q != null && !q.isBlank()) {
            if (searchExpressions.isEmpty()) {
                errors.add(new FieldError("q", "free-text search is not available on this list"));
            } else {
                String name = bind(parameters, "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%");
                conditions.add("("
                        + String.join(
                                " or ",
                                searchExpressions.stream()
                                        .map(e -> "lower(" + e + ") like :" + name + " escape '!'")
                                        .toList())
                        + ")");
            }
        }
        String orderBy = orderBy(query.get("ordering"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return new QueryFilter(where, parameters, orderBy);
    }

    private String condition(String parameter, List<String> rawValues, Map<String, Object> parameters) {
        int split = parameter.lastIndexOf("__");
        String fieldName = split < 0 ? parameter : parameter.substring(0, split);
        FilterField field = fields.get(fieldName);
        if (field == null) {
            throw new IllegalArgumentException(
                    "unknown filter; this list accepts " + new java.util.TreeSet<>(fields.keySet()));
        }
        Lookup lookup = Lookup.EXACT;
        if (split >= 0) {
            String suffix = parameter.substring(split + 2);
            lookup = Lookup.fromSuffix(suffix)
                    .orElseThrow(() -> new IllegalArgumentException("unknown lookup '__" + suffix + "'"));
        }
        if (!field.kind().lookups().contains(lookup)) {
            throw new IllegalArgumentException("lookup '__" + lookup.suffix() + "' does not apply to this field");
        }
        List<String> values = rawValues.stream().filter(v -> v != null).toList();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("needs a value");
        }
        String expr = field.expression();
        return switch (lookup) {
            case EMPTY -> empty(field, values);
            case EXACT, NOT -> {
                List<Object> converted = values.stream().map(field.converter()).toList();
                String list = bind(parameters, converted);
                if (field.kind() == FieldKind.MEMBERSHIP) {
                    String test = "(" + expr.replace(":values", ":" + list) + ")";
                    yield lookup == Lookup.EXACT ? test : "not " + test;
                }
                yield lookup == Lookup.EXACT
                        ? expr + " in (:" + list + ")"
                        : "(" + expr + " is null or " + expr + " not in (:" + list + "))";
            }
            case ICONTAINS, NOT_ICONTAINS, ISTARTSWITH, IENDSWITH, IEXACT ->
                textLookup(expr, lookup, values, parameters);
            case LT, LTE, GT, GTE -> {
                String op = switch (lookup) {
                    case LT -> " < ";
                    case LTE -> " <= ";
                    case GT -> " > ";
                    default -> " >= ";
                };
                List<String> parts = new ArrayList<>();
                for (String value : values) {
                    parts.add(
                            expr + op + ":" + bind(parameters, field.converter().apply(value)));
                }
                yield "(" + String.join(" or ", parts) + ")";
            }
        };
    }

    private static String textLookup(String expr, Lookup lookup, List<String> values, Map<String, Object> parameters) {
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            String lower = value.toLowerCase(Locale.ROOT);
            String pattern = switch (lookup) {
                case ISTARTSWITH -> escapeLike(lower) + "%";
                case IENDSWITH -> "%" + escapeLike(lower);
                case IEXACT -> null;
                default -> "%" + escapeLike(lower) + "%";
            };
            if (pattern == null) {
                parts.add("lower(" + expr + ") = :" + bind(parameters, lower));
            } else {
                String like = lookup == Lookup.NOT_ICONTAINS ? " not like :" : " like :";
                parts.add("lower(" + expr + ")" + like + bind(parameters, pattern) + " escape '!'");
            }
        }
        if (lookup == Lookup.NOT_ICONTAINS) {
            return "(" + expr + " is null or (" + String.join(" and ", parts) + "))";
        }
        return "(" + String.join(" or ", parts) + ")";
    }

    private static String empty(FilterField field, List<String> values) {
        if (values.size() != 1) {
            throw new IllegalArgumentException("takes one value, true or false");
        }
        boolean wanted = switch (values.get(0).strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
        String expr = field.expression();
        String isEmpty =
                field.kind() == FieldKind.TEXT ? "(" + expr + " is null or " + expr + " = '')" : expr + " is null";
        return wanted ? isEmpty : "not " + isEmpty;
    }

    private String orderBy(List<String> orderings, List<FieldError> errors) {
        List<String> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> requested = new ArrayList<>();
        if (orderings == null || orderings.isEmpty()) {
            if (defaultOrdering != null) {
                requested.add(defaultOrdering);
            }
        } else {
            for (String value : orderings) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        requested.add(part.strip());
                    }
                }
            }
        }
        for (String key : requested) {
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            FilterField field = fields.get(name);
            if (field == null || !field.orderable()) {
                errors.add(new FieldError("ordering", "cannot order by '" + name + "'"));
            } else if (seen.add(name)) {
                keys.add(field.expression() + (descending ? " desc" : " asc"));
            }
        }
        keys.add(idExpression + " asc");
        return String.join(", ", keys);
    }

    private static String bind(Map<String, Object> parameters, Object value) {
        String name = "f" + parameters.size();
        parameters.put(name, value);
        return name;
    }

    /** Escapes LIKE wildcards with {@code !}, the escape character every pattern declares. */
    static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Declares the whitelist of one list endpoint. */
    public static final class Builder {
        private final Map<String, FilterField> fields = new LinkedHashMap<>();
        private final List<String> search = new ArrayList<>();
        private final Set<String> ignored = new LinkedHashSet<>();
        private final String idExpression;
        private final String alias;
        private final UnaryOperator<String> naming;
        private String defaultOrdering;

        private Builder(String idExpression, String alias, UnaryOperator<String> naming) {
            this.idExpression = idExpression;
            this.alias = alias;
            this.naming = naming;
        }

        /** Adds a filterable field. */
        public Builder field(FilterField field) {
            if (fields.putIfAbsent(field.name(), field) != null) {
                throw new IllegalArgumentException("field declared twice: " + field.name());
            }
            return this;
        }

        /**
         * Adds fields of one kind whose expressions follow from their public names: the name itself
         * (a SQL column named like the parameter) for {@link FilterSpec#builder}, the camelCase
         * attribute for {@link FilterSpec#forEntity}.
         *
         * @param kind the factory of the fields, e.g. {@code FilterField::text}
         * @param names the public names
         * @throws IllegalArgumentException when a name is declared twice
         */
        public Builder fields(BiFunction<String, String, FilterField> kind, String... names) {
            for (String name : names) {
                field(kind.apply(name, naming.apply(name)));
            }
            return this;
        }

        /**
         * Adds the two filters of a relation, as NetBox names them: {@code <name>_id} (whole number,
         * the related entity's id) and {@code <name>} (matches any of the related entity's
         * {@code keys}, e.g. its slug or name; a row without the relation matches no value). HQL.
         *
         * @param name the relation's public name, e.g. {@code site}
         * @param path the relation's expression, e.g. {@code a.site}
         * @param entity the related entity's HQL name, e.g. {@code Site}
         * @param keys the related entity's attributes that {@code <name>} matches, e.g. {@code slug},
         *     {@code name}
         * @throws IllegalArgumentException when a name is declared twice
         */
        public Builder relation(String name, String path, String entity, String... keys) {
            String related = "x_" + name;
            String matches = String.join(
                    " or ",
                    List.of(keys).stream()
                            .map(key -> related + "." + key + " in (:values)")
                            .toList());
            return field(FilterField.integer(name + "_id", path + ".id"))
                    .field(FilterField.membership(
                            name,
                            "exists (select 1 from " + entity + " " + related + " where " + related + " = " + path
                                    + " and (" + matches + "))",
                            v -> v));
        }

        /** Adds text expressions that {@code q} searches, case-insensitive. */
        public Builder search(String... expressions) {
            search.addAll(List.of(expressions));
            return this;
        }

        /** Sets the ordering used when the request names none, e.g. {@code "-created_at"}. */
        public Builder defaultOrdering(String ordering) {
            this.defaultOrdering = ordering;
            return this;
        }

        /** Names query parameters the endpoint reads itself (e.g. {@code format}); they are not filters. */
        public Builder ignore(String... parameters) {
            ignored.addAll(List.of(parameters));
            return this;
        }

        /** @return the immutable specification */
        public FilterSpec build() {
            return new FilterSpec(this);
        }
    }
}
