package io.infrasystem.archsample.good.device;

import io.infrasystem.archsample.good.site.SiteService;
import io.infrasystem.commons.testing.TestTokens;
import java.sql.SQLException;
import java.util.Locale;

/** Depends on the site feature (one direction only), on commons and on the JDK. */
public class DeviceService {

    private final SiteService sites;

    /** @param sites the site service */
    public DeviceService(SiteService sites) {
        this.sites = sites;
    }

    /**
     * @return the database's product name in lower case
     * @throws SQLException when the database refuses
     */
    public String databaseName() throws SQLException {
        return sites.databaseName().toLowerCase(Locale.ROOT);
    }

    /** @return an internal token for a machine client, from commons */
    public String token() {
        return TestTokens.apiKey("device-sync", "inventory:read");
    }
}
