package io.infrasystem.inventory.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Backups of the inventory as a ZIP archive: one JSON array per table ({@code <table>.json}, rows
 * as objects of column values) and {@code manifest.json} with the schema version, row counts and
 * the SHA-256 of every file. A restore verifies all of that before it touches anything, then
 * replaces every table's rows in one transaction.
 */
@ApplicationScoped
public class BackupService {

    private static final Pattern NAME = Pattern.compile("^inventory-\\d{8}T\\d{9}Z\\.zip$");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final BackupConfig config;
    private final ChangeRecorder changes;

    public BackupService(DataSource dataSource, ObjectMapper mapper, BackupConfig config, ChangeRecorder changes) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.changes = changes;
    }

    /**
     * Writes a new archive from one consistent read (a single repeatable-read transaction).
     *
     * @return the stored archive
     */
    @Transactional
    public BackupInfo create() {
        Instant now = Instant.now();
        String name = "inventory-" + STAMP.format(now) + ".zip";
        try {
            Path directory = directory();
            Path temporary = Files.createTempFile(directory, "partial-", ".zip");
            List<BackupManifest.TableFile> files = new ArrayList<>();
            String schema;
            try (Connection connection = dataSource.getConnection();
                    ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temporary))) {
                schema = schemaVersion(connection);
                for (String table : BackupTables.ORDER) {
                    zip.putNextEntry(new ZipEntry(table + ".json"));
                    MessageDigest digest = sha256();
                    long rows = writeTable(connection, table, new DigestOutputStream(new NonClosing(zip), digest));
                    zip.closeEntry();
                    files.add(new BackupManifest.TableFile(
                            table, table + ".json", rows, HexFormat.of().formatHex(digest.digest())));
                }
                zip.putNextEntry(new ZipEntry("manifest.json"));
                mapper.writerWithDefaultPrettyPrinter()
                        .writeValue(
                                new NonClosing(zip),
                                new BackupManifest(
                                        BackupTables.FORMAT, BackupTables.FORMAT_VERSION, schema, now, files));
                zip.closeEntry();
            }
            Path target = directory.resolve(name);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return info(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write backup " + name, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the inventory for backup " + name, e);
        }
    }

    /** @return the stored archives, newest first */
    public List<BackupInfo> list() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(java.util.Comparator.comparing(
                                    (Path p) -> p.getFileName().toString())
                            .reversed())
                    .map(this::info)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the archive file
     * @throws ProblemException 404 for a name that is not a stored backup
     */
    public Path file(String name) {
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(directory().resolve(name))) {
            throw ProblemException.notFound("backup", name);
        }
        return directory().resolve(name);
    }

    /**
     * Verifies an archive and, unless {@code dryRun}, replaces the inventory with it.
     *
     * @param archive the uploaded ZIP
     * @throws ProblemException 400 when the archive is not a ZIP, lacks its manifest or a file,
     *     a checksum or row count differs, or its schema version is not this service's; nothing
     *     is changed then
     */
    @Transactional
    public RestoreResult restore(InputStream archive, boolean dryRun) {
        Map<String, byte[]> entries = unzip(archive);
        byte[] manifestBytes = entries.get("manifest.json");
        if (manifestBytes == null) {
            throw ProblemException.invalid("archive", "has no manifest.json; it is not an inventory backup");
        }
        BackupManifest manifest;
        try {
            manifest = mapper.readValue(manifestBytes, BackupManifest.class);
        } catch (IOException e) {
            throw ProblemException.invalid("manifest.json", "cannot be read: " + e.getMessage());
        }
        if (!BackupTables.FORMAT.equals(manifest.format())
                || manifest.formatVersion() != BackupTables.FORMAT_VERSION
                || manifest.tables() == null) {
            throw ProblemException.invalid(
                    "manifest.json",
                    "is not a version " + BackupTables.FORMAT_VERSION + " " + BackupTables.FORMAT + " manifest");
        }
        Map<String, List<JsonNode>> tables = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String schema = schemaVersion(connection);
            if (!schema.equals(manifest.schemaVersion())) {
                throw ProblemException.invalid(
                        "manifest.json",
                        "was taken at schema version " + manifest.schemaVersion() + "; this service is at " + schema);
            }
            for (String table : BackupTables.ORDER) {
                BackupManifest.TableFile file = manifest.tables().stream()
                        .filter(t -> table.equals(t.table()))
                        .findFirst()
                        .orElseThrow(
                                () -> ProblemException.invalid("manifest.json", "lists no file for table " + table));
                byte[] bytes = entries.get(file.file());
                if (bytes == null) {
                    throw ProblemException.invalid(
                            file.file(), "is listed in the manifest but missing from the archive");
                }
                if (!HexFormat.of().formatHex(sha256().digest(bytes)).equalsIgnoreCase(file.sha256())) {
                    throw ProblemException.invalid(
                            file.file(), "does not match its SHA-256 in the manifest (corrupt archive)");
                }
                List<JsonNode> content = new ArrayList<>();
                try {
                    JsonNode array = mapper.readTree(bytes);
                    if (array == null || !array.isArray()) {
                        throw ProblemException.invalid(file.file(), "is not a JSON array of rows");
                    }
                    array.forEach(content::add);
                } catch (IOException e) {
                    throw ProblemException.invalid(file.file(), "is not valid JSON: " + e.getMessage());
                }
                if (content.size() != file.rows()) {
                    throw ProblemException.invalid(
                            file.file(), "holds " + content.size() + " rows, the manifest says " + file.rows());
                }
                tables.put(table, content);
                rows.put(table, file.rows());
            }
            Map<String, Long> replaced = new LinkedHashMap<>();
            if (!dryRun) {
                replace(connection, tables, replaced);
                changes.record(new Change(
                        "backup",
                        "restore",
                        "restored",
                        null,
                        Map.of("created_at", manifest.createdAt().toString(), "rows", rows),
                        null));
            }
            return new RestoreResult(dryRun, schema, rows, replaced);
        } catch (SQLException e) {
            throw ProblemException.invalid(
                    "archive", "its rows break the schema's rules (" + e.getMessage() + "); nothing was restored");
        }
    }

    private void replace(Connection connection, Map<String, List<JsonNode>> tables, Map<String, Long> replaced)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : BackupTables.ORDER.reversed()) {
                replaced.put(table, (long) statement.executeUpdate("delete from " + table));
            }
        }
        for (String table : BackupTables.ORDER) {
            List<JsonNode> content = tables.get(table);
            if (content.isEmpty()) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            content.get(0).fieldNames().forEachRemaining(columns::add);
            for (String column : columns) {
                if (!column.matches("^[a-z_]+$")) {
                    throw ProblemException.invalid(table + ".json", "has an invalid column name");
                }
            }
            String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int batch = 0;
                for (JsonNode row : content) {
                    for (int i = 0; i < columns.size(); i++) {
                        insert.setObject(i + 1, value(row.get(columns.get(i))));
                    }
                    insert.addBatch();
                    if (++batch % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    private long writeTable(Connection connection, String table, OutputStream out) throws SQLException, IOException {
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select * from " + table + " order by 1");
                JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            ResultSetMetaData meta = result.getMetaData();
            json.writeStartArray();
            while (result.next()) {
                json.writeStartObject();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    json.writeFieldName(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
                    writeValue(json, result, meta, i);
                }
                json.writeEndObject();
                rows++;
            }
            json.writeEndArray();
        }
        return rows;
    }

    private static void writeValue(JsonGenerator json, ResultSet result, ResultSetMetaData meta, int i)
            throws SQLException, IOException {
        int type = meta.getColumnType(i);
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
                long value = result.getLong(i);
                if (result.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                java.math.BigDecimal value = result.getBigDecimal(i);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            case Types.BOOLEAN, Types.BIT, Types.TINYINT -> {
                boolean value = result.getBoolean(i);
                if (result.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeBoolean(value);
                }
            }
            default -> {
                String value = result.getString(i);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value);
                }
            }
        }
    }

    private Map<String, byte[]> unzip(InputStream archive) {
        long limit = (long) config.maxUnpackedMib() * 1024 * 1024;
        long total = 0;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            ZipEntry entry;
            byte[] buffer = new byte[65536];
            while ((entry = zip.getNextEntry()) != null) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > limit) {
                        throw ProblemException.payloadTooLarge(
                                "the archive unpacks to more than " + config.maxUnpackedMib() + " MiB");
                    }
                    content.write(buffer, 0, read);
                }
                entries.put(entry.getName(), content.toByteArray());
            }
        } catch (IOException e) {
            throw ProblemException.invalid("archive", "is not a readable ZIP file: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw ProblemException.invalid("archive", "is not a ZIP file (or an empty one)");
        }
        return entries;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select ID from DATABASECHANGELOG order by ORDEREXECUTED desc limit 1")) {
            return result.next() ? result.getString(1) : "none";
        }
    }

    private BackupInfo info(Path file) {
        try {
            Map<String, Long> rows = new LinkedHashMap<>();
            String schema = null;
            Instant created = Files.getLastModifiedTime(file).toInstant();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().equals("manifest.json")) {
                        BackupManifest manifest = mapper.readValue(zip.readAllBytes(), BackupManifest.class);
                        manifest.tables().forEach(t -> rows.put(t.table(), t.rows()));
                        schema = manifest.schemaVersion();
                        created = manifest.createdAt();
                    }
                }
            }
            MessageDigest digest = sha256();
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            }
            return new BackupInfo(
                    file.getFileName().toString(),
                    created,
                    Files.size(file),
                    HexFormat.of().formatHex(digest.digest()),
                    schema,
                    rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path directory() {
        Path directory = Path.of(config.directory());
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("backup directory " + directory + " cannot be created", e);
        }
        return directory;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a writer be closed without closing the ZIP stream under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
