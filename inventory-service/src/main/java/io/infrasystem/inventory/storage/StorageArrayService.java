package io.infrasystem.inventory.storage;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.asset.AssetStatus;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/** Storage arrays: list, read, create, update, delete. */
@ApplicationScoped
public class StorageArrayService extends EntityCrudService<StorageArray, StorageArrayDto, StorageArrayInput> {

    static final CrudKind<StorageArray, StorageArrayDto, StorageArrayInput> KIND = CrudKind.of(
                    "storage_array", StorageArray.class, StorageArrayInput.class)
            .listedBy(CrudKind.filters("s", "name")
                    .fields(FilterField::text, "name")
                    .fields(FilterField::decimal, "total_tb", "used_tb")
                    .relation("site", "s.site", "Site", "slug", "name")
                    .field(FilterField.integer("model_id", "s.model.id"))
                    .field(FilterField.choice("status", "s.status", AssetStatus.class))
                    .search("s.name", "s.description"))
            .entity(StorageArray::new, StorageArray::dto, StorageArray::input);

    public StorageArrayService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    @Override
    protected void apply(StorageArray array, StorageArrayInput input) {
        BigDecimal used = input.usedTb() == null ? BigDecimal.ZERO : input.usedTb();
        if (used.compareTo(input.totalTb()) > 0) {
            throw ProblemException.invalid(
                    "used_tb", "must not exceed total_tb (" + input.totalTb().toPlainString() + " TB)");
        }
        array.site = References.require(Site.class, "site", "site_id", input.siteId());
        array.model = References.optional(HardwareModel.class, "model", "model_id", input.modelId());
        array.name = input.name().strip();
        array.totalTb = input.totalTb();
        array.usedTb = used;
        array.status = input.status();
        array.description = input.description();
    }
}
