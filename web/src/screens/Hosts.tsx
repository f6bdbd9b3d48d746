import { Anchor, Group, Stack, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { PLATFORMS, platformApi, type Host } from '../api/platform';
import { ChoiceFilter, SearchFilter, listFeatures, useListParams } from '../components/List';
import { PagedTable, usePagedQuery } from '../components/PagedList';

const FILTERS = ['q', 'platform'];
const SORTABLE = ['hostname', 'host_id', 'platform', 'vm_count'];
const helper = createColumnHelper<typeof listFeatures, Host>();
const columns = helper.columns([
  helper.accessor('hostname', { id: 'hostname', header: 'Hostname', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('host_id', { id: 'host_id', header: 'Host ID' }),
  helper.accessor('platform', { id: 'platform', header: 'Platform' }),
  helper.accessor((h) => [h.hypervisor_name, h.hypervisor_ip].filter(Boolean).join(' · ') || '—', {
    id: 'hypervisor',
    header: 'Hypervisor',
  }),
  helper.accessor('cpu_model', { id: 'cpu_model', header: 'CPU model', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('cpu_cores_physical', { id: 'cpu_cores_physical', header: 'Cores', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('ram_gb', { id: 'ram_gb', header: 'RAM (GB)', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('vm_count', {
    id: 'vm_count',
    header: 'VMs',
    cell: (c) => (
      <Anchor component={Link} to={`/vms?platform=${c.row.original.platform}&host=${encodeURIComponent(c.row.original.host_id ?? '')}`}
        aria-label={`${c.getValue() ?? 0} virtual machines on ${c.row.original.hostname ?? c.row.original.host_id}`}>
        {c.getValue() ?? 0}
      </Anchor>
    ),
  }),
]);

/** Hypervisor hosts named by the syncs, with their VM count; filters and paging in the URL. */
export default function Hosts() {
  const list = useListParams('hostname');
  const hosts = usePagedQuery(['vm', 'hosts'], platformApi.hosts, list, FILTERS);
  return (
    <Stack>
      <Title order={2}>Hosts</Title>
      <Group align="end">
        <SearchFilter list={list} placeholder="Host ID or hostname…" />
        <ChoiceFilter list={list} name="platform" label="Platform" data={PLATFORMS} />
      </Group>
      <PagedTable page={hosts} empty="No host matches these filters." label="Hosts" columns={columns} list={list} sortable={SORTABLE} noun="hosts" minWidth={900} />
    </Stack>
  );
}
