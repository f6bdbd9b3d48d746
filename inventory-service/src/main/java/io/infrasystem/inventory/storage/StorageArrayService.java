package io.infrasystem.inventory.storage;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.asset.AssetStatus;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    private static final CrudKind<StorageArray, StorageArrayDto, StorageArrayInput> KIND = new CrudKind<>(
            "storage_array",
            "storage array",
            StorageArray.class,
            StorageArrayInput.class,
            StorageArray::new,
            StorageArray::dto,
            StorageArray::input,
            FILTERS,
            (q, p) -> StorageArray.find("from StorageArray s where " + q, p));

    private final SiteService sites;

    @Inject
    public StorageArrayService(ChangeRecorder changes, MergePatch mergePatch, SiteService sites) {
        super(changes, mergePatch, KIND);
        this.sites = sites;
    }

    /** For the CDI client proxy only. */
    protected StorageArrayService() {
        this.sites = null;
    }

    @Override
    protected void apply(StorageArray array, StorageArrayInput input) {
        BigDecimal used = input.usedTb() == null ? BigDecimal.ZERO : input.usedTb();
        if (used.compareTo(input.totalTb()) > 0) {
            throw ProblemException.invalid(
                    "used_tb", "must not exceed total_tb (" + input.totalTb().toPlainString() + " TB)");
        }
        array.site = sites.requireReference("site_id", input.siteId());
        array.model = input.modelId() == null
                ? null
                : HardwareModel.<HardwareModel>findByIdOptional(input.modelId())
                        .orElseThrow(() ->
                                ProblemException.invalid("model_id", "model " + input.modelId() + " does not exist"));
        array.name = input.name().strip();
        array.totalTb = input.totalTb();
        array.usedTb = used;
        array.status = input.status();
        array.description = input.description();
    }
}
