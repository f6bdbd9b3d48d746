import { useState } from 'react';
import { Anchor, Badge, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { Link, useSearchParams } from 'react-router';
import { vmApi, type VmSummary } from '../api/vm';
import { QueryView } from '../components/Query';
import { Empty } from '../components/States';
import { formatTime } from '../components/time';

export const PAGE_SIZE = 50;

/** Filters of the API the screen offers; each is kept in the URL under its API name. */
const CHOICES = {
  platform: ['nutanix', 'vmware', 'other'],
  power_state: ['on', 'off', 'suspended', 'paused', 'unknown'],
  os_family: ['linux', 'windows', 'other'],
} as const;

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, VmSummary>();
const columns = helper.columns([
  helper.accessor('vm_name', {
    id: 'name',
    header: 'Name',
    cell: (c) => <Anchor component={Link} to={`/vms/${c.row.original.id}`}>{c.getValue()}</Anchor>,
  }),
  helper.accessor('platform', { id: 'platform', header: 'Platform' }),
  helper.accessor('power_state', {
    id: 'power_state',
    header: 'Power',
    cell: (c) => <Badge variant="dot" color={c.getValue() === 'on' ? 'green' : 'gray'}>{c.getValue() ?? 'unknown'}</Badge>,
  }),
  helper.accessor('cluster_name', { id: 'cluster', header: 'Cluster' }),
  helper.accessor('os_type', { id: 'os_type', header: 'OS' }),
  helper.accessor('total_vcpus', { id: 'total_vcpus', header: 'vCPUs' }),
  helper.accessor('memory_mb', { id: 'memory_mb', header: 'Memory (MB)' }),
  helper.accessor((vm) => (vm.ip_addresses ?? []).join(', '), { id: 'ips', header: 'IP addresses' }),
  helper.accessor('last_seen_at', { id: 'last_seen_at', header: 'Last seen', cell: (c) => formatTime(c.getValue()) }),
]);
const SORTABLE = new Set(['name', 'platform', 'power_state', 'cluster', 'os_type', 'total_vcpus', 'memory_mb', 'last_seen_at']);
const NO_ROWS: VmSummary[] = [];

/** Every filter, the ordering and the page in the URL, so a list can be bookmarked and shared. */
export default function VmList() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const ordering = params.get('ordering') ?? 'name';
  // Every URL parameter but the page goes to the API as it is, so any filter and lookup the API
  // accepts (tag, owner, memory_mb__gte, …) can be bookmarked; the API answers 400 for unknown ones.
  const filters: Record<string, string | undefined> = Object.fromEntries(
    [...params.entries()].filter(([key]) => key !== 'page' && key !== 'ordering'),
  );
  const query = { ...filters, ordering, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const vms = useQuery({
    queryKey: ['vm', 'vms', query],
    queryFn: () => vmApi.vms(query),
    placeholderData: keepPreviousData,
  });
  const table = useTable({ features, columns, data: vms.data?.results ?? NO_ROWS });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  /** Downloads the filtered list (same filters and ordering, no paging) through the token-carrying client. */
  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const blob = await vmApi.exportCsv({ ...filters, ordering });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'vms.csv';
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };
  const sortBy = (id: string) => update({ ordering: ordering === id ? `-${id}` : id });
  const sortState = (id: string) => (ordering === id ? 'ascending' : ordering === `-${id}` ? 'descending' : 'none');

  return (
    <Stack>
      <Title order={2}>Virtual machines</Title>
      <Group align="end">
        <TextInput
          label="Search"
          placeholder="Name, IP, host, project…"
          defaultValue={filters.q}
          onKeyDown={(e) => e.key === 'Enter' && update({ q: e.currentTarget.value })}
          onBlur={(e) => e.currentTarget.value !== (filters.q ?? '') && update({ q: e.currentTarget.value })}
        />
        {Object.entries(CHOICES).map(([name, values]) => (
          <Select
            key={name}
            label={name.replace('_', ' ').replace(/^./, (c) => c.toUpperCase())}
            data={[...values]}
            value={filters[name] ?? null}
            onChange={(value) => update({ [name]: value ?? undefined })}
            clearable
            w={160}
          />
        ))}
      </Group>
      <Group>
        <Button variant="default" loading={exporting} onClick={() => void exportCsv()}>Export CSV</Button>
        {exportError && <Text c="red.8" size="sm" role="alert">{exportError}</Text>}
      </Group>
      <QueryView query={vms}>
        {(data) =>
          (data.count ?? 0) === 0 ? (
            <Empty>No virtual machine matches these filters.</Empty>
          ) : (
            <>
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover aria-label="Virtual machines">
                  <Table.Thead>
                    {table.getHeaderGroups().map((group) => (
                      <Table.Tr key={group.id}>
                        {group.headers.map((header) => (
                          <Table.Th key={header.id} aria-sort={SORTABLE.has(header.id) ? sortState(header.id) : undefined}>
                            {SORTABLE.has(header.id) ? (
                              <UnstyledButton onClick={() => sortBy(header.id)} fw={700} fz="sm">
                                <table.FlexRender header={header} />
                                {sortState(header.id) === 'ascending' ? ' ▲' : sortState(header.id) === 'descending' ? ' ▼' : ''}
                              </UnstyledButton>
                            ) : (
                              <table.FlexRender header={header} />
                            )}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Thead>
                  <Table.Tbody>
                    {table.getRowModel().rows.map((row) => (
                      <Table.Tr key={row.id}>
                        {row.getAllCells().map((cell) => (
                          <Table.Td key={cell.id}>
                            <table.FlexRender cell={cell} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group justify="space-between">
                <Text size="sm">{data.count ?? 0} virtual machines</Text>
                <Pagination
                  total={Math.ceil((data.count ?? 0) / PAGE_SIZE)}
                  value={page}
                  onChange={(p) => update({ page: String(p) })}
                  getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                />
              </Group>
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}
