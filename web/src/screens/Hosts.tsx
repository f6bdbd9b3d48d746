import { Anchor, Group, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { PLATFORMS, platformApi, type Host } from '../api/platform';
import { ChoiceFilter, ListTable, SearchFilter, listFeatures, useListParams } from '../components/List';
import { QueryView } from '../components/Query';
import { Empty } from '../components/States';

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
  const query = list.query(FILTERS);
  const hosts = useQuery({
    queryKey: ['vm', 'hosts', query],
    queryFn: () => platformApi.hosts(query),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={2}>Hosts</Title>
      <Group align="end">
        <SearchFilter list={list} placeholder="Host ID or hostname…" />
        <ChoiceFilter list={list} name="platform" label="Platform" data={PLATFORMS} />
      </Group>
      <QueryView query={hosts}>
        {(page) =>
          (page.count ?? 0) === 0 ? (
            <Empty>No host matches these filters.</Empty>
          ) : (
            <ListTable label="Hosts" columns={columns} rows={page.results ?? []} count={page.count ?? 0}
              list={list} sortable={SORTABLE} noun="hosts" minWidth={900} />
          )
        }
      </QueryView>
    </Stack>
  );
}
