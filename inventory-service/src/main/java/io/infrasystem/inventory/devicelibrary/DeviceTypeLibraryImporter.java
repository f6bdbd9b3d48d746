package io.infrasystem.inventory.devicelibrary;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.devicetype.DeviceCategory;
import io.infrasystem.inventory.devicetype.DeviceType;
import io.infrasystem.inventory.devicetype.DeviceTypeService;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import io.infrasystem.inventory.manufacturer.ManufacturerService;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.model.HardwareModelService;
import io.infrasystem.inventory.model.ModelDto;
import io.infrasystem.inventory.model.ModelInput;
import io.infrasystem.inventory.rack.RackUnits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports models from NetBox devicetype-library YAML (one file, or several documents separated
 * by {@code ---}), read with Jackson YAML (SnakeYAML underneath, so CRLF and LF files read alike).
 * Manufacturers are found by name or slug, or created; a model that exists for that manufacturer
 * is updated (part number, height, depth, comments as notes) and keeps its support dates and
 * device type. All documents apply in one transaction or none does.
 */
@ApplicationScoped
public class DeviceTypeLibraryImporter {

    private static final ObjectReader READER = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .readerFor(DeviceTypeDefinition.class);

    private final ManufacturerService manufacturers;
    private final HardwareModelService models;
    private final DeviceTypeService deviceTypes;

    public DeviceTypeLibraryImporter(
            ManufacturerService manufacturers, HardwareModelService models, DeviceTypeService deviceTypes) {
        this.manufacturers = manufacturers;
        this.models = models;
        this.deviceTypes = deviceTypes;
    }

    /**
     * @param yaml the file's text
     * @param deviceTypeId device type of the models created, or {@code null} for the one named
     *     after {@code category}
     * @param category device category whose device type (created when missing) created models
     *     get when {@code deviceTypeId} is {@code null}; default {@code other}
     * @return what was created and updated
     * @throws ProblemException 400 for an unknown {@code device_type_id} or {@code category}, and
     *     as {@link #importYaml(String, DeviceType)}
     */
    @Transactional
    public DeviceTypeImportResult importYaml(String yaml, Long deviceTypeId, String category) {
        DeviceType type;
        if (deviceTypeId != null) {
            type = DeviceType.<DeviceType>findByIdOptional(deviceTypeId)
                    .orElseThrow(() -> ProblemException.invalid(
                            "device_type_id", "device type " + deviceTypeId + " does not exist"));
        } else {
            DeviceCategory chosen;
            try {
                chosen = category == null ? DeviceCategory.OTHER : DeviceCategory.of(category);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("category", e.getMessage());
            }
            String name = chosen.wire().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + chosen.wire().substring(1).replace('_', ' ');
            type = deviceTypes.findOrCreate(name, chosen);
        }
        return importYaml(yaml, type);
    }

    /**
     * @param yaml the file's text
     * @param deviceType device type of models created by this import
     * @return what was created and updated
     * @throws ProblemException 400 for YAML that does not parse (with line and column), a document
     *     without {@code manufacturer} or {@code model}, or a {@code u_height} not in steps of 0.5
     */
    private DeviceTypeImportResult importYaml(String yaml, DeviceType deviceType) {
        List<DeviceTypeDefinition> definitions = parse(yaml);
        int created = 0;
        int updated = 0;
        List<ModelDto> result = new ArrayList<>();
        for (DeviceTypeDefinition definition : definitions) {
            Manufacturer manufacturer =
                    manufacturers.findOrCreate(definition.manufacturer().strip());
            HardwareModel existing = HardwareModel.find(
                            "manufacturer.id = ?1 and lower(name) = ?2",
                            manufacturer.id,
                            definition.model().strip().toLowerCase(java.util.Locale.ROOT))
                    .firstResult();
            BigDecimal height = definition.uHeight() == null ? BigDecimal.ONE : definition.uHeight();
            boolean fullDepth = !Boolean.FALSE.equals(definition.isFullDepth());
            String part = blankToNull(definition.partNumber());
            String notes = blankToNull(definition.comments());
            if (existing == null) {
                result.add(models.createEntity(new ModelInput(
                                manufacturer.id,
                                deviceType.id,
                                definition.model().strip(),
                                part,
                                height,
                                fullDepth,
                                null,
                                null,
                                notes,
                                null))
                        .dto());
                created++;
            } else {
                ModelInput input = new ModelInput(
                        manufacturer.id,
                        existing.deviceType.id,
                        existing.name,
                        part,
                        height,
                        fullDepth,
                        existing.endOfSale,
                        existing.endOfSupport,
                        notes,
                        existing.colour);
                result.add(models.updateEntity(existing, input, null).dto());
                updated++;
            }
        }
        return new DeviceTypeImportResult(created, updated, result);
    }

    /** @return the documents of the stream, each checked */
    static List<DeviceTypeDefinition> parse(String yaml) {
        List<DeviceTypeDefinition> definitions = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (MappingIterator<DeviceTypeDefinition> documents = READER.readValues(yaml)) {
            int index = 0;
            while (documents.hasNextValue()) {
                DeviceTypeDefinition definition = documents.nextValue();
                String prefix = "documents[" + index++ + "].";
                if (definition == null) {
                    continue;
                }
                if (blankToNull(definition.manufacturer()) == null) {
                    errors.add(new FieldError(prefix + "manufacturer", "is required"));
                }
                if (blankToNull(definition.model()) == null) {
                    errors.add(new FieldError(prefix + "model", "is required"));
                }
                if (definition.uHeight() != null
                        && (!RackUnits.isHalfStep(definition.uHeight())
                                || definition.uHeight().compareTo(BigDecimal.valueOf(100)) > 0)) {
                    errors.add(new FieldError(prefix + "u_height", "must be 0 to 100 in steps of 0.5"));
                }
                definitions.add(definition);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ProblemException.invalid(
                    "body", "not a devicetype-library YAML document" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the YAML could not be read: " + e.getMessage());
        }
        if (definitions.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("body", "holds no YAML document"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return definitions;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
