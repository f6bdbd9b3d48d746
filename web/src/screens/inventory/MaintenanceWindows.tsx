import { useMemo, type CSSProperties } from 'react';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { facilityApi, type MaintenanceWindow, type WindowState } from '../../api/inventory';
import { ListTable, listFeatures, useListParams } from '../../components/List';
import { QueryView } from '../../components/Query';
import { Empty } from '../../components/States';
import { formatTime } from '../../components/time';
import { SiteSelect } from './SiteSelect';
import { gridRange, monthGrid, monthKey, parseMonth, startsOn, touches } from './calendar';

const STATE_LABEL: Record<WindowState, string> = { scheduled: 'Scheduled', in_progress: 'In progress', ended: 'Ended' };
const STATE_COLOUR: Record<WindowState, string> = { scheduled: 'blue', in_progress: 'orange', ended: 'gray' };

const helper = createColumnHelper<typeof listFeatures, MaintenanceWindow>();

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function scopeOf(w: MaintenanceWindow): string {
  return w.asset_id ? `asset #${w.asset_id}` : w.rack_id ? `rack #${w.rack_id}` : 'whole site';
}

const HIDDEN: CSSProperties = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0, 0, 0, 0)', whiteSpace: 'nowrap', border: 0,
};

/** One window in a day of the calendar: its state as colour and (for screen readers) text, its start and what it is. */
function WindowChip({ window: w, day }: { window: MaintenanceWindow; day: Date }) {
  const state = w.state ?? 'scheduled';
  const first = startsOn(day, w.starts_at ?? '');
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(w.starts_at ?? ''));
  return (
    <li data-state={state} title={`${STATE_LABEL[state]}: ${formatTime(w.starts_at, w.time_zone)} – ${formatTime(w.ends_at, w.time_zone)} (${w.time_zone}), ${w.site_name ?? ''}, ${scopeOf(w)}`}
      style={{
        listStyle: 'none', fontSize: 12, lineHeight: 1.3, padding: '1px 4px', marginBottom: 2, borderRadius: 3,
        borderLeft: `4px solid var(--mantine-color-${STATE_COLOUR[state]}-7)`,
        background: `var(--mantine-color-${STATE_COLOUR[state]}-0)`, color: 'var(--mantine-color-black)',
        overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap',
      }}>
      <span style={HIDDEN}>{STATE_LABEL[state]}: </span>
      {first ? time : '→'} {w.description || scopeOf(w)}
      <span style={HIDDEN}>{`, ${w.site_name ?? ''}, ${scopeOf(w)}`}</span>
    </li>
  );
}

/**
 * A month of maintenance windows, Monday first, in the user's time zone: each window on every day it
 * touches, coloured by its state (scheduled, in progress, ended).
 */
function Calendar({ month, siteId, onMonth }: { month: string | undefined; siteId: string | undefined; onMonth: (month: string) => void }) {
  const { year, month: m } = parseMonth(month);
  const weeks = useMemo(() => monthGrid(year, m), [year, m]);
  const range = gridRange(weeks);
  const query = { site_id: siteId, ends_at__gte: range.from, starts_at__lt: range.to, ordering: 'starts_at', limit: 1000 };
  const windows = useQuery({ queryKey: ['inventory', 'maintenance-windows', query], queryFn: () => facilityApi.windows(query), placeholderData: keepPreviousData });
  const title = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(new Date(year, m, 1));
  const today = new Date();
  const isToday = (d: Date) => d.toDateString() === today.toDateString();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => onMonth(monthKey(year, m - 1))} aria-label="Previous month">‹</Button>
          <Button variant="default" size="xs" onClick={() => onMonth(monthKey(today.getFullYear(), today.getMonth()))}>Today</Button>
          <Button variant="default" size="xs" onClick={() => onMonth(monthKey(year, m + 1))} aria-label="Next month">›</Button>
          <Title order={3} size="h4">{title}</Title>
        </Group>
        <Group gap="xs" aria-label="Legend">
          {(Object.keys(STATE_LABEL) as WindowState[]).map((st) => (
            <Badge key={st} color={STATE_COLOUR[st]} variant="light" c="dark.9">{STATE_LABEL[st]}</Badge>
          ))}
        </Group>
      </Group>
      <QueryView query={windows}>
        {(page) => (
          <>
            {(page.count ?? 0) > (page.results?.length ?? 0) && (
              <Text size="sm">Showing the first {page.results?.length} of {page.count} windows of this month; choose a site to see fewer.</Text>
            )}
            <Table withColumnBorders layout="fixed" aria-label={`Maintenance windows, ${title}`}>
              <Table.Thead>
                <Table.Tr>{WEEKDAYS.map((d) => <Table.Th key={d} scope="col">{d}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {weeks.map((week) => (
                  <Table.Tr key={week[0].toISOString()}>
                    {week.map((day) => {
                      const inMonth = day.getMonth() === m;
                      const here = (page.results ?? []).filter((w) => w.starts_at && w.ends_at && touches(day, w.starts_at, w.ends_at));
                      return (
                        <Table.Td key={day.toISOString()} valign="top" h={96} p={4}
                          style={{ background: inMonth ? undefined : 'var(--mantine-color-gray-0)', outline: isToday(day) ? '2px solid var(--mantine-color-blue-7)' : undefined }}>
                          <Text size="xs" fw={isToday(day) ? 700 : 400} c={inMonth ? 'dark' : 'gray.7'}>
                            {day.getDate()}
                            <span style={HIDDEN}>{` ${new Intl.DateTimeFormat(undefined, { month: 'long' }).format(day)}${here.length ? `, ${here.length} window${here.length === 1 ? '' : 's'}` : ''}`}</span>
                          </Text>
                          {here.length > 0 && (
                            <ul style={{ margin: 0, padding: 0 }}>
                              {here.map((w) => <WindowChip key={w.id} window={w} day={day} />)}
                            </ul>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryView>
    </Stack>
  );
}

/** The windows as a sortable list, filtered by state (scheduled, in progress, ended: derived by the API from its clock). */
function WindowList() {
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
    helper.display({ id: 'scope', header: 'Scope', cell: (c) => scopeOf(c.row.original) }),
    helper.accessor('description', { id: 'description', header: 'Description', cell: (c) => c.getValue() ?? '—' }),
  ]), []);
  return (
    <Stack>
      <SegmentedControl aria-label="Which windows" value={state} onChange={(v) => list.update({ state: v === 'open' ? undefined : v })}
        data={[
          { value: 'open', label: 'Scheduled or in progress' },
          { value: 'in_progress', label: 'In progress' },
          { value: 'scheduled', label: 'Scheduled' },
          { value: 'ended', label: 'Ended' },
          { value: 'all', label: 'All' },
        ]} />
      <QueryView query={windows}>
        {(page) => (page.count ?? 0) === 0 ? <Empty>No maintenance window matches.</Empty>
          : <ListTable label="Maintenance windows" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list}
              sortable={['starts_at', 'ends_at']} noun="maintenance windows" minWidth={900} />}
      </QueryView>
    </Stack>
  );
}

/**
 * Maintenance windows as a month calendar (the default) or a list; times of the list in the
 * window's own time zone, as planned, those of the calendar in the user's.
 */
export default function MaintenanceWindows() {
  const list = useListParams('starts_at');
  const view = list.get('view') === 'list' ? 'list' : 'calendar';
  return (
    <Stack>
      <Title order={2}>Maintenance windows</Title>
      <Group align="end">
        <SegmentedControl aria-label="View" value={view} onChange={(v) => list.update({ view: v === 'list' ? 'list' : undefined, state: undefined })}
          data={[{ value: 'calendar', label: 'Calendar' }, { value: 'list', label: 'List' }]} />
        <SiteSelect label="Site" clearable w={200} value={list.get('site_id')} onChange={(id) => list.update({ site_id: id })} />
      </Group>
      {view === 'list'
        ? <WindowList />
        : <Calendar month={list.get('month')} siteId={list.get('site_id')} onMonth={(month) => list.update({ month })} />}
    </Stack>
  );
}
