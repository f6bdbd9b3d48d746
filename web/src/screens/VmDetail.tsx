import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { vmApi, type VmDetail as Detail, type VmSummary } from '../api/vm';
import { QueryView } from '../components/Query';
import { Empty } from '../components/States';
import { formatTime } from '../components/time';

function Facts({ detail }: { detail: Detail }) {
  const vm: VmSummary = detail.vm ?? {};
  const facts: [string, ReactNode][] = [
    ['Platform', vm.platform],
    ['Source', vm.source],
    ['UUID', vm.vm_uuid],
    ['BIOS UUID', detail.bios_uuid ?? '—'],
    ['Power state', vm.power_state ?? 'unknown'],
    ['Cluster', vm.cluster_name ?? '—'],
    ['Host', vm.host_identifier ?? '—'],
    ['Hostname', vm.hostname ?? '—'],
    ['OS', vm.os_type ?? '—'],
    ['vCPUs', vm.total_vcpus ?? '—'],
    ['Memory (MB)', vm.memory_mb ?? '—'],
    ['Disk total (GB)', vm.total_disk_gb ?? '—'],
    ['Project', vm.project_name ?? '—'],
    ['Environment', vm.environment ?? '—'],
    ['First seen', formatTime(vm.first_seen_at)],
    ['Last seen', formatTime(vm.last_seen_at)],
  ];
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Facts</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl">
        {facts.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap">
            <Text component="dt" fw={600} size="sm" w={130}>{label}</Text>
            <Text component="dd" size="sm" m={0}>{value}</Text>
          </Group>
        ))}
      </SimpleGrid>
      {(vm.overridden ?? []).length > 0 && (
        <Text size="sm" mt="xs">Overridden by hand: {(vm.overridden ?? []).join(', ')}</Text>
      )}
    </Card>
  );
}

function Nics({ detail }: { detail: Detail }) {
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Network interfaces</Title>
      {(detail.nics ?? []).length === 0 ? (
        <Empty>No network interface.</Empty>
      ) : (
        <Table aria-label="Network interfaces">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>MAC</Table.Th>
              <Table.Th>Network</Table.Th>
              <Table.Th>Connected</Table.Th>
              <Table.Th>IP addresses</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(detail.nics ?? []).map((nic, i) => (
              <Table.Tr key={nic.nic_uuid ?? i}>
                <Table.Td>{nic.mac_address ?? '—'}</Table.Td>
                <Table.Td>{nic.network_name ?? nic.network_id ?? '—'}</Table.Td>
                <Table.Td>{nic.is_connected == null ? '—' : nic.is_connected ? 'yes' : 'no'}</Table.Td>
                <Table.Td>{(nic.ips ?? []).map((ip) => ip.ip_address).join(', ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Disks({ detail }: { detail: Detail }) {
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Disks</Title>
      {(detail.disks ?? []).length === 0 ? (
        <Empty>No disk.</Empty>
      ) : (
        <Table aria-label="Disks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Label</Table.Th>
              <Table.Th ta="right">Size (GB)</Table.Th>
              <Table.Th>Storage</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(detail.disks ?? []).map((disk, i) => (
              <Table.Tr key={disk.disk_uuid ?? i}>
                <Table.Td>{disk.disk_label ?? '—'}</Table.Td>
                <Table.Td ta="right">{disk.size_gb ?? '—'}</Table.Td>
                <Table.Td>{disk.storage_name ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** One VM: its facts, NICs with their IPs, and disks. */
export default function VmDetail() {
  const { id } = useParams();
  const detail = useQuery({ queryKey: ['vm', 'vms', Number(id)], queryFn: () => vmApi.vm(Number(id)) });
  return (
    <Stack>
      <Anchor component={Link} to="/vms">← Virtual machines</Anchor>
      <QueryView query={detail}>
        {(d) => (
          <>
            <Group>
              <Title order={2}>{d.vm?.vm_name}</Title>
              {d.vm?.is_deleted && <Badge color="red" variant="dot">deleted</Badge>}
            </Group>
            <Facts detail={d} />
            <Nics detail={d} />
            <Disks detail={d} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}
