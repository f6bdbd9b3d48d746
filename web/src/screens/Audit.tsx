import { useMemo, useState } from 'react';
import { Button, Code, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { AUDITED_SERVICES, auditApi, type AuditEntry, type AuditedService } from '../api/audit';
import {
  ChoiceFilter, DayFilter, ListTable, SearchFilter, dayRange, listFeatures, useListParams,
} from '../components/List';
import { QueryView } from '../components/Query';
import { Empty } from '../components/States';
import { formatTime } from '../components/time';

const SERVICE_LABELS: Record<AuditedService, string> = {
  vm: 'VM service', inventory: 'Inventory', mail: 'Mail gateway', gateway: 'API gateway', cert: 'Certificates', project: 'Projects',
};
/** The filters every audit endpoint accepts (commons' AuditLogQuery), under their API names. */
const FILTERS = ['q', 'actor', 'actor_type', 'action', 'resource_type', 'resource_id', 'request_id'];
const SORTABLE = ['occurred_at', 'actor', 'action', 'resource_type', 'resource_id'];

/** JSON of an entry's before, after or changes, pretty-printed; the API's JsonNode is any JSON value. */
function json(value: unknown): string {
  return value === undefined || value === null ? '—' : JSON.stringify(value, null, 2);
}

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const part = (label: string, value: unknown) => (
    <Stack gap={4}>
      <Title order={3} size="h6">{label}</Title>
      <Code block>{json(value)}</Code>
    </Stack>
  );
  return (
    <Stack>
      <Text size="sm">
        {formatTime(entry.occurred_at)} · {entry.actor} ({entry.actor_type}) · request {entry.request_id ?? '—'} · {entry.client_ip ?? '—'}
      </Text>
      {part('Changes', entry.changes)}
      {part('Before', entry.before)}
      {part('After', entry.after)}
    </Stack>
  );
}

const helper = createColumnHelper<typeof listFeatures, AuditEntry>();

/** Admin: one service's audit log (chosen in the URL as `service`), with every filter it accepts. */
export default function Audit() {
  const list = useListParams('-occurred_at');
  const service = (AUDITED_SERVICES as readonly string[]).includes(list.get('service') ?? '')
    ? (list.get('service') as AuditedService)
    : 'vm';
  const query = { ...list.query(FILTERS), ...dayRange(list, 'occurred_at') };
  const entries = useQuery({
    queryKey: ['audit', service, query],
    queryFn: () => auditApi.list(service, query),
    placeholderData: keepPreviousData,
  });
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const columns = useMemo(() => helper.columns([
    helper.accessor('occurred_at', { id: 'occurred_at', header: 'When', cell: (c) => formatTime(c.getValue()) }),
    helper.accessor('actor', { id: 'actor', header: 'Actor', cell: (c) => `${c.getValue() ?? '—'} (${c.row.original.actor_type ?? '?'})` }),
    helper.accessor('action', { id: 'action', header: 'Action' }),
    helper.accessor('resource_type', { id: 'resource_type', header: 'Resource' }),
    helper.accessor('resource_id', { id: 'resource_id', header: 'Resource ID' }),
    helper.accessor('client_ip', { id: 'client_ip', header: 'Client', cell: (c) => c.getValue() ?? '—' }),
    helper.display({
      id: 'details',
      header: () => <Text span size="sm" fw={700}>Details</Text>,
      cell: (c) => (
        <Button size="xs" variant="light" onClick={() => setShown(c.row.original)}
          aria-label={`Details of entry ${c.row.original.id}`}>Show</Button>
      ),
    }),
  ]), []);
  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <Group align="end">
        <Select
          label="Service"
          data={AUDITED_SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
          value={service}
          allowDeselect={false}
          onChange={(v) => list.update({ service: v ?? undefined })}
          w={180}
        />
        <SearchFilter list={list} placeholder="Actor, action, resource ID…" />
        <SearchFilter list={list} name="actor" label="Actor" />
        <ChoiceFilter list={list} name="actor_type" label="Actor type" data={['user', 'api_key', 'system']} />
        <SearchFilter list={list} name="action" label="Action" />
        <SearchFilter list={list} name="resource_type" label="Resource type" />
        <SearchFilter list={list} name="resource_id" label="Resource ID" />
        <SearchFilter list={list} name="request_id" label="Request ID" />
        <DayFilter list={list} name="occurred_at_from" label="From" />
        <DayFilter list={list} name="occurred_at_to" label="Until" />
      </Group>
      <QueryView query={entries}>
        {(page) =>
          (page.count ?? 0) === 0 ? (
            <Empty>No audit entry matches these filters.</Empty>
          ) : (
            <ListTable label="Audit entries" columns={columns} rows={page.results ?? []} count={page.count ?? 0}
              list={list} sortable={SORTABLE} noun="entries" minWidth={900} />
          )
        }
      </QueryView>
      <Modal opened={shown !== null} onClose={() => setShown(null)} size="xl" closeButtonProps={{ 'aria-label': 'Close' }}
        title={shown ? `${shown.action} ${shown.resource_type} ${shown.resource_id}` : ''}>
        {shown && <EntryDetail entry={shown} />}
      </Modal>
    </Stack>
  );
}
