package io.infrasystem.inventory.csv;

import io.infrasystem.inventory.devicetype.DeviceType;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import io.infrasystem.inventory.site.Site;

/**
 * Resolves relation cells: a {@code <relation>_id} column holds an id, a {@code <relation>}
 * column a name (or slug); a name made only of digits that matches nothing is taken as an id.
 */
final class Relations {

    private Relations() {
    }

    static Site site(CsvRow row) {
        Long id = row.integer("site_id");
        String name = row.text("site");
        if (id == null && name == null) {
            return null;
        }
        if (id != null) {
            return require(Site.findById(id), "site_id", "site " + id + " does not exist");
        }
        Site byName = Site.find("name = ?1 or slug = ?1", name).firstResult();
        return require(byName != null ? byName : numeric(name, Site.class), "site", "no site is named '" + name + "'");
    }

    static Manufacturer manufacturer(CsvRow row) {
        Long id = row.integer("manufacturer_id");
        String name = row.text("manufacturer");
        if (id == null && name == null) {
            return null;
        }
        if (id != null) {
            return require(Manufacturer.findById(id), "manufacturer_id", "manufacturer " + id + " does not exist");
        }
        Manufacturer byName = Manufacturer.findByName(name).orElse(null);
        return require(byName != null ? byName : numeric(name, Manufacturer.class), "manufacturer",
                "no manufacturer is named '" + name + "'");
    }

    static DeviceType deviceType(CsvRow row) {
        Long id = row.integer("device_type_id");
        String name = row.text("device_type");
        if (id == null && name == null) {
            return null;
        }
        if (id != null) {
            return require(DeviceType.findById(id), "device_type_id", "device type " + id + " does not exist");
        }
        DeviceType byName = DeviceType.findByName(name).orElse(null);
        return require(byName != null ? byName : numeric(name, DeviceType.class), "device_type",
                "no device type is named '" + name + "'");
    }

    private static <T> T numeric(String name, Class<T> type) {
        if (!name.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return io.quarkus.hibernate.orm.panache.Panache.getEntityManager().find(type, Long.valueOf(name));
    }

    private static <T> T require(T value, String column, String message) {
        if (value == null) {
            throw new CellException(column, message);
        }
        return value;
    }
}
