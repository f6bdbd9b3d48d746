import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { PLATFORMS } from '../api/platform';
import { syncApi, type SyncRun, type TriggerTarget, type Triggered } from '../api/sync';
import { useAuth } from '../auth/AuthContext';
import { hasRole } from '../auth/roles';
import {
  ChoiceFilter, DayFilter, SearchFilter, dayRange, listFeatures, useListParams,
} from '../components/List';
import { ProblemAlert } from '../components/States';
import { formatTime } from '../components/time';
import { PagedTable, usePagedQuery } from '../components/PagedList';

const STATUSES = ['pending', 'open', 'completed', 'failed', 'expired'];
const MODES = ['full', 'partial'];
const FILTERS = ['platform', 'source', 'status', 'mode'];
const SORTABLE = ['started_at', 'platform', 'source', 'status', 'mode'];
const RUN_COLOR: Record<string, string> = {
  completed: 'green', failed: 'red', expired: 'orange', open: 'blue', pending: 'gray',
};

/** @returns milliseconds as seconds with one decimal, or an em dash */
function duration(ms?: number): string {
  return ms === undefined || ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

const helper = createColumnHelper<typeof listFeatures, SyncRun>();
const columns = helper.columns([
  helper.accessor('started_at', { id: 'started_at', header: 'Started', cell: (c) => formatTime(c.getValue()) }),
  helper.accessor('platform', { id: 'platform', header: 'Platform' }),
  helper.accessor('source', { id: 'source', header: 'Source' }),
  helper.accessor('mode', { id: 'mode', header: 'Mode' }),
  helper.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: (c) => {
      const badge = <Badge variant="dot" color={RUN_COLOR[c.getValue() ?? ''] ?? 'gray'}>{c.getValue()}</Badge>;
      return c.row.original.error ? (
        <Stack gap={2}>
          {badge}
          <Text size="xs">{c.row.original.error}</Text>
        </Stack>
      ) : badge;
    },
  }),
  helper.accessor('vm_count_seen', { id: 'vm_count_seen', header: 'Seen', cell: (c) => c.getValue() ?? 0 }),
  helper.accessor('created_count', { id: 'created_count', header: 'Created', cell: (c) => c.getValue() ?? 0 }),
  helper.accessor('updated_count', { id: 'updated_count', header: 'Updated', cell: (c) => c.getValue() ?? 0 }),
  helper.accessor('unchanged_count', { id: 'unchanged_count', header: 'Unchanged', cell: (c) => c.getValue() ?? 0 }),
  helper.accessor('deleted_count', { id: 'deleted_count', header: 'Deleted', cell: (c) => c.getValue() ?? 0 }),
  helper.accessor('restored_count', { id: 'restored_count', header: 'Restored', cell: (c) => c.getValue() ?? 0 }),
  helper.accessor('chunk_count', {
    id: 'chunk_count',
    header: 'Chunks',
    cell: (c) => (c.row.original.chunked ? c.getValue() ?? 0 : '—'),
  }),
  helper.accessor('duration_ms', { id: 'duration_ms', header: 'Duration', cell: (c) => duration(c.getValue()) }),
  helper.accessor('finished_at', { id: 'finished_at', header: 'Finished', cell: (c) => formatTime(c.getValue()) }),
]);

const TARGETS: { target: TriggerTarget; label: string }[] = [
  { target: 'nutanix', label: 'Sync Nutanix' },
  { target: 'vmware', label: 'Sync VMware' },
  { target: 'all', label: 'Sync all' },
];

/** What a trigger did: one line per system API called, or why nothing was called. */
function Outcome({ target, results, admin }: { target: TriggerTarget; results: Triggered[]; admin: boolean }) {
  if (results.length === 0) {
    return (
      <Alert variant="light" color="yellow" title="Nothing triggered" role="status">
        No active system API for {target === 'all' ? 'any platform' : target}.{' '}
        {admin ? <Anchor component={Link} to="/admin/system-apis">Add one under System APIs.</Anchor> : 'An administrator adds them.'}
      </Alert>
    );
  }
  const failed = results.filter((r) => r.status !== 'triggered').length;
  return (
    <Alert variant="light" color={failed ? 'red' : 'green'} role="status"
      title={failed ? `${failed} of ${results.length} webhooks failed` : `${results.length} sync run(s) triggered`}>
      <List size="sm">
        {results.map((r) => (
          <List.Item key={r.run_id}>
            {r.name}: {r.status} (run {r.run_id}{r.http_status ? `, HTTP ${r.http_status}` : ''}){r.error ? ` — ${r.error}` : ''}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Editors: calls the n8n webhooks of the active system APIs of a platform (or all). */
function Trigger() {
  const { session } = useAuth();
  const client = useQueryClient();
  const trigger = useMutation({
    mutationFn: (target: TriggerTarget) => syncApi.trigger(target),
    onSettled: () => client.invalidateQueries({ queryKey: ['vm', 'sync-runs'] }),
  });
  return (
    <Stack gap="xs">
      <Group>
        {TARGETS.map(({ target, label }) => (
          <Tooltip key={target} label="Calls the n8n webhook of each active system API" withArrow>
            <Button variant={target === 'all' ? 'filled' : 'light'} loading={trigger.isPending && trigger.variables === target}
              disabled={trigger.isPending} onClick={() => trigger.mutate(target)}>
              {label}
            </Button>
          </Tooltip>
        ))}
      </Group>
      {trigger.isError && <ProblemAlert error={trigger.error} />}
      {trigger.isSuccess && (
        <Outcome target={trigger.variables} results={trigger.data} admin={hasRole(session.roles, 'admin')} />
      )}
    </Stack>
  );
}

/** Sync runs with status and counts (filters and paging in the URL); triggers for editors. */
export default function Sync() {
  const { session } = useAuth();
  const list = useListParams('-started_at');
  const runs = usePagedQuery(['vm', 'sync-runs'], syncApi.runs, list, FILTERS, dayRange(list, 'started_at'));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Sync</Title>
        {hasRole(session.roles, 'admin') && <Anchor component={Link} to="/admin/system-apis">System APIs</Anchor>}
      </Group>
      {hasRole(session.roles, 'editor') && <Trigger />}
      <Group align="end">
        <ChoiceFilter list={list} name="platform" label="Platform" data={PLATFORMS} />
        <SearchFilter list={list} name="source" label="Source" />
        <ChoiceFilter list={list} name="status" label="Status" data={STATUSES} />
        <ChoiceFilter list={list} name="mode" label="Mode" data={MODES} />
        <DayFilter list={list} name="started_at_from" label="Started from" />
        <DayFilter list={list} name="started_at_to" label="Started until" />
      </Group>
      <PagedTable page={runs} empty="No sync run matches these filters." label="Sync runs" columns={columns} list={list} sortable={SORTABLE} noun="sync runs" minWidth={1200} />
    </Stack>
  );
}
