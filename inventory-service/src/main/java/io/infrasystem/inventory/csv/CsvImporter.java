package io.infrasystem.inventory.csv;

import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
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
 * column and message. Each kind decides how it writes ({@link CsvTable#importRows}): assets in
 * bulk, racks and models row by row.
 */
@ApplicationScoped
public class CsvImporter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();

    private final TransactionManager transactions;

    public CsvImporter(TransactionManager transactions) {
        this.transactions = transactions;
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
        List<CsvRow> rows = new ArrayList<>();
        int count = 0;
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            Map<String, Integer> header = header(table, parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                throw new CsvImportException(
                        "the header has " + errors.size() + " problem(s); nothing was imported", errors);
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
                    errors.add(new ImportError(
                            Math.max(line, parser.getCurrentLineNumber()),
                            null,
                            null,
                            "malformed CSV (check the quoting): " + rootMessage(e)));
                    break;
                }
                lineEnd = parser.getCurrentLineNumber();
                count++;
                if (record.size() != header.size()) {
                    errors.add(new ImportError(
                            line, null, null, "has " + record.size() + " cells, the header has " + header.size()));
                    continue;
                }
                rows.add(new CsvRow(record, header, line));
            }
        } catch (IOException e) {
            throw new CsvImportException(
                    "the file could not be read", List.of(new ImportError(1, null, null, e.getMessage())));
        }
        RowCounts counts = table.importRows(rows, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingLong(ImportError::line));
            throw new CsvImportException(
                    errors.size() + " error(s) in " + count + " row(s); nothing was imported", errors);
        }
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("could not roll back the dry run", e);
            }
        }
        return new ImportResult(table.kind(), dryRun, count, counts.created(), counts.updated());
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
                errors.add(new ImportError(
                        1,
                        i + 1,
                        name,
                        "unknown column; " + table.kind() + " take " + table.columns()
                                + " and the *_id form of each relation"));
            } else if (header.putIfAbsent(name, i) != null) {
                errors.add(new ImportError(1, i + 1, name, "column given twice"));
            }
        }
        return header;
    }

    private static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "is empty; send the CSV file");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid(
                    "body", "is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in spreadsheets)");
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
