import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, PasswordInput, Select, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mailAdminApi, type SmtpSettingsInput, type SmtpSettingsView } from '../../api/mailAdmin';
import { QueryView } from '../../components/Query';
import { Empty, ErrorState, ProblemAlert, fieldError } from '../../components/States';
import { Channels } from './Channels';

/** The SMTP settings form; the password is write-only: empty keeps the stored one. */
function SmtpForm({ settings }: { settings: SmtpSettingsView }) {
  const [input, setInput] = useState<SmtpSettingsInput>({
    host: settings.host, port: settings.port, tls_mode: settings.tls_mode, username: settings.username ?? '',
    from_address: settings.from_address, rate_per_minute: settings.rate_per_minute,
  });
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => mailAdminApi.saveSettings(settings.version, {
      ...input,
      username: input.username?.trim() || undefined,
      ...(removePassword ? { password: '' } : password ? { password } : {}),
    }),
    onSuccess: () => {
      setPassword('');
      setRemovePassword(false);
      void client.invalidateQueries({ queryKey: ['mail', 'settings'] });
    },
  });
  const [to, setTo] = useState('');
  const test = useMutation({ mutationFn: () => mailAdminApi.testSettings(to.trim()) });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Stack maw={640}>
      {!settings.stored && <Text size="sm">Nothing stored yet: these are the configured defaults.</Text>}
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <Group grow>
            <TextInput label="Host" required value={input.host ?? ''} error={err('host')} onChange={(e) => setInput({ ...input, host: e.currentTarget.value })} />
            <NumberInput label="Port" required min={1} max={65535} allowDecimal={false} value={input.port ?? ''} error={err('port')}
              onChange={(v) => setInput({ ...input, port: typeof v === 'number' ? v : undefined })} />
          </Group>
          <Group grow>
            <Select label="TLS" data={[{ value: 'none', label: 'None' }, { value: 'starttls', label: 'STARTTLS' }, { value: 'tls', label: 'TLS (implicit)' }]}
              value={input.tls_mode ?? 'none'} allowDeselect={false} error={err('tls_mode')} onChange={(v) => setInput({ ...input, tls_mode: v ?? 'none' })} />
            <NumberInput label="Messages per minute" min={1} allowDecimal={false} value={input.rate_per_minute ?? ''} error={err('rate_per_minute')}
              onChange={(v) => setInput({ ...input, rate_per_minute: typeof v === 'number' ? v : undefined })} />
          </Group>
          <TextInput label="From address" required value={input.from_address ?? ''} error={err('from_address')}
            onChange={(e) => setInput({ ...input, from_address: e.currentTarget.value })} />
          <Group grow align="start">
            <TextInput label="Username" value={input.username ?? ''} error={err('username')} onChange={(e) => setInput({ ...input, username: e.currentTarget.value })} />
            <PasswordInput label="Password" description={settings.password_set ? 'A password is stored; leave empty to keep it.' : 'No password stored.'}
              value={password} error={err('password')} disabled={removePassword} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" />
          </Group>
          {settings.password_set && (
            <Checkbox label="Remove the stored password" checked={removePassword} onChange={(e) => setRemovePassword(e.currentTarget.checked)} />
          )}
          {save.isError && <ProblemAlert error={save.error} />}
          {save.isSuccess && <Alert color="green" variant="light" role="status">Settings saved.</Alert>}
          <Group><Button type="submit" loading={save.isPending}>Save settings</Button></Group>
        </Stack>
      </form>
      <Title order={3} size="h4">Test send</Title>
      <form onSubmit={(e) => { e.preventDefault(); test.mutate(); }}>
        <Group align="end">
          <TextInput label="Send a test message to" type="email" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={300} />
          <Button type="submit" variant="default" disabled={!to.trim()} loading={test.isPending}>Send test</Button>
        </Group>
      </form>
      {test.isError && <ProblemAlert error={test.error} />}
      {test.isSuccess && (
        <Alert color={test.data.outcome === 'sent' ? 'green' : 'red'} variant="light" role="status" title={`Test: ${test.data.outcome}`}>
          {test.data.reply_code ? `${test.data.reply_code} ${test.data.reply_text ?? ''} · ` : ''}{test.data.duration_ms} ms
        </Alert>
      )}
    </Stack>
  );
}

/** Parses the variables text as a JSON object; undefined when it is not one. */
export function parseVariables(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Templates and a live preview: the chosen template rendered by mail-gateway with the typed variables. */
function Templates() {
  const templates = useQuery({ queryKey: ['mail', 'templates'], queryFn: () => mailAdminApi.templates({ limit: 500 }) });
  const [id, setId] = useState<string | null>(null);
  const [text, setText] = useState('{}');
  const [variables, setVariables] = useState<Record<string, unknown>>({});
  const parsed = parseVariables(text);
  useEffect(() => {
    const next = parseVariables(text);
    if (!next) return undefined;
    const timer = setTimeout(() => setVariables(next), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const preview = useQuery({
    queryKey: ['mail', 'templates', id, 'preview', variables],
    queryFn: () => mailAdminApi.preview(Number(id), variables),
    enabled: id !== null,
    retry: false,
  });
  return (
    <QueryView query={templates}>
      {(page) => (page.results ?? []).length === 0 ? <Empty>No template yet.</Empty> : (
        <Stack maw={900}>
          <Table striped aria-label="Templates">
            <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Subject</Table.Th><Table.Th>Description</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(page.results ?? []).map((t) => (
                <Table.Tr key={t.id}><Table.Td>{t.name}</Table.Td><Table.Td>{t.subject}</Table.Td><Table.Td>{t.description ?? '—'}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h4">Preview</Title>
          <Group align="start" grow>
            <Select label="Template" data={(page.results ?? []).map((t) => ({ value: String(t.id), label: t.name ?? '' }))} value={id} onChange={setId} />
            <Textarea label="Variables (JSON object)" rows={4} value={text} onChange={(e) => setText(e.currentTarget.value)}
              error={parsed ? undefined : 'must be a JSON object'} styles={{ input: { fontFamily: 'monospace' } }} />
          </Group>
          {preview.isError && <ErrorState error={preview.error} />}
          {preview.data && (
            <Stack gap="xs">
              <Text><strong>Subject:</strong> {preview.data.subject}</Text>
              <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{preview.data.text}</Text>
              {preview.data.html && (
                <iframe title="HTML part" sandbox="" srcDoc={preview.data.html} style={{ width: '100%', height: 320, border: '1px solid var(--mantine-color-gray-4)' }} />
              )}
            </Stack>
          )}
        </Stack>
      )}
    </QueryView>
  );
}

/** mail-gateway administration for admins: SMTP settings with a test send, templates with a live preview, channels. */
export default function MailAdmin() {
  const settings = useQuery({ queryKey: ['mail', 'settings'], queryFn: mailAdminApi.settings });
  return (
    <Stack>
      <Title order={2}>Mail administration</Title>
      <Tabs defaultValue="smtp" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="smtp">SMTP settings</Tabs.Tab>
          <Tabs.Tab value="templates">Templates</Tabs.Tab>
          <Tabs.Tab value="channels">Channels</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="smtp" pt="md">
          <QueryView query={settings}>{(s) => <SmtpForm key={s.version} settings={s} />}</QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md"><Templates /></Tabs.Panel>
        <Tabs.Panel value="channels" pt="md"><Channels /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
