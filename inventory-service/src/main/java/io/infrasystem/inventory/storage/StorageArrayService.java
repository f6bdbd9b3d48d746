package io.infrasystem.inventory.storage;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
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

    static final FilterSpec FILTERS = FilterSpec.builder("s.id")
            .field(FilterField.integer("id", "s.id"))
            .field(FilterField.text("name", "s.name"))
            .field(FilterField.integer("site_id", "s.site.id"))
            .field(FilterField.membership(
                    "site",
                    "exists (select 1 from Site x where x = s.site and (x.slug in (:values) or x.name in (:values)))",
                    v -> v))
            .field(FilterField.integer("model_id", "s.model.id"))
            .field(FilterField.choice("status", "s.status", AssetStatus.class))
            .field(FilterField.decimal("total_tb", "s.totalTb"))
            .field(FilterField.decimal("used_tb", "s.usedTb"))
            .search("s.name", "s.description")
            .defaultOrdering("name")
            .build();

    private static final CrudKind<StorageArray, StorageArrayDto, StorageArrayInput> KIND = CrudKind.of(
                    "storage_array", StorageArray.class, StorageArrayInput.class)
            .entity(StorageArray::new, StorageArray::dto, StorageArray::input)
            .listedBy(FILTERS, (q, p) -> StorageArray.find("from StorageArray s where " + q, p));

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
