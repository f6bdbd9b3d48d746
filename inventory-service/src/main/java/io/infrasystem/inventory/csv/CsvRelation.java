package io.infrasystem.inventory.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rows of a relation that CSV cells name (a site, a model…), loaded once before the first
 * row of an import and resolved in memory: a {@code <relation>_id} column holds an id, a
 * {@code <relation>} column a name; a name made only of digits that matches nothing is taken as
 * an id. Names compare case-insensitively, as the database's collation does.
 *
 * @param <T> the entity
 */
public final class CsvRelation<T> {

    private final String relation;
    private final Map<Long, T> byId = new HashMap<>();
    private final Map<String, List<T>> byName = new HashMap<>();

    private CsvRelation(String relation) {
        this.relation = relation;
    }

    /**
     * A relation whose names are unique, each row known by several keys (e.g. slug and name): a
     * key of a later function wins over the same key of an earlier one.
     *
     * @param relation the column name, e.g. {@code site} or {@code device_type}
     * @param rows every row of the relation
     * @param id a row's id
     * @param keys a row's names, in rising priority ({@code null} names are skipped)
     * @return the relation
     */
    @SafeVarargs
    public static <T> CsvRelation<T> unique(
            String relation, List<T> rows, Function<T, Long> id, Function<T, String>... keys) {
        CsvRelation<T> index = new CsvRelation<>(relation);
        for (T row : rows) {
            index.byId.put(id.apply(row), row);
        }
        for (int i = 0; i < keys.length; i++) {
            for (T row : index.byId.values()) {
                String key = key(keys[i].apply(row));
                if (key != null && (i == keys.length - 1 || !index.byName.containsKey(key))) {
                    index.byName.put(key, List.of(row));
                }
            }
        }
        return index;
    }

    /**
     * A relation whose names are unique only within a parent (a rack's name within its site).
     *
     * @param relation the column name, e.g. {@code rack}
     * @param rows every row of the relation
     * @param id a row's id
     * @param name a row's name
     * @return the relation
     */
    public static <T> CsvRelation<T> shared(
            String relation, List<T> rows, Function<T, Long> id, Function<T, String> name) {
        CsvRelation<T> index = new CsvRelation<>(relation);
        for (T row : rows) {
            index.byId.put(id.apply(row), row);
            index.byName
                    .computeIfAbsent(key(name.apply(row)), k -> new ArrayList<>())
                    .add(row);
        }
        return index;
    }

    /** @return the row of an id, {@code null} when none */
    public T get(Long id) {
        return byId.get(id);
    }

    /**
     * @return the row a CSV row names, {@code null} when it names none
     * @throws CellException for an unknown id or name
     */
    public T resolve(CsvRow row) {
        return resolve(row, candidate -> true, "", "");
    }

    /**
     * @param within the rows the name may denote (e.g. the racks of the row's site)
     * @param ambiguous the message when several rows {@code within} bear the name ({@code %s}: the name)
     * @param unknownSuffix what follows {@code no <relation> is named '<name>'} when nothing does
     * @return the row a CSV row names, {@code null} when it names none
     * @throws CellException for an unknown id or name, or an ambiguous name
     */
    public T resolve(CsvRow row, Predicate<T> within, String ambiguous, String unknownSuffix) {
        String idColumn = relation + "_id";
        String noun = relation.replace('_', ' ');
        Long id = row.integer(idColumn);
        String name = row.text(relation);
        if (id != null) {
            return require(byId.get(id), idColumn, noun + " " + id + " does not exist");
        }
        if (name == null) {
            return null;
        }
        List<T> named = byName.getOrDefault(key(name), List.of()).stream()
                .filter(within)
                .toList();
        if (named.size() > 1) {
            throw new CellException(relation, ambiguous.formatted(name));
        }
        T found = named.isEmpty() ? null : named.get(0);
        if (found == null && name.length() < 19 && name.chars().allMatch(Character::isDigit)) {
            found = byId.get(Long.valueOf(name));
        }
        return require(found, relation, ("no " + noun + " is named '%s'" + unknownSuffix).formatted(name));
    }

    private static <T> T require(T value, String column, String message) {
        if (value == null) {
            throw new CellException(column, message);
        }
        return value;
    }

    private static String key(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }
}
