package io.infrasystem.inventory.csv;

import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/**
 * The CSV tables by their kind in URLs: every {@link CsvTable} bean the features declare (assets,
 * racks, models), found by CDI.
 */
@ApplicationScoped
public class CsvTables {

    private final List<CsvTable<?>> tables;

    public CsvTables(@All List<CsvTable<?>> tables) {
        this.tables =
                tables.stream().sorted(Comparator.comparing(CsvTable::kind)).toList();
    }

    /**
     * @param kind the kind in the URL, e.g. {@code assets}
     * @return its table
     * @throws ProblemException 404 for a kind that has no CSV form
     */
    public CsvTable<?> of(String kind) {
        return tables.stream()
                .filter(t -> t.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("CSV kind", kind + " (use " + kinds() + ")"));
    }

    private String kinds() {
        List<String> kinds = tables.stream().map(CsvTable::kind).toList();
        return kinds.size() == 1
                ? kinds.get(0)
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or " + kinds.get(kinds.size() - 1);
    }
}
