package io.infrasystem.inventory.csv;

import io.infrasystem.inventory.devicetype.DeviceType;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import java.util.List;
import java.util.Locale;

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

    /** A rack by id, or by name within {@code site} (rack names are unique per site only). */
    static Rack rack(CsvRow row, Site site) {
        Long id = row.integer("rack_id");
        String name = row.text("rack");
        if (id == null && name == null) {
            return null;
        }
        if (id != null) {
            return require(Rack.findById(id), "rack_id", "rack " + id + " does not exist");
        }
        List<Rack> named = site == null ? Rack.list("name", name) : Rack.list("site.id = ?1 and name = ?2", site.id, name);
        if (named.size() > 1) {
            throw new CellException("rack", "rack name '" + name + "' exists at several sites; give the site");
        }
        Rack byName = named.isEmpty() ? null : named.get(0);
        return require(byName != null ? byName : numeric(name, Rack.class), "rack", "no rack is named '" + name + "'"
                + (site == null ? "" : " at site " + site.name));
    }

    /** A model by id, or by name for {@code manufacturer} (model names are unique per manufacturer). */
    static HardwareModel model(CsvRow row, Manufacturer manufacturer) {
        Long id = row.integer("model_id");
        String name = row.text("model");
        if (id == null && name == null) {
            return null;
        }
        if (id != null) {
            return require(HardwareModel.findById(id), "model_id", "model " + id + " does not exist");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        List<HardwareModel> named = manufacturer == null ? HardwareModel.list("lower(name) = ?1", lower)
                : HardwareModel.list("manufacturer.id = ?1 and lower(name) = ?2", manufacturer.id, lower);
        if (named.size() > 1) {
            throw new CellException("model", "model name '" + name + "' exists for several manufacturers; give the manufacturer");
        }
        HardwareModel byName = named.isEmpty() ? null : named.get(0);
        return require(byName != null ? byName : numeric(name, HardwareModel.class), "model",
                "no model is named '" + name + "'" + (manufacturer == null ? "" : " for " + manufacturer.name));
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
