package io.infrasystem.cert.scan.run;

import io.infrasystem.commons.persistence.UtcTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes the scan results ({@code certificate_scan}) of a recording batch as one JDBC batch, in
 * the caller's transaction (the Agroal datasource shares its connection with Hibernate there), and
 * sets each result's generated id. Results are written once and never edited, so they need no
 * entity state: one round trip per batch instead of one insert per result (identity keys, which
 * Hibernate does not batch). The certificates and targets they refer to must be written already
 * (identity keys are: Hibernate inserts them at {@code persist}).
 */
@ApplicationScoped
public class ScanRows {

    private static final String INSERT = """
            insert into certificate_scan (scan_run_id, scan_target_id, host, port, sni, scanned_at, result, error,
                                          tls_version, cipher_suite, certificate_id, chain, hostname_match, trusted,
                                          trust_error, peer_address, version, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""";

    private final DataSource dataSource;

    public ScanRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the results and sets their {@code id}, {@code createdAt} and {@code updatedAt}.
     *
     * @param scans new results (not persisted through Hibernate), with their run and target set
     * @throws IllegalStateException when the insert fails (the caller's transaction then rolls back)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<CertificateScan> scans) {
        if (scans.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            for (CertificateScan scan : scans) {
                insert.setLong(1, scan.scanRun.id);
                insert.setLong(2, scan.scanTarget.id);
                insert.setString(3, scan.host);
                insert.setInt(4, scan.port);
                insert.setString(5, scan.sni);
                insert.setObject(6, UtcTimes.toColumn(scan.scannedAt));
                insert.setString(7, scan.result);
                insert.setString(8, scan.error);
                insert.setString(9, scan.tlsVersion);
                insert.setString(10, scan.cipherSuite);
                if (scan.certificate == null) {
                    insert.setNull(11, Types.BIGINT);
                } else {
                    insert.setLong(11, scan.certificate.id);
                }
                insert.setString(12, scan.chain);
                insert.setObject(13, scan.hostnameMatch, Types.BOOLEAN);
                insert.setObject(14, scan.trusted, Types.BOOLEAN);
                insert.setString(15, scan.trustError);
                insert.setString(16, scan.peerAddress);
                insert.setObject(17, UtcTimes.toColumn(now));
                insert.setObject(18, UtcTimes.toColumn(now));
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (CertificateScan scan : scans) {
                    if (!keys.next()) {
                        throw new IllegalStateException("fewer generated keys than scan results");
                    }
                    scan.id = keys.getLong("id");
                    scan.createdAt = now;
                    scan.updatedAt = now;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + scans.size() + " scan result(s)", e);
        }
    }
}
