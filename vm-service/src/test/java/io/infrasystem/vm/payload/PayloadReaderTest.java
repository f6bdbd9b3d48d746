package io.infrasystem.vm.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.facts.VmFacts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode fixture(String path) {
        try (InputStream in = PayloadReaderTest.class.getResourceAsStream("/fixtures/" + path)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VmFacts vm(ParsedPayload payload, String name) {
        return payload.vms().stream()
                .filter(v -> name.equals(v.name()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void nutanixV3ListConvertsUnitsAndSkipsCdroms() {
        ParsedPayload payload = PayloadReader.read(fixture("nutanix/v3_vms_list_own.json"), Platform.NUTANIX);
        assertThat(payload.shape()).isEqualTo(PayloadShape.NUTANIX_V3);
        assertThat(payload.singleEvent()).isFalse();
        assertThat(payload.vms()).hasSize(3);
        VmFacts web = vm(payload, "app-web-01");
        assertThat(web.vmUuid()).isEqualTo("a1b2c3d4-1111-4aaa-8bbb-000000000001");
        assertThat(web.totalVcpus()).isEqualTo(4);
        assertThat(web.memoryMb()).isEqualTo(8192);
        assertThat(web.disks()).hasSize(2);
        assertThat(web.totalDiskGb()).isEqualByComparingTo("140.00");
        assertThat(web.nics().get(0).macAddress()).isEqualTo("50:6b:8d:aa:00:a1");
        assertThat(web.nics().get(0).networkName()).isEqualTo("vlan-120-app");
        assertThat(web.nics().get(0).ips()).extracting(VmFacts.Ip::address).containsExactly("10.20.120.11");
        assertThat(web.hostIdentifier()).isEqualTo("10.46.136.28");
        assertThat(web.clusterName()).isEqualTo("prod-ahv-01");
        assertThat(web.powerState()).isEqualTo("on");
        assertThat(web.creationDate()).hasToString("2024-01-15T09:30:00Z");
        VmFacts off = vm(payload, "build-agent-old");
        assertThat(off.powerState()).isEqualTo("off");
        assertThat(off.hostIdentifier()).isNull();
        assertThat(off.hasIps()).isFalse();
        assertThat(vm(payload, "db-main-01").totalVcpus()).isEqualTo(4);
    }

    @Test
    void prismWebhookEventIsOneVmAndASingleEvent() {
        ParsedPayload payload =
                PayloadReader.read(fixture("nutanix/v3_webhook_vm_event_payload_prism.json"), Platform.NUTANIX);
        assertThat(payload.shape()).isEqualTo(PayloadShape.NUTANIX_V3);
        assertThat(payload.singleEvent()).isTrue();
        VmFacts vm = payload.vms().get(0);
        assertThat(vm.vmUuid()).isEqualTo("addfa04e-751f-456d-b35b-4550238a7389");
        assertThat(vm.name()).isEqualTo("example");
        assertThat(vm.totalVcpus()).isEqualTo(4);
        assertThat(vm.memoryMb()).isEqualTo(4096);
        assertThat(vm.disks())
                .singleElement()
                .satisfies(d -> assertThat(d.sizeGb()).isEqualByComparingTo("40.00"));
        assertThat(vm.nics().get(0).ips()).extracting(VmFacts.Ip::address).containsExactly("1.2.3.4");
        assertThat(vm.hypervisorType()).isEqualTo("AHV");
        assertThat(vm.clusterName()).isEqualTo("ntnx-ahv-cluster");
        assertThat(vm.hostIdentifier()).isEqualTo("10.10.10.101");
    }

    @Test
    void nutanixV4ListReadsEveryVmWithoutRelyingOnObjectType() {
        ParsedPayload payload =
                PayloadReader.read(fixture("nutanix/v4_vmm_ahv_config_vms_list.json"), Platform.NUTANIX);
        assertThat(payload.shape()).isEqualTo(PayloadShape.NUTANIX_V4);
        assertThat(payload.vms()).hasSize(26);
        assertThat(payload.vms()).allSatisfy(v -> assertThat(v.vmUuid()).isNotBlank());
        VmFacts pc = vm(payload, "PC-NameOption-1");
        assertThat(pc.totalVcpus()).isEqualTo(4);
        assertThat(pc.memoryMb()).isEqualTo(18432);
        assertThat(pc.disks()).hasSize(7);
        assertThat(pc.totalDiskGb())
                .isEqualByComparingTo(new BigDecimal("0.01")
                        .add(new BigDecimal("70.00"))
                        .add(new BigDecimal("30.00"))
                        .add(new BigDecimal("100.00"))
                        .add(new BigDecimal("100.00"))
                        .add(new BigDecimal("14.29"))
                        .add(new BigDecimal("270.00")));
        assertThat(pc.nics().get(0).ips()).containsExactly(new VmFacts.Ip("192.168.1.150", "LEARNED"));
        assertThat(pc.hostIdentifier()).isEqualTo("ffb769ef-9599-49f7-8608-4b5d10d076e7");
        VmFacts off = vm(payload, "test-windows-2022");
        assertThat(off.powerState()).isEqualTo("off");
        assertThat(off.hostIdentifier()).isNull();
        assertThat(vm(payload, "Acme-VM1").nics().get(0).ips())
                .containsExactly(new VmFacts.Ip("192.168.2.142", "CONFIGURED"));
    }

    @Test
    void vsphereDetailWithGuestIdentityAndPlacement() {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("vm", "vm-22");
        item.set("detail", fixture("vmware/api_vcenter_vm_vm-22.json"));
        item.set("guest_identity", fixture("vmware/api_vcenter_vm_vm-22_guest_identity.json"));
        item.put("host", "esx-07.sddc.local");
        item.set(
                "cluster", MAPPER.createObjectNode().put("cluster", "domain-c8").put("name", "Cluster-1"));
        ObjectNode root = MAPPER.createObjectNode();
        root.set("vms", MAPPER.createArrayNode().add(item));

        ParsedPayload payload = PayloadReader.read(root, Platform.VMWARE);
        assertThat(payload.shape()).isEqualTo(PayloadShape.VSPHERE);
        VmFacts vm = payload.vms().get(0);
        assertThat(vm.vmUuid()).isEqualTo("52cacf86-2865-24ac-4570-808acc2d7ebd");
        assertThat(vm.biosUuid()).isEqualTo("564d170f-1551-c0fc-3933-ef25e85afc18");
        assertThat(vm.name()).isEqualTo("NSX-Manager-1");
        assertThat(vm.memoryMb()).isEqualTo(24576);
        assertThat(vm.totalVcpus()).isEqualTo(4);
        assertThat(vm.numSockets()).isEqualTo(4);
        assertThat(vm.totalDiskGb()).isEqualByComparingTo("300.00");
        assertThat(vm.disks().get(0).storageName()).isEqualTo("vsanDatastore");
        assertThat(vm.nics().get(0).networkId()).isEqualTo("dvportgroup-26");
        assertThat(vm.nics().get(0).ips()).extracting(VmFacts.Ip::address).containsExactly("10.2.192.5");
        assertThat(vm.hostname()).isEqualTo("NSX-Manager-1");
        assertThat(vm.osType()).isEqualTo("Ubuntu Linux (64-bit)");
        assertThat(vm.osFamily()).isEqualTo("linux");
        assertThat(vm.hostIdentifier()).isEqualTo("esx-07.sddc.local");
        assertThat(vm.clusterName()).isEqualTo("Cluster-1");
    }

    @Test
    void everyVsphereDetailFixtureParsesAsABareArray() {
        ArrayNode array = MAPPER.createArrayNode();
        for (String id : List.of("22", "23", "43", "44")) {
            array.add(fixture("vmware/api_vcenter_vm_vm-" + id + ".json"));
        }
        ParsedPayload payload = PayloadReader.read(array, Platform.VMWARE);
        assertThat(payload.vms())
                .extracting(VmFacts::name)
                .containsExactly("NSX-Manager-1", "NSX-Manager-0", "NSX-Edge-1", "NSX-Edge-0");
        VmFacts edge = payload.vms().get(2);
        assertThat(edge.nics()).hasSize(5);
        assertThat(edge.nics().get(2).connected()).isFalse();
        assertThat(edge.nics().get(2).networkName()).isEqualTo("none");
        assertThat(edge.totalDiskGb()).isEqualByComparingTo("196.00");
        assertThat(edge.memoryMb()).isEqualTo(8192);
    }

    @Test
    void guestInterfacesGiveEachNicItsAddresses() {
        ObjectNode item = MAPPER.createObjectNode();
        item.set("detail", fixture("vmware/api_vcenter_vm_vm-43.json"));
        ArrayNode interfaces = MAPPER.createArrayNode();
        interfaces
                .addObject()
                .put("nic", "4001")
                .put("mac_address", "00:50:56:95:37:f9")
                .putObject("ip")
                .putArray("ip_addresses")
                .addObject()
                .put("ip_address", "172.16.0.9")
                .put("prefix_length", 24);
        item.set("guest_interfaces", interfaces);
        VmFacts vm = PayloadReader.read(item, Platform.VMWARE).vms().get(0);
        assertThat(vm.nics().get(0).ips()).isEmpty();
        assertThat(vm.nics().get(1).ips()).containsExactly(new VmFacts.Ip("172.16.0.9", "GUEST"));
    }

    @Test
    void olderRestShapeIsUnwrappedFromValue() {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("vm", "vm-1047");
        item.set("detail", fixture("vmware/rest_vcenter_vm_detail_value_wrapped.json"));
        item.set("guest_identity", fixture("vmware/rest_vcenter_vm_guest_identity_value_wrapped.json"));
        VmFacts vm = PayloadReader.read(item, Platform.VMWARE).vms().get(0);
        assertThat(vm.vmUuid()).isEqualTo("5028198f-5f09-7c36-5956-16e1ac99641c");
        assertThat(vm.name()).isEqualTo("Teste_vm1");
        assertThat(vm.totalVcpus()).isEqualTo(9);
        assertThat(vm.coresPerSocket()).isEqualTo(3);
        assertThat(vm.numSockets()).isEqualTo(3);
        assertThat(vm.memoryMb()).isEqualTo(51200);
        assertThat(vm.disks()).extracting(VmFacts.Disk::diskUuid).containsExactly("2000", "2001");
        assertThat(vm.totalDiskGb()).isEqualByComparingTo("300.00");
        assertThat(vm.nics())
                .extracting(VmFacts.Nic::macAddress)
                .containsExactly("00:50:56:a8:85:2a", "00:50:56:a8:42:20", "00:50:56:a8:1b:47");
        assertThat(vm.nics().get(0).ips()).extracting(VmFacts.Ip::address).containsExactly("1.134.252.156");
        assertThat(vm.hostname()).isEqualTo("lnrshr1");
        assertThat(vm.osFamily()).isEqualTo("linux");
        VmFacts bare = PayloadReader.read(fixture("vmware/rest_vcenter_vm_detail_value_wrapped.json"), Platform.VMWARE)
                .vms()
                .get(0);
        assertThat(bare.vmUuid()).isEqualTo(vm.vmUuid());
    }

    @Test
    void normalizedFormatKeepsItsUnits() throws IOException {
        JsonNode root = MAPPER.readTree("""
                {"format": "infra-vm/v1", "vms": [{"vm_uuid": "x-1", "name": "legacy-01", "power_state": "on",
                 "vcpus": 2, "memory_mb": 2048, "os_type": "Windows Server 2019",
                 "disks": [{"id": "d0", "size_gb": 60.5}], "nics": [{"mac_address": "AA:BB:CC:00:11:22",
                 "network_id": "vlan10", "ips": ["10.1.1.1", "10.1.1.1"]}]}]}""");
        VmFacts vm = PayloadReader.read(root, Platform.OTHER).vms().get(0);
        assertThat(vm.totalDiskGb()).isEqualByComparingTo("60.50");
        assertThat(vm.memoryMb()).isEqualTo(2048);
        assertThat(vm.osFamily()).isEqualTo("windows");
        assertThat(vm.nics().get(0).ips()).hasSize(1);
        assertThat(vm.nics().get(0).macAddress()).isEqualTo("aa:bb:cc:00:11:22");
    }

    @Test
    void aVmListWithoutDetailsIsAnUnknownShape() {
        assertThatThrownBy(() -> PayloadReader.read(fixture("vmware/api_vcenter_vm_list.json"), Platform.VMWARE))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST));
    }

    @Test
    void aNutanixPayloadPostedAsVmwareIsRefused() {
        assertThatThrownBy(
                        () -> PayloadReader.read(fixture("nutanix/v4_vmm_ahv_config_vms_list.json"), Platform.VMWARE))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("platform"));
    }

    @Test
    void missingUuidNegativeSizesAndDuplicatesAreAllReported() throws IOException {
        JsonNode root = MAPPER.readTree("""
                {"data": [
                  {"extId": "a", "name": "one", "memorySizeBytes": -1},
                  {"extId": "a", "name": "two", "disks": [{"backingInfo": {"diskSizeBytes": -5}}]},
                  {"extId": null, "name": "three"}]}""");
        assertThatThrownBy(() -> PayloadReader.read(root, Platform.NUTANIX))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(f -> f.field())
                                .containsExactlyInAnyOrder(
                                        "data[0].memorySizeBytes",
                                        "data[1].disks[0].backingInfo.diskSizeBytes",
                                        "vms[1].vm_uuid",
                                        "vms[2].vm_uuid"));
    }

    @Test
    void vmsAreHandedOnOneByOneAsTheBodyStreams() throws IOException {
        List<String> handed = new ArrayList<>();
        String body = """
                {"data": [{"extId": "a", "name": "one"}, {"extId": "b", "name": "two"}, {"extId": "c", "name": """;
        try (JsonParser parser = MAPPER.createParser(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> PayloadReader.stream(parser, Platform.NUTANIX, vm -> handed.add(vm.vmUuid())))
                    .isInstanceOfSatisfying(
                            ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.MALFORMED_JSON));
        }
        // both complete VMs reached the sink before the parser met the broken end of the body
        assertThat(handed).containsExactly("a", "b");
    }

    @Test
    void aNormalizedPayloadMayNameItsFormatAfterItsVms() throws IOException {
        JsonNode root = MAPPER.readTree("""
                {"vms": [{"vm_uuid": "x-1", "name": "legacy-01", "memory_mb": 2048}], "platform": "other",
                 "format": "infra-vm/v1"}""");
        ParsedPayload payload = PayloadReader.read(root, Platform.OTHER);
        assertThat(payload.shape()).isEqualTo(PayloadShape.NORMALIZED);
        assertThat(payload.vms()).extracting(VmFacts::memoryMb).containsExactly(2048L);
        assertThatThrownBy(() -> PayloadReader.read(root, Platform.VMWARE))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("platform"));
    }

    @Test
    void vmsWithoutAFormatThatAreNoVsphereDetailsAreAnUnknownShape() throws IOException {
        JsonNode root = MAPPER.readTree("""
                {"vms": [{"vm_uuid": "x-1", "name": "legacy-01"}]}""");
        assertThatThrownBy(() -> PayloadReader.read(root, Platform.OTHER))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST));
    }
}
