package io.infrasystem.inventory.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.asset.AssetStatus;
import io.infrasystem.inventory.common.Lists;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;

/** Storage arrays: list, read, create, update, delete. */
@ApplicationScoped
public class StorageArrayService implements io.infrasystem.inventory.common.CrudService<StorageArrayDto, StorageArrayInput> {

    static final FilterSpec FILTERS = FilterSpec.builder("s.id")
            .field(FilterField.integer("id", "s.id"))
            .field(FilterField.text("name", "s.name"))
            .field(FilterField.integer("site_id", "s.site.id"))
            .field(FilterField.membership("site", "exists (select 1 from Site x where x = s.site and (x.slug in (:values) or x.name in (:values)))", v -> v))
            .field(FilterField.integer("model_id", "s.model.id"))
            .field(FilterField.choice("status", "s.status", AssetStatus.class))
            .field(FilterField.decimal("total_tb", "s.totalTb"))
            .field(FilterField.decimal("used_tb", "s.usedTb"))
            .search("s.name", "s.description")
            .defaultOrdering("name")
            .build();

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;
    private final SiteService sites;

    public StorageArrayService(ChangeRecorder changes, MergePatch mergePatch, SiteService sites) {
        this.changes = changes;
        this.mergePatch = mergePatch;
        this.sites = sites;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<StorageArrayDto> list(UriInfo uri) {
        return Lists.page(FILTERS, uri, (q, p) -> StorageArray.find("from StorageArray s where " + q, p), StorageArray::dto);
    }

    /** @throws ProblemException 404 when there is no such array */
    public StorageArray require(long id) {
        return StorageArray.<StorageArray>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("storage array", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public StorageArrayDto get(long id) {
        return require(id).dto();
    }

    @Transactional
    @Override
    public StorageArrayDto create(StorageArrayInput input) {
        StorageArray array = new StorageArray();
        apply(array, input);
        array.persistAndFlush();
        changes.record(Change.created("storage_array", array.id, array.dto()));
        return array.dto();
    }

    @Transactional
    @Override
    public StorageArrayDto update(long id, StorageArrayInput input, String ifMatch) {
        StorageArray array = require(id);
        Versions.checkIfMatch(ifMatch, array.version);
        StorageArrayDto before = array.dto();
        apply(array, input);
        array.flush();
        changes.record(Change.updated("storage_array", id, before, array.dto()));
        return array.dto();
    }

    @Transactional
    @Override
    public StorageArrayDto patch(long id, JsonNode patch, String ifMatch) {
        return update(id, mergePatch.apply(require(id).input(), patch, StorageArrayInput.class), ifMatch);
    }

    @Transactional
    @Override
    public void delete(long id, String ifMatch) {
        StorageArray array = require(id);
        Versions.checkIfMatch(ifMatch, array.version);
        StorageArrayDto before = array.dto();
        array.delete();
        array.flush();
        changes.record(Change.deleted("storage_array", id, before));
    }

    private void apply(StorageArray array, StorageArrayInput input) {
        BigDecimal used = input.usedTb() == null ? BigDecimal.ZERO : input.usedTb();
        if (used.compareTo(input.totalTb()) > 0) {
            throw ProblemException.invalid("used_tb", "must not exceed total_tb (" + input.totalTb().toPlainString() + " TB)");
        }
        array.site = sites.requireReference("site_id", input.siteId());
        array.model = input.modelId() == null ? null : HardwareModel.<HardwareModel>findByIdOptional(input.modelId())
                .orElseThrow(() -> ProblemException.invalid("model_id", "model " + input.modelId() + " does not exist"));
        array.name = input.name().strip();
        array.totalTb = input.totalTb();
        array.usedTb = used;
        array.status = input.status();
        array.description = input.description();
    }
}
