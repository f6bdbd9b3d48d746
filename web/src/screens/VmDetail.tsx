import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { vmApi, type VmDetail as Detail, type VmSummary } from '../api/vm';
import { useAuth } from '../auth/AuthContext';
import { hasRole } from '../auth/roles';
import { QueryView } from '../components/Query';
import { Empty } from '../components/States';
import { formatTime } from '../components/time';
import { CustomFields } from './vm/CustomFields';
import { History } from './vm/History';
import { ManualForm } from './vm/ManualForm';
import { ManualIps } from './vm/ManualIps';
import { SoftDelete } from './vm/SoftDelete';
import { Tags } from './vm/Tags';
import { RowsTable } from '../components/ResultTable';

/** The facts a manual override can replace, by the name `overridden` gives them. */
const OVERRIDABLE: Record<string, string> = {
  'Power state': 'power_state',
  Cluster: 'cluster_name',
  Hostname: 'hostname',
  OS: 'os_type',
};
const owner = (o?: { full_name?: string; email?: string }) => (o ? `${o.full_name} (${o.email})` : '—');

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
    ['Business owner', owner(vm.business_owner)],
    ['Technical owner', owner(vm.technical_owner)],
    ['Notes', detail.manual?.notes ?? '—'],
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
            <Text component="dd" size="sm" m={0}>
              {value}
              {(vm.overridden ?? []).includes(OVERRIDABLE[label]) && (
                <>
                  {' '}
                  <Badge ml="xs" variant="default" tt="none">overridden by hand</Badge>
                </>
              )}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function Nics({ detail }: { detail: Detail }) {
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Network interfaces</Title>
      <RowsTable rows={detail.nics ?? []} label="Network interfaces" empty="No network interface."
        headers={['MAC', 'Network', 'Connected', 'IP addresses']}
        rowKey={(nic, i) => nic.nic_uuid ?? i}
        row={(nic) => (
          <>
            <Table.Td>{nic.mac_address ?? '—'}</Table.Td>
            <Table.Td>{nic.network_name ?? nic.network_id ?? '—'}</Table.Td>
            <Table.Td>{nic.is_connected == null ? '—' : nic.is_connected ? 'yes' : 'no'}</Table.Td>
            <Table.Td>{(nic.ips ?? []).map((ip) => ip.ip_address).join(', ') || '—'}</Table.Td>
          </>
        )} />
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

/**
 * One VM: its facts, NICs with their IPs, disks and change history; editors maintain its manual
 * data, overrides, IPs, tags and custom fields; admins soft-delete and restore it.
 */
export default function VmDetail() {
  const { id } = useParams();
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const admin = hasRole(session.roles, 'admin');
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
            <SoftDelete detail={d} admin={admin} />
            <Facts detail={d} />
            {editor && <ManualForm key={d.vm?.id} detail={d} />}
            <Tags vmId={d.vm?.id ?? 0} tags={d.vm?.tags ?? []} editable={editor} />
            <Nics detail={d} />
            <ManualIps vmId={d.vm?.id ?? 0} ips={d.manual_ips ?? []} editable={editor} />
            <Disks detail={d} />
            <CustomFields vmId={d.vm?.id ?? 0} fields={d.custom_fields ?? {}} editable={editor} />
            <History history={d.history ?? []} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}
