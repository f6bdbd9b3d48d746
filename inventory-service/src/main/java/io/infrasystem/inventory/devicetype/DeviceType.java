package io.infrasystem.inventory.devicetype;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.csv.CsvRelation;
import jakarta.persistence.Entity;
import java.util.Optional;

/** A category of hardware that models belong to (table {@code device_type}), e.g. "Server". */
@Entity
public class DeviceType extends Tracked {

    public String name;
    public DeviceCategory category;
    public String description;

    /** @return the device type named {@code name}, case-insensitive */
    public static Optional<DeviceType> findByName(String name) {
        return find("lower(name) = ?1", name.strip().toLowerCase(java.util.Locale.ROOT))
                .firstResultOptional();
    }

    /** @return the API form */
    public DeviceTypeDto dto() {
        return new DeviceTypeDto(id, name, category, description, version, createdAt, updatedAt);
    }

    /** @return the current values as an input */
    public DeviceTypeInput input() {
        return new DeviceTypeInput(name, category, description);
    }

    /** @return every device type, as CSV cells name them: by id or name; call inside a transaction */
    public static CsvRelation<DeviceType> csvRelation() {
        return CsvRelation.unique("device_type", DeviceType.<DeviceType>listAll(), d -> d.id, d -> d.name);
    }
}
