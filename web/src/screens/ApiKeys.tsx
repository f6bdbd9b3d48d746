import { useState } from 'react';
import {
  Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { gatewayApi, type ApiKey, type CreatedApiKey } from '../api/gateway';
import { useAuth } from '../auth/AuthContext';
import { grantableScopes } from '../auth/roles';
import { QueryView } from '../components/Query';
import { Empty, ErrorState } from '../components/States';
import { formatTime } from '../components/time';

const STATUS_COLOR: Record<string, string> = { active: 'green', revoked: 'red', expired: 'gray' };

/** The form of a new key: name, description and scopes within the user's own. */
function CreateKey({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const { session } = useAuth();
  const scopes = grantableScopes(session.roles);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => gatewayApi.createKey({ name, description: description || undefined, scopes: chosen }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ['gateway', 'api-keys'] });
      setName('');
      setDescription('');
      setChosen([]);
      onCreated(created);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack maw={560}>
        <Title order={3} size="h4">New key</Title>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Checkbox.Group label="Scopes" value={chosen} onChange={setChosen} required>
          <Group mt="xs">
            {scopes.map((s) => <Checkbox key={s} value={s} label={s} />)}
          </Group>
        </Checkbox.Group>
        {create.isError && <ErrorState error={create.error} />}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!name || chosen.length === 0}>Create key</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Shows a new key's secret, this once, with a copy button. */
function SecretOnce({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <Modal opened={created !== null} onClose={onClose} title="Key created" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {created && (
        <Stack>
          <Alert variant="default" title="Copy the secret now">
            It is shown only this once; the gateway stores only its hash.
          </Alert>
          <Code block data-testid="api-key-secret">{created.secret}</Code>
          <Group>
            <CopyButton value={created.secret ?? ''}>
              {({ copied, copy }) => <Button onClick={copy} color={copied ? 'teal' : undefined}>{copied ? 'Copied' : 'Copy secret'}</Button>}
            </CopyButton>
            <Button variant="default" onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function KeyRows({ keys }: { keys: ApiKey[] }) {
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => gatewayApi.revokeKey(key.id ?? 0, key.version ?? 0),
    onSettled: () => client.invalidateQueries({ queryKey: ['gateway', 'api-keys'] }),
  });
  return (
    <>
      {revoke.isError && <ErrorState error={revoke.error} />}
      <Table aria-label="API keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Td>{key.name}</Table.Td>
              <Table.Td><Code>{key.display}</Code></Table.Td>
              <Table.Td>{key.owner}</Table.Td>
              <Table.Td>{(key.scopes ?? []).join(', ')}</Table.Td>
              <Table.Td><Badge variant="dot" color={STATUS_COLOR[key.status ?? ''] ?? 'gray'}>{key.status}</Badge></Table.Td>
              <Table.Td>{formatTime(key.expires_at)}</Table.Td>
              <Table.Td>{formatTime(key.last_used_at)}</Table.Td>
              <Table.Td>
                {key.status === 'active' && (
                  <Button size="xs" color="red" variant="light" aria-label={`Revoke ${key.name}`}
                    loading={revoke.isPending && revoke.variables?.id === key.id} onClick={() => revoke.mutate(key)}>
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** The user's API keys (every key for an admin): list, create, revoke. */
export default function ApiKeys() {
  const keys = useQuery({ queryKey: ['gateway', 'api-keys'], queryFn: () => gatewayApi.keys({ limit: 200 }) });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <Stack>
      <Title order={2}>API keys</Title>
      <Text size="sm">Keys let scripts and other systems call the API with the header <Code>X-API-Key</Code>.</Text>
      <QueryView query={keys}>
        {(page) => (page.results?.length ?? 0) === 0 ? <Empty>No API key yet.</Empty> : <KeyRows keys={page.results ?? []} />}
      </QueryView>
      <CreateKey onCreated={setCreated} />
      <SecretOnce created={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
