import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, Table, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { mailAdminApi, type Channel, type ChannelInput } from '../../api/mailAdmin';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert, fieldError } from '../../components/States';
import { DialogForm, useSave } from '../../components/Form';

const KINDS = [{ value: 'email', label: 'E-mail' }, { value: 'slack', label: 'Slack' }, { value: 'webhook', label: 'Webhook' }];

/** Create (no channel given) or replace a channel; the secret is write-only: empty keeps the stored one. */
export function ChannelForm({ channel, onDone }: { channel?: Channel; onDone: () => void }) {
  const [input, setInput] = useState<ChannelInput>({
    name: channel?.name ?? '', kind: channel?.kind ?? 'webhook', url: channel?.url ?? '',
    recipients: channel?.recipients ?? [], enabled: channel?.enabled ?? true,
  });
  const [secret, setSecret] = useState('');
  const save = useSave(() => {
    const body: ChannelInput = {
      ...input,
      name: input.name?.trim(),
      url: input.kind === 'email' ? undefined : input.url?.trim() || undefined,
      recipients: input.kind === 'email' ? input.recipients : undefined,
      ...(secret ? { secret } : {}),
    };
    return channel ? mailAdminApi.replaceChannel(channel.id ?? 0, channel.version ?? 0, body) : mailAdminApi.createChannel(body);
  }, ['mail', 'channels'], onDone);
  const err = (f: string) => fieldError(save.error, f);
  return (
    <DialogForm save={save} onCancel={onDone} submit={channel ? 'Save' : 'Create channel'} disabled={!input.name?.trim()}>
      <TextInput label="Name" required value={input.name ?? ''} error={err('name')} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
      <Select label="Kind" data={KINDS} value={input.kind ?? 'webhook'} allowDeselect={false} error={err('kind')}
        onChange={(v) => setInput({ ...input, kind: v ?? 'webhook' })} />
      {input.kind === 'email' ? (
        <TagsInput label="Recipients" value={input.recipients ?? []} error={err('recipients')} onChange={(recipients) => setInput({ ...input, recipients })} />
      ) : (
        <TextInput label="URL" required value={input.url ?? ''} error={err('url')} onChange={(e) => setInput({ ...input, url: e.currentTarget.value })} />
      )}
      {input.kind === 'webhook' && (
        <PasswordInput label="Signing secret" autoComplete="new-password" value={secret} error={err('secret')} onChange={(e) => setSecret(e.currentTarget.value)}
          description={channel?.secret_set ? 'A secret is stored; leave empty to keep it.' : 'HMAC-SHA256 key that signs each webhook request.'} />
      )}
      <Checkbox label="Enabled" checked={input.enabled ?? true} onChange={(e) => setInput({ ...input, enabled: e.currentTarget.checked })} />
    </DialogForm>
  );
}

/** Notification channels: list (the secret only as "set"), create, edit and test. */
export function Channels() {
  const channels = useQuery({ queryKey: ['mail', 'channels'], queryFn: mailAdminApi.channels });
  const [dialog, setDialog] = useState<{ channel?: Channel } | null>(null);
  const test = useMutation({ mutationFn: (c: Channel) => mailAdminApi.testChannel(c.id ?? 0) });
  return (
    <Stack maw={1000}>
      <Group justify="flex-end"><Button onClick={() => setDialog({})}>New channel</Button></Group>
      {test.isError && <ProblemAlert error={test.error} />}
      {test.isSuccess && (
        <Alert color={test.data.ok ? 'green' : 'red'} variant="light" role="status" title={`Test of ${test.variables?.name}: ${test.data.ok ? 'delivered' : 'failed'}`}>
          {test.data.status_code ? `HTTP ${test.data.status_code} · ` : ''}{test.data.detail ? `${test.data.detail} · ` : ''}{test.data.duration_ms} ms
        </Alert>
      )}
      <QueryView query={channels}>
        {(page) => (page.results ?? []).length === 0 ? <Empty>No channel yet.</Empty> : (
          <Table striped aria-label="Channels">
            <Table.Thead>
              <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Kind</Table.Th><Table.Th>Target</Table.Th><Table.Th>Secret</Table.Th><Table.Th>Enabled</Table.Th><Table.Th>Actions</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(page.results ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.kind}</Table.Td>
                  <Table.Td>{c.kind === 'email' ? c.recipients?.join(', ') : c.url}</Table.Td>
                  <Table.Td>{c.secret_set ? 'set' : '—'}</Table.Td>
                  <Table.Td>{c.enabled ? 'yes' : 'no'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" aria-label={`Edit ${c.name}`} onClick={() => setDialog({ channel: c })}>Edit</Button>
                      <Button size="xs" variant="light" aria-label={`Test ${c.name}`} loading={test.isPending && test.variables?.id === c.id}
                        onClick={() => test.mutate(c)}>Test</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} closeButtonProps={{ 'aria-label': 'Close' }}
        title={dialog?.channel ? `Edit ${dialog.channel.name}` : 'New channel'}>
        {dialog && <ChannelForm channel={dialog.channel} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}
