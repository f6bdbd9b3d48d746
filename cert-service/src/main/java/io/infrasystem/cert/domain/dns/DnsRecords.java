package io.infrasystem.cert.domain.dns;

import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.CsvDownload;
import io.infrasystem.commons.crud.Lists;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists of DNS records and of their changes, with the suite's filters, paging and CSV export.
 * Records: {@code domain_id}, {@code domain} (name; {@code domain__iew=.example.com} for a
 * subtree), {@code record_type}, {@code value}, {@code ttl}, {@code first_seen_at},
 * {@code last_seen_at}, {@code q}; default order domain, type, value. Changes: the same without
 * the seen times, plus {@code action} ({@code added}, {@code removed}) and {@code changed_at};
 * newest first.
 */
@ApplicationScoped
public class DnsRecords {

    static final Set<String> TYPES = new HashSet<>(DnsLookup.TYPES);

    static final FilterSpec RECORD_FILTERS = CrudKind.filters("r", "domain")
            .field(FilterField.integer("domain_id", "r.domain.id"))
            .field(FilterField.text("domain", "r.domain.name"))
            .field(FilterField.choice("record_type", "r.recordType", TYPES))
            .fields(FilterField::text, "value")
            .fields(FilterField::integer, "ttl")
            .fields(FilterField::timestamp, "first_seen_at", "last_seen_at")
            .search("r.domain.name", "r.value")
            .build();

    static final FilterSpec CHANGE_FILTERS = CrudKind.filters("c", "-changed_at")
            .field(FilterField.integer("domain_id", "c.domain.id"))
            .field(FilterField.text("domain", "c.domain.name"))
            .field(FilterField.choice("record_type", "c.recordType", TYPES))
            .field(FilterField.choice("action", "c.action", Set.of(DnsRecordChange.ADDED, DnsRecordChange.REMOVED)))
            .fields(FilterField::text, "value")
            .fields(FilterField::integer, "ttl")
            .fields(FilterField::timestamp, "changed_at")
            .search("c.domain.name", "c.value")
            .build();

    static final List<String> RECORD_HEADER =
            List.of("id", "domain_id", "domain", "record_type", "value", "ttl", "first_seen_at", "last_seen_at");
    static final List<String> CHANGE_HEADER =
            List.of("id", "domain_id", "domain", "record_type", "value", "ttl", "action", "changed_at");

    /** @return a page of current records; 400 naming a bad filter */
    @Transactional
    public Page<DnsRecordDto> records(UriInfo uri) {
        return Lists.page(RECORD_FILTERS, uri, DnsRecords::findRecords, DnsRecord::dto);
    }

    /** @return a page of changes, newest first; 400 naming a bad filter */
    @Transactional
    public Page<DnsRecordChangeDto> changes(UriInfo uri) {
        return Lists.page(CHANGE_FILTERS, uri, DnsRecords::findChanges, DnsRecordChange::dto);
    }

    /** @return every matching record as CSV ({@code dns-records.csv}); 400 before the first byte for a bad filter */
    public Response recordsCsv(MultivaluedMap<String, String> query) {
        QueryFilter filter = RECORD_FILTERS.parse(query);
        return CsvDownload.of(
                "dns-records.csv",
                RECORD_HEADER,
                (offset, limit) -> findRecords(filter.whereOrdered(), filter.parameters())
                        .range(offset, offset + limit - 1)
                        .list(),
                r -> List.of(
                        r.id, r.domain.id, r.domain.name, r.recordType, r.value, r.ttl, r.firstSeenAt, r.lastSeenAt));
    }

    /** @return every matching change as CSV ({@code dns-record-changes.csv}); 400 for a bad filter */
    public Response changesCsv(MultivaluedMap<String, String> query) {
        QueryFilter filter = CHANGE_FILTERS.parse(query);
        return CsvDownload.of(
                "dns-record-changes.csv",
                CHANGE_HEADER,
                (offset, limit) -> findChanges(filter.whereOrdered(), filter.parameters())
                        .range(offset, offset + limit - 1)
                        .list(),
                c -> List.of(c.id, c.domain.id, c.domain.name, c.recordType, c.value, c.ttl, c.action, c.changedAt));
    }

    private static io.quarkus.hibernate.orm.panache.PanacheQuery<DnsRecord> findRecords(
            String where, java.util.Map<String, Object> parameters) {
        return DnsRecord.find("from DnsRecord r where " + where, parameters);
    }

    private static io.quarkus.hibernate.orm.panache.PanacheQuery<DnsRecordChange> findChanges(
            String where, java.util.Map<String, Object> parameters) {
        return DnsRecordChange.find("from DnsRecordChange c where " + where, parameters);
    }
}
