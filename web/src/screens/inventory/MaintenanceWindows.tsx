import { useMemo } from 'react';
import { Badge, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { facilityApi, type MaintenanceWindow, type WindowState } from '../../api/inventory';
import { ListTable, listFeatures, useListParams } from '../../components/List';
import { QueryView } from '../../components/Query';
import { Empty } from '../../components/States';
import { formatTime } from '../../components/time';
import { SiteSelect } from './SiteSelect';

const STATE_LABEL: Record<WindowState, string> = { scheduled: 'Scheduled', in_progress: 'In progress', ended: 'Ended' };
const STATE_COLOUR: Record<WindowState, string> = { scheduled: 'blue', in_progress: 'orange', ended: 'gray' };

const helper = createColumnHelper<typeof listFeatures, MaintenanceWindow>();

/**
 * Maintenance windows by state (scheduled, in progress, ended: derived by the API from its clock),
 * in time order; times in the window's own time zone, as planned.
 */
export default function MaintenanceWindows() {
  const list = useListParams('starts_at');
  const state = list.get('state') ?? 'open';
  const query = {
    ...list.query(['site_id']),
    ...(state === 'open' ? { state__n: 'ended' } : state === 'all' ? {} : { state }),
  };
  const windows = useQuery({ queryKey: ['inventory', 'maintenance-windows', query], queryFn: () => facilityApi.windows(query), placeholderData: keepPreviousData });
  const columns = useMemo(() => helper.columns([
    helper.accessor('state', {
      id: 'state', header: 'State',
      cell: (c) => {
        const s = c.getValue() ?? 'scheduled';
        return <Badge color={STATE_COLOUR[s]} variant="light" c="dark.9">{STATE_LABEL[s]}</Badge>;
      },
    }),
    helper.accessor('starts_at', { id: 'starts_at', header: 'Starts', cell: (c) => formatTime(c.getValue(), c.row.original.time_zone) }),
    helper.accessor('ends_at', { id: 'ends_at', header: 'Ends', cell: (c) => formatTime(c.getValue(), c.row.original.time_zone) }),
    helper.accessor('time_zone', { id: 'time_zone', header: 'Time zone' }),
    helper.accessor('site_name', { id: 'site', header: 'Site' }),
    helper.display({
      id: 'scope', header: 'Scope',
      cell: (c) => (c.row.original.asset_id ? `asset #${c.row.original.asset_id}` : c.row.original.rack_id ? `rack #${c.row.original.rack_id}` : 'whole site'),
    }),
    helper.accessor('description', { id: 'description', header: 'Description', cell: (c) => c.getValue() ?? '—' }),
  ]), []);
  return (
    <Stack>
      <Title order={2}>Maintenance windows</Title>
      <Group align="end">
        <SegmentedControl aria-label="Which windows" value={state} onChange={(v) => list.update({ state: v === 'open' ? undefined : v })}
          data={[
            { value: 'open', label: 'Scheduled or in progress' },
            { value: 'in_progress', label: 'In progress' },
            { value: 'scheduled', label: 'Scheduled' },
            { value: 'ended', label: 'Ended' },
            { value: 'all', label: 'All' },
          ]} />
        <SiteSelect label="Site" clearable w={200} value={list.get('site_id')} onChange={(id) => list.update({ site_id: id })} />
      </Group>
      <QueryView query={windows}>
        {(page) => (page.count ?? 0) === 0 ? <Empty>No maintenance window matches.</Empty>
          : <ListTable label="Maintenance windows" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list}
              sortable={['starts_at', 'ends_at']} noun="maintenance windows" minWidth={900} />}
      </QueryView>
    </Stack>
  );
}
