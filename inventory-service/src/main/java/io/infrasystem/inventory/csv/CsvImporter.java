package io.infrasystem.inventory.csv;

import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports a CSV file (RFC 4180, UTF-8, optional BOM, header of lower_snake column names) into
 * one kind, all rows in one transaction: when any row is bad, or with {@code dry_run}, the
 * transaction is rolled back and nothing is written. Every bad row is reported with its line,
 * column and message (a row the database itself refuses stops the run there).
 */
@ApplicationScoped
public class CsvImporter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(false).get();

    /** Rows between two flushes and clears of the persistence context (keeps dirty checks short). */
    static final int BATCH = 200;

    private final TransactionManager transactions;
    private final EntityManager entityManager;

    public CsvImporter(TransactionManager transactions, EntityManager entityManager) {
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /**
     * @param table what the file holds
     * @param body the file's bytes
     * @param dryRun check and apply every row, then roll back
     * @return the counts
     * @throws CsvImportException 400 listing every bad line (encoding, quoting, unknown or
     *     duplicate column, bad cell, refused row)
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public ImportResult importCsv(CsvTable<?> table, byte[] body, boolean dryRun) {
        String text = decode(body);
        List<ImportError> errors = new ArrayList<>();
        int rows = 0;
        int created = 0;
        int updated = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(FORMAT).get()) {
            Map<String, Integer> header = header(table, parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                throw new CsvImportException("the header has " + errors.size() + " problem(s); nothing was imported", errors);
            }
            long lineEnd = parser.getCurrentLineNumber();
            var records = parser.iterator();
            while (true) {
                long line = lineEnd + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(new ImportError(Math.max(line, parser.getCurrentLineNumber()), null, null,
                            "malformed CSV (check the quoting): " + rootMessage(e)));
                    break;
                }
                lineEnd = parser.getCurrentLineNumber();
                rows++;
                if (record.size() != header.size()) {
                    errors.add(new ImportError(line, null, null, "has " + record.size() + " cells, the header has " + header.size()));
                    continue;
                }
                CsvRow row = new CsvRow(record, header);
                row.line(line);
                try {
                    if (table.apply(row)) {
                        created++;
                    } else {
                        updated++;
                    }
                } catch (CellException e) {
                    errors.add(new ImportError(line, column(header, e.column()), e.column(), e.getMessage()));
                } catch (ProblemException e) {
                    if (e.errors().isEmpty()) {
                        errors.add(new ImportError(line, null, null, e.getMessage()));
                    }
                    for (FieldError error : e.errors()) {
                        String field = error.field();
                        String column = field.endsWith("_id") && !header.containsKey(field) ? field.substring(0, field.length() - 3) : field;
                        column = column.replaceAll("\\[\\d+]$", "");
                        errors.add(new ImportError(line, column(header, column), column, error.message()));
                    }
                } catch (PersistenceException e) {
                    errors.add(new ImportError(line, null, null, "the database refused the row (a duplicate or a missing "
                            + "reference); the rows after it were not checked"));
                    break;
                }
                if (rows % BATCH == 0) {
                    if (errors.isEmpty()) {
                        entityManager.flush();
                    }
                    entityManager.clear();
                }
            }
        } catch (IOException e) {
            throw new CsvImportException("the file could not be read", List.of(new ImportError(1, null, null, e.getMessage())));
        }
        if (!errors.isEmpty()) {
            throw new CsvImportException(errors.size() + " error(s) in " + rows + " row(s); nothing was imported", errors);
        }
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("could not roll back the dry run", e);
            }
        }
        return new ImportResult(table.kind(), dryRun, rows, created, updated);
    }

    private static Map<String, Integer> header(CsvTable<?> table, List<String> names, List<ImportError> errors) {
        Set<String> known = new HashSet<>(table.columns());
        known.addAll(table.idColumns());
        Map<String, Integer> header = new HashMap<>();
        if (names.isEmpty()) {
            errors.add(new ImportError(1, null, null, "the file has no header line"));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (!known.contains(name)) {
                errors.add(new ImportError(1, i + 1, name, "unknown column; " + table.kind() + " take " + table.columns()
                        + " and the *_id form of each relation"));
            } else if (header.putIfAbsent(name, i) != null) {
                errors.add(new ImportError(1, i + 1, name, "column given twice"));
            }
        }
        return header;
    }

    private static Integer column(Map<String, Integer> header, String name) {
        Integer index = header.get(name);
        return index == null ? null : index + 1;
    }

    private static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "is empty; send the CSV file");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in spreadsheets)");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
