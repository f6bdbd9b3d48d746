package io.infrasystem.inventory.csv;

/** A cell of an imported CSV row that cannot be used; {@code column} is its header name. */
public class CellException extends RuntimeException {

    private final String column;

    /**
     * @param column header name of the cell
     * @param message why it cannot be used, for the caller
     */
    public CellException(String column, String message) {
        super(message, null, false, false);
        this.column = column;
    }

    /** @return header name of the cell */
    public String column() {
        return column;
    }
}
