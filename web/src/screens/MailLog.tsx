import { Anchor, Badge, Group, Stack, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { mailApi, type MailSummary } from '../api/mail';
import {
  ChoiceFilter, DayFilter, SearchFilter, dayRange, listFeatures, useListParams,
} from '../components/List';
import { formatTime } from '../components/time';
import { MAIL_STATUS_COLOR } from './mailStatus';
import { PagedTable, usePagedQuery } from '../components/PagedList';

const FILTERS = ['q', 'status', 'recipient', 'sender', 'origin', 'template'];
const SORTABLE = ['created_at', 'status', 'subject', 'attempts', 'sent_at'];

const helper = createColumnHelper<typeof listFeatures, MailSummary>();
const columns = helper.columns([
  helper.accessor('created_at', { id: 'created_at', header: 'Queued', cell: (c) => formatTime(c.getValue()) }),
  helper.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: (c) => <Badge variant="dot" color={MAIL_STATUS_COLOR[c.getValue() ?? ''] ?? 'gray'}>{c.getValue()}</Badge>,
  }),
  helper.accessor('subject', {
    id: 'subject',
    header: 'Subject',
    cell: (c) => <Anchor component={Link} to={`/mail/${c.row.original.id}`}>{c.getValue() || '(no subject)'}</Anchor>,
  }),
  helper.accessor((m) => (m.to ?? []).join(', '), { id: 'to', header: 'To' }),
  helper.accessor('sender', { id: 'sender', header: 'Sender' }),
  helper.accessor('template', { id: 'template', header: 'Template', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('attempts', { id: 'attempts', header: 'Attempts' }),
  helper.accessor('sent_at', { id: 'sent_at', header: 'Sent', cell: (c) => formatTime(c.getValue()) }),
]);

/** mail-gateway's transaction log, newest first, with its filters and paging in the URL. */
export default function MailLog() {
  const list = useListParams('-created_at');
  const messages = usePagedQuery(['mail', 'messages'], mailApi.messages, list, FILTERS, dayRange(list, 'created_at'));
  return (
    <Stack>
      <Title order={2}>Mail log</Title>
      <Group align="end">
        <SearchFilter list={list} placeholder="Subject or sender…" />
        <ChoiceFilter list={list} name="status" label="Status" data={Object.keys(MAIL_STATUS_COLOR)} />
        <SearchFilter list={list} name="recipient" label="Recipient" />
        <SearchFilter list={list} name="sender" label="Sender" />
        <ChoiceFilter list={list} name="origin" label="Origin" data={['api', 'event']} />
        <SearchFilter list={list} name="template" label="Template" />
        <DayFilter list={list} name="created_at_from" label="Queued from" />
        <DayFilter list={list} name="created_at_to" label="Queued until" />
      </Group>
      <PagedTable page={messages} empty="No message matches these filters." label="Messages" columns={columns} list={list} sortable={SORTABLE} noun="messages" minWidth={1000} />
    </Stack>
  );
}
