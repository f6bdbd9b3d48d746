import { Anchor, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { PLATFORMS, platformApi, type Network } from '../api/platform';
import { vmApi } from '../api/vm';
import { ChoiceFilter, SearchFilter, listFeatures, useListParams, type ListParams } from '../components/List';
import { PagedTable, usePagedQuery } from '../components/PagedList';

const FILTERS = ['q', 'platform', 'vlan_id', 'vm_count', 'vm_count__gte'];
const SORTABLE = ['name', 'network_id', 'platform', 'vlan_id', 'vm_count'];
const helper = createColumnHelper<typeof listFeatures, Network>();
const columns = helper.columns([
  helper.accessor('name', { id: 'name', header: 'Name', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('network_id', { id: 'network_id', header: 'Network ID' }),
  helper.accessor('platform', { id: 'platform', header: 'Platform' }),
  helper.accessor('vlan_id', { id: 'vlan_id', header: 'VLAN', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('description', { id: 'description', header: 'Description', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('vm_count', {
    id: 'vm_count',
    header: 'VMs',
    cell: (c) => (
      <Anchor component={Link} to={`/vms?platform=${c.row.original.platform}&network=${encodeURIComponent(c.row.original.network_id ?? '')}`}
        aria-label={`${c.getValue() ?? 0} virtual machines on ${c.row.original.name ?? c.row.original.network_id}`}>
        {c.getValue() ?? 0}
      </Anchor>
    ),
  }),
]);

/** "In use" is `vm_count__gte=1`, "unused" `vm_count=0`: the API's own filters, kept in the URL. */
function Usage({ list }: { list: ListParams }) {
  const value = list.get('vm_count') === '0' ? 'unused' : list.get('vm_count__gte') === '1' ? 'in_use' : 'all';
  return (
    <Stack gap={4}>
      <Text component="div" id="network-usage" size="sm" fw={500}>Usage</Text>
      <SegmentedControl
        aria-labelledby="network-usage"
        value={value}
        onChange={(v) =>
          list.update({ vm_count: v === 'unused' ? '0' : undefined, vm_count__gte: v === 'in_use' ? '1' : undefined })
        }
        data={[
          { value: 'all', label: 'All' },
          { value: 'in_use', label: 'In use' },
          { value: 'unused', label: 'Unused' },
        ]}
      />
    </Stack>
  );
}

/** Totals of the dashboard's statistics: every network, those with a VM, those without. */
function Totals() {
  const stats = useQuery({ queryKey: ['vm', 'stats'], queryFn: vmApi.stats });
  const n = stats.data?.networks;
  if (!n) return null;
  const card = (label: string, value?: number) => (
    <Card withBorder py="xs">
      <Text size="sm">{label}</Text>
      <Text size="lg" fw={700}>{value ?? 0}</Text>
    </Card>
  );
  return (
    <Group aria-label="Network totals" role="group">
      {card('Total', n.total)}
      {card('In use', n.in_use)}
      {card('Unused', n.not_in_use)}
    </Group>
  );
}

/** Networks named by the syncs, with their VM count; filters (usage too) and paging in the URL. */
export default function Networks() {
  const list = useListParams('name');
  const networks = usePagedQuery(['vm', 'networks'], platformApi.networks, list, FILTERS);
  return (
    <Stack>
      <Title order={2}>Networks</Title>
      <Totals />
      <Group align="end">
        <SearchFilter list={list} placeholder="Network ID or name…" />
        <ChoiceFilter list={list} name="platform" label="Platform" data={PLATFORMS} />
        <SearchFilter list={list} name="vlan_id" label="VLAN" />
        <Usage list={list} />
      </Group>
      <PagedTable page={networks} empty="No network matches these filters." label="Networks" columns={columns} list={list} sortable={SORTABLE} noun="networks" minWidth={800} />
    </Stack>
  );
}
