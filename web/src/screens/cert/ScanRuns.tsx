import { useMemo } from 'react';
import { Anchor, Badge, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { certApi, type ScanRun } from '../../api/cert';
import { ListTable, listFeatures, useListParams } from '../../components/List';
import { QueryView } from '../../components/Query';
import { Empty } from '../../components/States';
import { formatTime } from '../../components/time';

const SORTABLE = ['started_at', 'finished_at'];
const helper = createColumnHelper<typeof listFeatures, ScanRun>();

/** A run's state: running or completed. */
export function RunBadge({ run }: { run: ScanRun }) {
  return run.status === 'running' ? <Badge color="blue" variant="dot">running</Badge>
    : <Badge color={(run.failed_count ?? 0) > 0 ? 'orange' : 'green'} variant="dot">completed</Badge>;
}

/** Scan runs, newest first, with their counts (live: every progress event refreshes the list). */
export default function ScanRuns() {
  const list = useListParams('-started_at');
  const query = list.query(['status']);
  const runs = useQuery({ queryKey: ['cert', 'scan-runs', query], queryFn: () => certApi.scanRuns(query), placeholderData: keepPreviousData });
  const columns = useMemo(() => helper.columns([
    helper.accessor('id', { id: 'id', header: 'Run', cell: (c) => <Anchor component={Link} to={`/certs/scan-runs/${c.getValue()}`}>Run {c.getValue()}</Anchor> }),
    helper.display({ id: 'status', header: 'Status', cell: (c) => <RunBadge run={c.row.original} /> }),
    helper.accessor('target_count', { id: 'target_count', header: 'Targets' }),
    helper.accessor('succeeded_count', { id: 'succeeded_count', header: 'Succeeded' }),
    helper.accessor('failed_count', { id: 'failed_count', header: 'Failed' }),
    helper.accessor('pending_count', { id: 'pending_count', header: 'Pending' }),
    helper.accessor('requested_by', { id: 'requested_by', header: 'Requested by' }),
    helper.accessor('started_at', { id: 'started_at', header: 'Started', cell: (c) => formatTime(c.getValue()) }),
    helper.accessor('finished_at', { id: 'finished_at', header: 'Finished', cell: (c) => formatTime(c.getValue()) }),
  ]), []);
  return (
    <Stack>
      <Title order={2}>Scan runs</Title>
      <QueryView query={runs}>
        {(page) => (page.count ?? 0) === 0
          ? <Empty>No scan has run yet. Launch one from the scan targets.</Empty>
          : <ListTable label="Scan runs" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list} sortable={SORTABLE} noun="runs" minWidth={900} />}
      </QueryView>
    </Stack>
  );
}
