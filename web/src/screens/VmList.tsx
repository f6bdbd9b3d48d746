import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useSearchParams } from 'react-router';
import { vmApi, type VmSummary } from '../api/vm';
import { useAuth } from '../auth/AuthContext';
import { hasRole } from '../auth/roles';
import { ListTable, PAGE_SIZE, listFeatures, useListParams, type ListColumns } from '../components/List';
import { QueryView } from '../components/Query';
import { Empty } from '../components/States';
import { formatTime } from '../components/time';
import { AssignOwnerForm } from './vm/AssignOwner';
import { BulkTagsForm } from './vm/BulkTags';
import { ColumnChooser } from './vm/ColumnChooser';
import { VmFilters } from './vm/VmFilters';
import { loadColumns, saveColumns, type VmColumnId } from './vm/columns';

/** Column ids the API can order by (the id is the API's ordering name). */
const SORTABLE = [
  'name', 'platform', 'power_state', 'cluster', 'host', 'hostname', 'os_type', 'total_vcpus', 'memory_mb',
  'total_disk_gb', 'technical_owner', 'business_owner', 'project', 'environment', 'source', 'first_seen_at',
  'last_seen_at',
];
const NO_ROWS: VmSummary[] = [];
const helper = createColumnHelper<typeof listFeatures, VmSummary>();
const dash = (value: unknown) => (value == null || value === '' ? '—' : String(value));

/** The data columns (each shown when chosen in the column chooser), in table order. */
function dataColumns(onAssign?: (vm: VmSummary) => void) {
  const byId = {
    platform: helper.accessor('platform', { id: 'platform', header: 'Platform' }),
    power_state: helper.accessor('power_state', {
      id: 'power_state',
      header: 'Power',
      cell: (c) => <Badge variant="dot" color={c.getValue() === 'on' ? 'green' : 'gray'}>{c.getValue() ?? 'unknown'}</Badge>,
    }),
    cluster: helper.accessor('cluster_name', { id: 'cluster', header: 'Cluster', cell: (c) => dash(c.getValue()) }),
    host: helper.accessor('host_identifier', { id: 'host', header: 'Host', cell: (c) => dash(c.getValue()) }),
    hostname: helper.accessor('hostname', { id: 'hostname', header: 'Hostname', cell: (c) => dash(c.getValue()) }),
    os_type: helper.accessor('os_type', { id: 'os_type', header: 'OS', cell: (c) => dash(c.getValue()) }),
    total_vcpus: helper.accessor('total_vcpus', { id: 'total_vcpus', header: 'vCPUs' }),
    memory_mb: helper.accessor('memory_mb', { id: 'memory_mb', header: 'Memory (MB)' }),
    total_disk_gb: helper.accessor('total_disk_gb', { id: 'total_disk_gb', header: 'Disk (GB)', cell: (c) => dash(c.getValue()) }),
    ips: helper.accessor((vm) => (vm.ip_addresses ?? []).join(', '), { id: 'ips', header: 'IP addresses' }),
    tags: helper.accessor((vm) => vm.tags ?? [], {
      id: 'tags',
      header: 'Tags',
      cell: (c) => (
        <Group gap={4}>
          {c.getValue().map((tag) => <Badge key={tag} variant="default" tt="none">{tag}</Badge>)}
        </Group>
      ),
    }),
    technical_owner: helper.accessor((vm) => vm.technical_owner?.full_name ?? '', {
      id: 'technical_owner',
      header: 'Technical owner',
      cell: (c) => (
        <Group gap="xs" wrap="nowrap">
          <span>{c.getValue() || '—'}</span>
          {onAssign && (
            <Button size="compact-xs" variant="light" aria-label={`Assign technical owner of ${c.row.original.vm_name}`}
              onClick={() => onAssign(c.row.original)}>Assign</Button>
          )}
        </Group>
      ),
    }),
    business_owner: helper.accessor((vm) => vm.business_owner?.full_name ?? '', {
      id: 'business_owner', header: 'Business owner', cell: (c) => c.getValue() || '—',
    }),
    project: helper.accessor('project_name', { id: 'project', header: 'Project', cell: (c) => dash(c.getValue()) }),
    environment: helper.accessor('environment', { id: 'environment', header: 'Environment', cell: (c) => dash(c.getValue()) }),
    source: helper.accessor('source', { id: 'source', header: 'Source' }),
    first_seen_at: helper.accessor('first_seen_at', { id: 'first_seen_at', header: 'First seen', cell: (c) => formatTime(c.getValue()) }),
    last_seen_at: helper.accessor('last_seen_at', { id: 'last_seen_at', header: 'Last seen', cell: (c) => formatTime(c.getValue()) }),
  };
  return (visible: VmColumnId[]) => helper.columns(visible.map((id) => byId[id]));
}

type Dialog = { kind: 'tags' } | { kind: 'owner'; vm: VmSummary } | null;

/**
 * Every filter, the ordering and the page in the URL, so a list can be bookmarked and shared; the
 * shown columns in the browser's storage; editors tag selected VMs in bulk, admins assign
 * technical owners from the list.
 */
const DEFAULT_ORDERING = 'name';

/**
 * The list request for a URL's query string. Every URL parameter but the page goes to the API as
 * it is, so any filter and lookup the API accepts (tag, owner, memory_mb__gte, …) can be
 * bookmarked; the API answers 400 for unknown ones.
 */
function vmListQuery(params: URLSearchParams) {
  const filters: Record<string, string> = Object.fromEntries(
    [...params.entries()].filter(([key]) => key !== 'page' && key !== 'ordering'),
  );
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const query = { ...filters, ordering: params.get('ordering') ?? DEFAULT_ORDERING, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const options = { queryKey: ['vm', 'vms', query], queryFn: () => vmApi.vms(query) };
  return { filters, query, options };
}

/** Starts the first page's request while the app starts (see preload.ts). */
export async function prefetch(client: QueryClient, search: URLSearchParams): Promise<void> {
  await client.prefetchQuery(vmListQuery(search).options);
}

export default function VmList() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const admin = hasRole(session.roles, 'admin');
  const list = useListParams(DEFAULT_ORDERING);
  const [params] = useSearchParams();
  const { filters, query, options } = vmListQuery(params);
  const vms = useQuery({ ...options, placeholderData: keepPreviousData });
  const rows = vms.data?.results ?? NO_ROWS;

  const [visible, setVisible] = useState<VmColumnId[]>(() => loadColumns());
  const choose = (next: VmColumnId[]) => {
    setVisible(next);
    saveColumns(next);
  };
  // The selection belongs to the rows on show: another page or filter starts a new one.
  const [selection, setSelection] = useState<{ key: string; ids: number[] }>({ key: '', ids: [] });
  const selectionKey = JSON.stringify(query);
  const selected = selection.key === selectionKey ? selection.ids : [];
  const select = (ids: number[]) => setSelection({ key: selectionKey, ids });
  const [dialog, setDialog] = useState<Dialog>(null);

  const columns = useMemo(() => {
    const chosen = dataColumns(admin ? (vm) => setDialog({ kind: 'owner', vm }) : undefined)(visible);
    const pageIds = rows.map((vm) => vm.id ?? 0);
    const all = pageIds.length > 0 && pageIds.every((id) => selected.includes(id));
    return [
      ...(editor
        ? [
            helper.display({
              id: 'select',
              header: () => (
                <Checkbox aria-label="Select all on this page" checked={all}
                  indeterminate={!all && selected.length > 0}
                  onChange={() => select(all ? [] : pageIds)} />
              ),
              cell: (c) => {
                const id = c.row.original.id ?? 0;
                return (
                  <Checkbox aria-label={`Select ${c.row.original.vm_name}`} checked={selected.includes(id)}
                    onChange={(e) => select(e.currentTarget.checked ? [...selected, id] : selected.filter((s) => s !== id))} />
                );
              },
            }),
          ]
        : []),
      helper.accessor('vm_name', {
        id: 'name',
        header: 'Name',
        cell: (c) => <Anchor component={Link} to={`/vms/${c.row.original.id}`}>{c.getValue()}</Anchor>,
      }),
      ...chosen,
    ] as ListColumns<VmSummary>;
  }, [visible, editor, admin, rows, selected.join(',')]); // select() changes with the selection only

  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  /** Downloads the filtered list (same filters and ordering, no paging) through the token-carrying client. */
  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const blob = await vmApi.exportCsv({ ...filters, ordering: list.ordering });
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

  return (
    <Stack>
      <Title order={2}>Virtual machines</Title>
      <VmFilters list={list} showDeleted />
      <Group>
        <Button variant="default" loading={exporting} onClick={() => void exportCsv()}>Export CSV</Button>
        <ColumnChooser visible={visible} onChange={choose} />
        {editor && (
          <Button disabled={selected.length === 0} onClick={() => setDialog({ kind: 'tags' })}>
            {selected.length === 0 ? 'Tag selected' : `Tag ${selected.length} selected`}
          </Button>
        )}
        {exportError && <Text c="red.8" size="sm" role="alert">{exportError}</Text>}
      </Group>
      <QueryView query={vms}>
        {(data) =>
          (data.count ?? 0) === 0 ? (
            <Empty>No virtual machine matches these filters.</Empty>
          ) : (
            <ListTable label="Virtual machines" columns={columns} rows={rows} count={data.count ?? 0} list={list}
              sortable={SORTABLE} noun="virtual machines" minWidth={900} />
          )
        }
      </QueryView>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'tags' ? 'Tag selected virtual machines' : 'Assign technical owner'}
      >
        {dialog?.kind === 'tags' && (
          <BulkTagsForm vmIds={selected} onDone={(changed) => {
            setDialog(null);
            if (changed) select([]);
          }} />
        )}
        {dialog?.kind === 'owner' && <AssignOwnerForm vm={dialog.vm} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}
