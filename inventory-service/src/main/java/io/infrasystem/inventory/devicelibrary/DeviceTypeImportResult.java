package io.infrasystem.inventory.devicelibrary;

import io.infrasystem.inventory.model.ModelDto;
import java.util.List;

/**
 * What a devicetype-library import did.
 *
 * @param created models that did not exist (by manufacturer and model name)
 * @param updated models that existed and were updated from the file
 * @param models every imported model, in document order
 */
public record DeviceTypeImportResult(int created, int updated, List<ModelDto> models) {}
