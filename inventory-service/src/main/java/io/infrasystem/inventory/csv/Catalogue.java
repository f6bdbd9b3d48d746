package io.infrasystem.inventory.csv;

import io.infrasystem.inventory.devicetype.DeviceType;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The catalogue that CSV rows name as relations (sites, manufacturers, device types, models,
 * racks), loaded with five queries before the first row of any import and resolved in memory: a
 * {@code <relation>_id} column holds an id, a {@code <relation>} column a name (or slug); a name
 * made only of digits that matches nothing is taken as an id. Names compare case-insensitively,
 * as the database's collation does. The catalogue tables are small next to the asset table
 * (thousands of rows at most), so they are loaded whole.
 */
final class Catalogue {

    private final Map<Long, Site> sites = new HashMap<>();
    private final Map<String, Site> sitesByName = new HashMap<>();
    private final Map<Long, Manufacturer> manufacturers = new HashMap<>();
    private final Map<String, Manufacturer> manufacturersByName = new HashMap<>();
    private final Map<Long, DeviceType> deviceTypes = new HashMap<>();
    private final Map<String, DeviceType> deviceTypesByName = new HashMap<>();
    private final Map<Long, HardwareModel> models = new HashMap<>();
    private final Map<String, List<HardwareModel>> modelsByName = new HashMap<>();
    private final Map<Long, Rack> racks = new HashMap<>();
    private final Map<String, List<Rack>> racksByName = new HashMap<>();

    private Catalogue() {}

    /** Loads the catalogue; call inside a transaction. */
    static Catalogue load() {
        Catalogue relations = new Catalogue();
        for (Site site : Site.<Site>listAll()) {
            relations.sites.put(site.id, site);
            relations.sitesByName.putIfAbsent(key(site.slug), site);
        }
        for (Site site : relations.sites.values()) {
            relations.sitesByName.put(key(site.name), site);
        }
        for (Manufacturer manufacturer : Manufacturer.<Manufacturer>listAll()) {
            relations.manufacturers.put(manufacturer.id, manufacturer);
            relations.manufacturersByName.putIfAbsent(key(manufacturer.slug), manufacturer);
        }
        for (Manufacturer manufacturer : relations.manufacturers.values()) {
            relations.manufacturersByName.put(key(manufacturer.name), manufacturer);
        }
        for (DeviceType deviceType : DeviceType.<DeviceType>listAll()) {
            relations.deviceTypes.put(deviceType.id, deviceType);
            relations.deviceTypesByName.put(key(deviceType.name), deviceType);
        }
        for (HardwareModel model :
                HardwareModel.<HardwareModel>list("from HardwareModel m join fetch m.manufacturer")) {
            relations.models.put(model.id, model);
            relations
                    .modelsByName
                    .computeIfAbsent(key(model.name), k -> new ArrayList<>())
                    .add(model);
        }
        for (Rack rack : Rack.<Rack>list("from Rack r join fetch r.site")) {
            relations.racks.put(rack.id, rack);
            relations
                    .racksByName
                    .computeIfAbsent(key(rack.name), k -> new ArrayList<>())
                    .add(rack);
        }
        return relations;
    }

    /** @return the model of an id, {@code null} when none */
    HardwareModel model(Long id) {
        return models.get(id);
    }

    /** @return the rack of an id, {@code null} when none */
    Rack rack(Long id) {
        return racks.get(id);
    }

    /** @return the site of an id, {@code null} when none */
    Site site(Long id) {
        return sites.get(id);
    }

    Site site(CsvRow row) {
        return resolve(row, "site", sites, name -> sitesByName.get(key(name)), "no site is named '%s'");
    }

    Manufacturer manufacturer(CsvRow row) {
        return resolve(
                row,
                "manufacturer",
                manufacturers,
                name -> manufacturersByName.get(key(name)),
                "no manufacturer is named '%s'");
    }

    DeviceType deviceType(CsvRow row) {
        return resolve(
                row,
                "device_type",
                deviceTypes,
                name -> deviceTypesByName.get(key(name)),
                "no device type is named '%s'");
    }

    /** A rack by id, or by name within {@code site} (rack names are unique per site only). */
    Rack rack(CsvRow row, Site site) {
        return resolve(
                row,
                "rack",
                racks,
                name -> {
                    List<Rack> named = racksByName.getOrDefault(key(name), List.of()).stream()
                            .filter(r -> site == null || r.site.id.equals(site.id))
                            .toList();
                    if (named.size() > 1) {
                        throw new CellException(
                                "rack", "rack name '" + name + "' exists at several sites; give the site");
                    }
                    return named.isEmpty() ? null : named.get(0);
                },
                "no rack is named '%s'" + (site == null ? "" : " at site " + site.name));
    }

    /** A model by id, or by name for {@code manufacturer} (model names are unique per manufacturer). */
    HardwareModel model(CsvRow row, Manufacturer manufacturer) {
        return resolve(
                row,
                "model",
                models,
                name -> {
                    List<HardwareModel> named = modelsByName.getOrDefault(key(name), List.of()).stream()
                            .filter(m -> manufacturer == null || m.manufacturer.id.equals(manufacturer.id))
                            .toList();
                    if (named.size() > 1) {
                        throw new CellException(
                                "model",
                                "model name '" + name + "' exists for several manufacturers; give the manufacturer");
                    }
                    return named.isEmpty() ? null : named.get(0);
                },
                "no model is named '%s'" + (manufacturer == null ? "" : " for " + manufacturer.name));
    }

    private static <T> T resolve(
            CsvRow row, String relation, Map<Long, T> byId, Function<String, T> byName, String unknownName) {
        String idColumn = relation + "_id";
        Long id = row.integer(idColumn);
        String name = row.text(relation);
        if (id != null) {
            return require(byId.get(id), idColumn, relation.replace('_', ' ') + " " + id + " does not exist");
        }
        if (name == null) {
            return null;
        }
        T named = byName.apply(name);
        if (named == null && name.length() < 19 && name.chars().allMatch(Character::isDigit)) {
            named = byId.get(Long.valueOf(name));
        }
        return require(named, relation, unknownName.formatted(name));
    }

    private static <T> T require(T value, String column, String message) {
        if (value == null) {
            throw new CellException(column, message);
        }
        return value;
    }

    private static String key(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }
}
