package io.infrasystem.vm.virtualmachine;

import io.infrasystem.commons.crud.CsvCells;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/vm/vms/export.csv}: every VM matching the same filters as the list (no paging),
 * streamed as RFC 4180 CSV (Apache Commons CSV), UTF-8, one header row; lists inside a cell are
 * separated by {@code ; }; text cells a spreadsheet would run as a formula get a leading {@code '}
 * ({@link CsvCells}). Filters are checked before the first byte is sent (400 on a bad one).
 */
@Path("/api/vm/vms/export.csv")
@Authenticated
public class VmExportResource {

    static final String[] HEADER = {
        "id",
        "platform",
        "source",
        "vm_uuid",
        "vm_name",
        "power_state",
        "cluster_name",
        "host_identifier",
        "hostname",
        "os_type",
        "os_family",
        "total_vcpus",
        "memory_mb",
        "total_disks",
        "total_disk_gb",
        "total_nics",
        "ip_addresses",
        "tags",
        "business_owner",
        "technical_owner",
        "project_name",
        "environment",
        "overridden",
        "is_deleted",
        "last_seen_at"
    };

    private static final int BATCH = 500;

    private final VmQueries queries;

    public VmExportResource(VmQueries queries) {
        this.queries = queries;
    }

    /** @return the CSV stream, {@code Content-Disposition: attachment; filename="vms.csv"} */
    @GET
    @Produces("text/csv")
    @RolesAllowed(Scopes.VM_READ)
    public Response export(@Context UriInfo uri) {
        QueryFilter filter = VmQueries.filter(uri.getQueryParameters());
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer);
            try {
                queries.stream(filter, "", BATCH, vm -> {
                    try {
                        csv.printRecord(CsvCells.record(Arrays.asList(
                                vm.id(),
                                vm.platform(),
                                vm.source(),
                                vm.vmUuid(),
                                vm.vmName(),
                                vm.powerState(),
                                vm.clusterName(),
                                vm.hostIdentifier(),
                                vm.hostname(),
                                vm.osType(),
                                vm.osFamily(),
                                vm.totalVcpus(),
                                vm.memoryMb(),
                                vm.totalDisks(),
                                vm.totalDiskGb(),
                                vm.totalNics(),
                                join(vm.ipAddresses()),
                                join(vm.tags()),
                                vm.businessOwner() == null
                                        ? null
                                        : vm.businessOwner().email(),
                                vm.technicalOwner() == null
                                        ? null
                                        : vm.technicalOwner().email(),
                                vm.projectName(),
                                vm.environment(),
                                join(vm.overridden()),
                                vm.isDeleted(),
                                vm.lastSeenAt())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                csv.flush();
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"vms.csv\"")
                .build();
    }

    private static String join(List<String> values) {
        return String.join("; ", values);
    }
}
