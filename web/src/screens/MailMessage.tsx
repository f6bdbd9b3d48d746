import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { mailApi, type MailDetail } from '../api/mail';
import { useAuth } from '../auth/AuthContext';
import { hasRole } from '../auth/roles';
import { QueryView } from '../components/Query';
import { Empty, ProblemAlert } from '../components/States';
import { formatTime } from '../components/time';
import { MAIL_STATUS_COLOR } from './mailStatus';
import { RowsTable } from '../components/ResultTable';

function Facts({ m }: { m: MailDetail }) {
  const facts: [string, ReactNode][] = [
    ['From', m.from],
    ['To', (m.to ?? []).join(', ') || '—'],
    ['Cc', (m.cc ?? []).join(', ') || '—'],
    ['Bcc', (m.bcc ?? []).join(', ') || (m.bcc_count ? `${m.bcc_count} hidden` : '—')],
    ['Reply-To', m.reply_to ?? '—'],
    ['Sender', `${m.sender ?? '—'} (${m.sender_type ?? '?'}, ${m.origin ?? '?'})`],
    ['Template', m.template ? `${m.template} v${m.template_version ?? '?'}` : '—'],
    ['Channel', m.channel ?? '—'],
    ['Message-ID', m.message_id ?? '—'],
    ['Attempts', m.attempts ?? 0],
    ['Next attempt', formatTime(m.next_attempt_at)],
    ['Last reply', m.last_reply_code ? `${m.last_reply_code}` : '—'],
    ['Queued', formatTime(m.created_at)],
    ['Sent', formatTime(m.sent_at)],
  ];
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl">
        {facts.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap">
            <Text component="dt" fw={600} size="sm" w={110}>{label}</Text>
            <Text component="dd" size="sm" m={0}>{value}</Text>
          </Group>
        ))}
      </SimpleGrid>
      {m.last_error && <Text size="sm" mt="xs" c="red.9">Last error: {m.last_error}</Text>}
    </Card>
  );
}

function Attempts({ m }: { m: MailDetail }) {
  const attempts = m.delivery_attempts ?? [];
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Delivery attempts</Title>
      <RowsTable rows={attempts} label="Delivery attempts" empty="No attempt yet."
        headers={['#', 'Started', 'Duration', 'Outcome', 'Reply', 'SMTP host']}
        rowKey={(a) => a.attempt_no}
        row={(a) => (
          <>
            <Table.Td>{a.attempt_no}</Table.Td>
            <Table.Td>{formatTime(a.started_at)}</Table.Td>
            <Table.Td>{a.duration_ms} ms</Table.Td>
            <Table.Td>{a.outcome}</Table.Td>
            <Table.Td>{[a.reply_code, a.reply_text].filter((x) => x !== null && x !== undefined).join(' ') || '—'}</Table.Td>
            <Table.Td>{a.smtp_host ?? '—'}</Table.Td>
          </>
        )} />
    </Card>
  );
}

function ChannelDeliveries({ m }: { m: MailDetail }) {
  const deliveries = m.channel_deliveries ?? [];
  if (deliveries.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Channel deliveries</Title>
      <Table aria-label="Channel deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Last status</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th>Sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => (
            <Table.Tr key={d.channel}>
              <Table.Td>{d.channel}</Table.Td>
              <Table.Td>{d.status}</Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>{d.last_status_code ?? '—'}</Table.Td>
              <Table.Td>{d.last_error ?? '—'}</Table.Td>
              <Table.Td>{formatTime(d.sent_at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Content as text: the plain part, and the HTML part as source (never rendered: it is untrusted). */
function Content({ m }: { m: MailDetail }) {
  const attachments = m.attachments ?? [];
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Content</Title>
      <Stack>
        {m.text && <Code block>{m.text}</Code>}
        {m.html && (
          <>
            <Text size="sm" fw={600}>HTML part (source)</Text>
            <Code block>{m.html}</Code>
          </>
        )}
        {!m.text && !m.html && <Empty>No content kept.</Empty>}
        {attachments.length > 0 && (
          <Text size="sm">
            Attachments: {attachments.map((a) => `${a.file_name} (${a.content_type}, ${a.size_bytes} bytes)`).join('; ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Admin: puts a failed message back in the queue; the API's refusal (409 when not failed) is shown. */
function Retry({ m }: { m: MailDetail }) {
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => mailApi.retry(m.id ?? 0),
    onSettled: () => client.invalidateQueries({ queryKey: ['mail'] }),
  });
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={() => retry.mutate()} loading={retry.isPending} disabled={m.status !== 'failed'}>
          Retry delivery
        </Button>
        {retry.isSuccess && <Text size="sm" role="status">Queued again.</Text>}
      </Group>
      {retry.isError && <ProblemAlert error={retry.error} />}
    </Stack>
  );
}

/** One message of the mail log: addresses, status, content, delivery attempts; retry for admins. */
export default function MailMessage() {
  const id = Number(useParams().id);
  const { session } = useAuth();
  const message = useQuery({ queryKey: ['mail', 'message', id], queryFn: () => mailApi.message(id) });
  return (
    <Stack>
      <Anchor component={Link} to="/mail">← Mail log</Anchor>
      <QueryView query={message}>
        {(m) => (
          <>
            <Group>
              <Title order={2}>{m.subject || '(no subject)'}</Title>
              <Badge variant="dot" color={MAIL_STATUS_COLOR[m.status ?? ''] ?? 'gray'}>{m.status}</Badge>
            </Group>
            {hasRole(session.roles, 'admin') && <Retry m={m} />}
            <Facts m={m} />
            <Attempts m={m} />
            <ChannelDeliveries m={m} />
            <Content m={m} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}
