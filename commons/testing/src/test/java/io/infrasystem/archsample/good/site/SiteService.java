package io.infrasystem.archsample.good.site;

import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The service layer: it may open transactions and connections. */
public class SiteService {

    private final DataSource dataSource;

    /** @param dataSource the service's datasource */
    public SiteService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return the database's product name
     * @throws SQLException when the database refuses
     */
    @Transactional
    public String databaseName() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }
}
