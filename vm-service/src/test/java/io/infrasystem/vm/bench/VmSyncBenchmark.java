package io.infrasystem.vm.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.facts.VmFacts;
import io.infrasystem.vm.payload.PayloadReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Benchmark of the sync path (not a test; {@code -Pbench}, a JVM of {@code -Xmx256m}): 10,000 VMs
 * in vSphere detail shape with guest identity and interfaces (1–4 disks, 1–3 NICs with guest IPs),
 * written to a file VM by VM and posted with {@code Content-Length} through HTTP — first full sync, identical resync,
 * resync with 10% changed — against a raw JDBC batch upsert of the same rows into the same tables,
 * measured in the same run; then the p95 of 1,000-VM list pages; and a 64 MB payload
 * (about 36,000 VMs) synced in the same bounded heap. Prints its figures with the JVM's peak heap.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@QuarkusTestResource(TestDatabase.Postgres.class)
class VmSyncBenchmark {

    static final int VMS = 10_000;
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String N8N = TestTokens.apiKey("bench", Scopes.VM_SYNC, Scopes.VM_READ);
    static final String[] TABLES = {
        "vm",
        "vm_fact",
        "vm_nic_fact",
        "vm_nic_ip_fact",
        "vm_disk_fact",
        "vm_change_history",
        "outbox_event",
        "audit_log"
    };

    @Inject
    DataSource dataSource;

    /**
     * Writes a generated vCenter inventory ({@code {"vms": [items]}}, n8n's envelope per VM with
     * detail, guest identity and guest interfaces) one VM at a time, so that no payload is ever
     * held in memory.
     *
     * @param vms how many VMs
     * @param changedEvery every n-th VM gets twice its memory (0: none); the rest is the same for a seed
     * @return the file, deleted on exit
     */
    static Path writePayload(int vms, int changedEvery, long seed) throws IOException {
        Path file = Files.createTempFile("vm-sync-bench-", ".json");
        file.toFile().deleteOnExit();
        Random random = new Random(seed);
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("vms");
            for (int i = 0; i < vms; i++) {
                json.writeTree(item(i, changedEvery, random));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return file;
    }

    /** @return how many VMs make a payload of about {@code bytes} (measured on the first 1,000) */
    static int vmsForBytes(long bytes) throws IOException {
        Random random = new Random(42);
        long sample = 0;
        for (int i = 0; i < 1000; i++) {
            sample += MAPPER.writeValueAsBytes(item(i, 0, random)).length + 1;
        }
        return (int) (bytes * 1000 / sample);
    }

    static ObjectNode item(int i, int changedEvery, Random random) {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("vm", "vm-" + (1000 + i));
        ObjectNode d = item.putObject("detail");
        d.put("name", "bench-vm-" + i);
        boolean on = random.nextInt(10) != 0;
        d.put("power_state", on ? "POWERED_ON" : "POWERED_OFF");
        boolean windows = i % 3 == 0;
        d.put("guest_OS", windows ? "WINDOWS_9_SERVER_64" : "UBUNTU_64");
        ObjectNode identity = d.putObject("identity");
        identity.put("name", "bench-vm-" + i);
        identity.put("instance_uuid", String.format("5000%04x-0000-4000-8000-%012x", i % 65536, i));
        identity.put("bios_uuid", String.format("4200%04x-0000-4000-8000-%012x", i % 65536, i));
        int cpus = 1 << random.nextInt(4);
        d.putObject("cpu").put("count", cpus).put("cores_per_socket", 1);
        long memory = 1024L << random.nextInt(6);
        if (changedEvery > 0 && i % changedEvery == 0) {
            memory *= 2;
        }
        d.putObject("memory").put("size_MiB", memory);
        ObjectNode disks = d.putObject("disks");
        int diskCount = 1 + random.nextInt(4);
        for (int k = 0; k < diskCount; k++) {
            ObjectNode disk = disks.putObject(String.valueOf(2000 + k));
            disk.put("label", "Hard disk " + (k + 1));
            disk.put("capacity", (20L + random.nextInt(200)) << 30);
            disk.putObject("backing")
                    .put("type", "VMDK_FILE")
                    .put("vmdk_file", "[ds-" + (i % 8) + "] bench-vm-" + i + "/disk" + k + ".vmdk");
        }
        ObjectNode nics = d.putObject("nics");
        ArrayNode interfaces = item.putArray("guest_interfaces");
        int nicCount = 1 + random.nextInt(3);
        for (int k = 0; k < nicCount; k++) {
            String mac = String.format("00:50:56:%02x:%02x:%02x", k, (i >> 8) & 0xff, i & 0xff);
            ObjectNode nic = nics.putObject(String.valueOf(4000 + k));
            nic.put("mac_address", mac).put("state", "CONNECTED").put("label", "Network adapter " + (k + 1));
            nic.putObject("backing")
                    .put("type", "DISTRIBUTED_PORTGROUP")
                    .put("network", "dvportgroup-" + (10 + k * 10 + i % 5));
            ObjectNode iface = interfaces.addObject();
            iface.put("nic", String.valueOf(4000 + k)).put("mac_address", mac);
            iface.putObject("ip")
                    .putArray("ip_addresses")
                    .addObject()
                    .put("ip_address", ip(i, k))
                    .put("prefix_length", 16);
        }
        ObjectNode guest = item.putObject("guest_identity");
        guest.put("name", windows ? "WINDOWS_9_SERVER_64" : "UBUNTU_64");
        guest.put("family", windows ? "WINDOWS" : "LINUX");
        guest.putObject("full_name")
                .put("default_message", windows ? "Microsoft Windows Server 2016 (64-bit)" : "Ubuntu Linux (64-bit)")
                .put("id", "vmsg.guestos." + (windows ? "windows9Server64Guest" : "ubuntu64Guest") + ".label")
                .putArray("args");
        guest.put("host_name", "bench-vm-" + i + ".bench.local");
        guest.put("ip_address", ip(i, 0));
        item.putObject("host").put("host", "host-" + (i % 40)).put("name", "esx-" + (i % 40) + ".bench.local");
        item.put("cluster", "cluster-" + (i % 4));
        return item;
    }

    private static String ip(int i, int nic) {
        return "10." + (nic + 1 + (i >> 16) * 4) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    /**
     * Reads a payload file as the service does (streaming) and keeps each VM without its tree, with
     * its raw JSON as text: the raw reference's input, in little memory.
     */
    static List<Map.Entry<VmFacts, String>> parse(Path file) throws IOException {
        List<Map.Entry<VmFacts, String>> out = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            PayloadReader.stream(
                    parser,
                    Platform.VMWARE,
                    vm -> out.add(Map.entry(
                            new VmFacts(
                                    vm.vmUuid(),
                                    vm.name(),
                                    vm.biosUuid(),
                                    vm.powerState(),
                                    vm.hypervisorType(),
                                    vm.clusterName(),
                                    vm.hostIdentifier(),
                                    vm.hostname(),
                                    vm.osType(),
                                    vm.osFamily(),
                                    vm.totalVcpus(),
                                    vm.numSockets(),
                                    vm.coresPerSocket(),
                                    vm.memoryMb(),
                                    vm.creationDate(),
                                    vm.lastUpdateDate(),
                                    vm.nics(),
                                    vm.disks(),
                                    null),
                            vm.raw().toString())));
        }
        return out;
    }

    /** @return rows one VM fills: vm, vm_fact, its NICs, IPs and disks */
    static long rows(VmFacts v) {
        return 2
                + v.disks().size()
                + v.nics().size()
                + v.nics().stream().mapToLong(n -> n.ips().size()).sum();
    }

    @Test
    void syncThroughHttpAgainstRawJdbc() throws Exception {
        Path first = writePayload(VMS, 0, 42);
        Path changed = writePayload(VMS, 10, 42);
        List<Map.Entry<VmFacts, String>> parsed = parse(first);
        long rows = parsed.stream().mapToLong(e -> rows(e.getKey())).sum();
        System.out.printf(
                "%nPayload: %d VMs, %.1f MB, %d rows (vm, vm_fact, NICs, IPs, disks); JVM max heap %d MiB%n",
                VMS, Files.size(first) / 1e6, rows, Runtime.getRuntime().maxMemory() >> 20);

        warmUp();
        long rawNanos = rawJdbcUpsert(parsed, "bench-raw");
        long rawNanosAgain = rawJdbcUpsert(parsed, "bench-raw-2");
        parsed = null;
        double rawRate = rows / (Math.min(rawNanos, rawNanosAgain) / 1e9);

        long[] t0 = counters();
        long firstNanos = post(first, "bench", 10_000, "created_count");
        long[] t1 = counters();
        long identicalNanos = post(first, "bench", 10_000, "unchanged_count");
        Thread.sleep(1500);
        long[] t2 = counters();
        long changedNanos = post(changed, "bench", 1_000, "updated_count");
        Thread.sleep(1500);
        long[] t3 = counters();

        double firstRate = rows / (firstNanos / 1e9);
        System.out.println();
        System.out.println("=== vm-service sync benchmark, direct (" + VMS + " vSphere VMs, " + rows + " rows) ===");
        System.out.printf(
                "raw JDBC batch upsert (reference): %8.0f ms  %9.0f rows/s%n",
                Math.min(rawNanos, rawNanosAgain) / 1e6, rawRate);
        System.out.printf(
                "first full sync via HTTP:          %8.0f ms  %9.0f rows/s  = %.0f%% of raw (target >= 40%%)%n",
                firstNanos / 1e6, firstRate, 100 * firstRate / rawRate);
        System.out.printf(
                "identical resync via HTTP:         %8.0f ms  %.1fx faster than first (target >= 10x)%n",
                identicalNanos / 1e6, (double) firstNanos / identicalNanos);
        System.out.printf(
                "   statements on sync tables during identical resync: inserts %d, updates %d, deletes %d; "
                        + "events %d (target: 0 updates, 0 events)%n",
                t2[0] - t1[0] - 1, t2[1] - t1[1], t2[2] - t1[2], t2[3] - t1[3]);
        System.out.printf(
                "resync with 10%% changed via HTTP:  %8.0f ms  %.1fx faster than first (target >= 5x) "
                        + "(%d events, %d history rows)%n",
                changedNanos / 1e6, (double) firstNanos / changedNanos, t3[3] - t2[3], t3[4] - t2[4]);
        System.out.printf(
                "first sync wrote %d rows on the sync tables, %d events and %d history rows%n",
                t1[0] - t0[0], t1[3] - t0[3], t1[4] - t0[4]);

        long parseStart = System.nanoTime();
        parse(first);
        System.out.printf(
                "in-process streaming parse of the payload (no HTTP, no DB): %.0f ms%n",
                (System.nanoTime() - parseStart) / 1e6);

        long[] pages = new long[30];
        for (int i = 0; i < pages.length; i++) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port
                                    + "/api/vm/vms?source=bench&limit=1000&offset=" + (i % 10) * 1000))
                    .header("Authorization", N8N)
                    .GET()
                    .build();
            long start = System.nanoTime();
            java.net.http.HttpResponse<byte[]> response =
                    HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            pages[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("list answered " + response.statusCode());
            }
        }
        Arrays.sort(pages);
        System.out.printf(
                "list page of 1000 VMs: p50 %.0f ms, p95 %.0f ms (target <= 200 ms), %d requests%n%n",
                pages[pages.length / 2] / 1e6, pages[(int) Math.ceil(pages.length * 0.95) - 1] / 1e6, pages.length);
    }

    private void warmUp() throws Exception {
        byte[] small = MAPPER.writeValueAsBytes(MAPPER.readTree("{\"format\": \"infra-vm/v1\", \"vms\": [{\"vm_uuid\": "
                + "\"w\", \"name\": \"warm\", \"memory_mb\": 1}]}"));
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", N8N)
                    .contentType(ContentType.JSON)
                    .body(small)
                    .post("/api/vm/sync/other?source=warm")
                    .then()
                    .statusCode(200);
            given().header("Authorization", N8N)
                    .get("/api/vm/vms?limit=10")
                    .then()
                    .statusCode(200);
        }
    }

    /**
     * Posts a payload file like n8n or curl does (a plain HTTP client, with {@code Content-Length});
     * @return the wall time, and prints the server's own processing time and the JVM's peak heap
     *     during the call (server and benchmark share this JVM: the peak bounds the server's)
     */
    private long post(Path body, String source, int expected, String counter) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + io.restassured.RestAssured.port + "/api/vm/sync/vmware?source=" + source))
                .header("Authorization", N8N)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(body))
                .build();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        java.net.http.HttpResponse<String> response =
                HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        var json = MAPPER.readTree(response.body());
        if (json.path(counter).asInt() != expected) {
            throw new IllegalStateException(counter + " was " + json.path(counter) + ", expected " + expected);
        }
        System.out.printf(
                "   (%s: wall %.0f ms, of which read-compare-write in the transaction %d ms; "
                        + "peak heap %.1f MiB of %d MiB)%n",
                counter,
                nanos / 1e6,
                json.path("duration_ms").asLong(),
                peak / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20);
        return nanos;
    }

    /**
     * A 64 MB payload (about 36,000 VMs) synced by a JVM of {@code -Xmx256m} (the bench profile's
     * heap, which the benchmark's own client shares): first sync and identical resync, with the
     * JVM's peak heap.
     */
    @Test
    void sixtyFourMegabytePayloadInBoundedHeap() throws Exception {
        int vms = vmsForBytes(64_000_000);
        Path payload = writePayload(vms, 0, 7);
        System.out.printf(
                "%n=== 64 MB payload: %d VMs, %.1f MB, JVM max heap %d MiB ===%n",
                vms, Files.size(payload) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        long first = post(payload, "bench-64mb", vms, "created_count");
        long identical = post(payload, "bench-64mb", vms, "unchanged_count");
        System.out.printf(
                "64 MB first sync %.0f ms, identical resync %.0f ms (%.1fx)%n%n",
                first / 1e6, identical / 1e6, (double) first / identical);
    }

    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /** @return inserts, updates and deletes on the sync tables, outbox events and history rows so far */
    private long[] counters() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("select pg_stat_clear_snapshot()");
            long[] out = new long[5];
            try (PreparedStatement s =
                    c.prepareStatement("select coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), "
                            + "coalesce(sum(n_tup_del), 0) from pg_stat_user_tables where relname = any(?)")) {
                s.setArray(1, c.createArrayOf("text", new String[] {
                    "vm",
                    "vm_fact",
                    "vm_nic_fact",
                    "vm_nic_ip_fact",
                    "vm_disk_fact",
                    "vm_change_history",
                    "hosts",
                    "networks",
                    "vm_sync_run"
                }));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    out[0] = r.getLong(1);
                    out[1] = r.getLong(2);
                    out[2] = r.getLong(3);
                }
            }
            try (ResultSet r = c.createStatement()
                    .executeQuery("select (select count(*) from outbox_event), "
                            + "(select count(*) from vm_change_history)")) {
                r.next();
                out[3] = r.getLong(1);
                out[4] = r.getLong(2);
            }
            return out;
        }
    }

    /** The reference: the same rows into the same tables with plain JDBC batches, one transaction. */
    private long rawJdbcUpsert(List<Map.Entry<VmFacts, String>> parsed, String source) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return rawJdbcUpsert(c, parsed, source);
        }
    }

    /** @return the time of the raw reference on {@code c} (a database with vm-service's schema) */
    static long rawJdbcUpsert(Connection c, List<Map.Entry<VmFacts, String>> parsed, String source)
            throws SQLException {
        List<VmFacts> vms = parsed.stream().map(Map.Entry::getKey).toList();
        long start = System.nanoTime();
        {
            c.setAutoCommit(false);
            Jdbc jdbc = Jdbc.on(c);
            LocalDateTime now = UtcTimes.toColumn(Instant.now());
            List<Long> ids = jdbc.insertBatch(
                    "insert into vm (platform, source, vm_uuid, vm_name, bios_uuid, "
                            + "first_seen_at, last_seen_at, created_at, updated_at) values ('vmware', ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "on conflict (platform, source, vm_uuid) do update set vm_name = excluded.vm_name",
                    vms,
                    (s, vm) -> {
                        s.setString(1, source);
                        s.setString(2, vm.vmUuid());
                        s.setString(3, vm.name());
                        s.setString(4, vm.biosUuid());
                        for (int k = 5; k <= 8; k++) {
                            s.setObject(k, now);
                        }
                    });
            jdbc.batch(
                    "insert into vm_fact (vm_id, power_state, hypervisor_type, "
                            + "cluster_name, host_identifier, hostname, os_type, os_family, total_vcpus, num_sockets, "
                            + "cores_per_socket, memory_mb, total_disks, total_disk_gb, total_nics, fact_updated_at, fingerprint, "
                            + "raw, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "on conflict (vm_id) do update set memory_mb = excluded.memory_mb",
                    IntStream.range(0, vms.size()).boxed().toList(),
                    (s, i) -> {
                        VmFacts vm = vms.get(i);
                        s.setLong(1, ids.get(i));
                        s.setString(2, vm.powerState());
                        s.setString(3, vm.hypervisorType());
                        s.setString(4, vm.clusterName());
                        s.setString(5, vm.hostIdentifier());
                        s.setString(6, vm.hostname());
                        s.setString(7, vm.osType());
                        s.setString(8, vm.osFamily());
                        s.setObject(9, vm.totalVcpus());
                        s.setObject(10, vm.numSockets());
                        s.setObject(11, vm.coresPerSocket());
                        s.setObject(12, vm.memoryMb());
                        s.setInt(13, vm.totalDisks());
                        s.setBigDecimal(14, vm.totalDiskGb());
                        s.setInt(15, vm.totalNics());
                        s.setObject(16, now);
                        s.setString(17, "raw");
                        s.setString(18, parsed.get(i).getValue());
                        s.setObject(19, now);
                        s.setObject(20, now);
                    });
            List<Item<VmFacts.Nic>> nics = items(ids, vms, VmFacts::nics);
            List<Long> nicIds = jdbc.insertBatch(
                    "insert into vm_nic_fact (vm_id, position, nic_uuid, mac_address, "
                            + "network_id, is_connected, state, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    nics,
                    (s, nic) -> Jdbc.values(
                                    nic.vmId(),
                                    nic.position(),
                                    nic.item().nicUuid(),
                                    nic.item().macAddress(),
                                    nic.item().networkId(),
                                    nic.item().connected(),
                                    nic.item().state(),
                                    now,
                                    now)
                            .bind(s));
            List<Object[]> ips = new ArrayList<>();
            for (int i = 0; i < nics.size(); i++) {
                for (VmFacts.Ip ip : nics.get(i).item().ips()) {
                    ips.add(new Object[] {nicIds.get(i), ip.address(), ip.type(), now, now});
                }
            }
            jdbc.batch(
                    "insert into vm_nic_ip_fact (nic_id, ip_address, ip_type, created_at, updated_at) "
                            + "values (?, ?, ?, ?, ?) on conflict do nothing",
                    ips,
                    (s, ip) -> Jdbc.values(ip).bind(s));
            jdbc.batch(
                    "insert into vm_disk_fact (vm_id, position, disk_uuid, disk_label, "
                            + "size_gb, storage_name, backing_type, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    items(ids, vms, VmFacts::disks),
                    (s, disk) -> Jdbc.values(
                                    disk.vmId(),
                                    disk.position(),
                                    disk.item().diskUuid(),
                                    disk.item().label(),
                                    disk.item().sizeGb(),
                                    disk.item().storageName(),
                                    disk.item().backingType(),
                                    now,
                                    now)
                            .bind(s));
            c.commit();
        }
        return System.nanoTime() - start;
    }

    /** A NIC or disk with its VM's id and its position in the VM's list. */
    private record Item<T>(long vmId, int position, T item) {}

    private static <T> List<Item<T>> items(List<Long> ids, List<VmFacts> vms, Function<VmFacts, List<T>> of) {
        List<Item<T>> out = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            List<T> list = of.apply(vms.get(i));
            for (int k = 0; k < list.size(); k++) {
                out.add(new Item<>(ids.get(i), k, list.get(k)));
            }
        }
        return out;
    }
}
