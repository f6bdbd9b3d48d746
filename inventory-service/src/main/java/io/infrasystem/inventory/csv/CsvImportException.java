package io.infrasystem.inventory.csv;

import java.util.List;

/** A CSV import refused as a whole, with every error found; nothing was written. */
public class CsvImportException extends RuntimeException {

    private final transient List<ImportError> errors;

    public CsvImportException(String detail, List<ImportError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** @return every error, in file order */
    public List<ImportError> errors() {
        return errors;
    }
}
