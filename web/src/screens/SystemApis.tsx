import { useState } from 'react';
import { Badge, Code, Fieldset, Group, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { syncApi, type SystemApi, type SystemApiInput, type SystemApiPatch } from '../api/sync';
import { SearchFilter, listFeatures } from '../components/List';
import { CrudList } from '../components/Crud';
import { DialogForm, useSave } from '../components/Form';
import { fieldError } from '../components/States';
import { formatTime } from '../components/time';

const FILTERS = ['name__ic'];
const SORTABLE = ['name'];

interface Form {
  name: string;
  url: string;
  method: string;
  resource_type: string;
  source: string;
  is_active: boolean;
  auth_header_name: string;
  /** Typed by the admin, sent once, never shown again (the API never answers it). */
  secret: string;
}

/** A new entry's body: the optional fields only when filled in. */
function createBody(form: Form): SystemApiInput {
  return {
    name: form.name.trim(),
    url: form.url.trim(),
    method: form.method,
    resource_type: form.resource_type,
    source: form.source.trim() || undefined,
    is_active: form.is_active,
    auth_header_name: form.auth_header_name.trim() || undefined,
    auth_header_value: form.secret || undefined,
  };
}

/**
 * A change as a JSON Merge Patch: the secret only when a new one was typed (left out, the stored one
 * stays); an emptied header name clears the header auth (name and secret) with `null`.
 */
function patchBody(form: Form, api: SystemApi): SystemApiPatch {
  const headerName = form.auth_header_name.trim();
  const patch: SystemApiPatch = {
    name: form.name.trim(),
    url: form.url.trim(),
    method: form.method,
    resource_type: form.resource_type,
    source: form.source.trim() || null,
    is_active: form.is_active,
  };
  if (headerName) {
    if (headerName !== api.auth_header_name) patch.auth_header_name = headerName;
    if (form.secret) patch.auth_header_value = form.secret;
  } else if (api.auth_header_set || api.auth_header_name) {
    patch.auth_header_name = null;
  }
  return patch;
}

function SystemApiForm({ api, onDone }: { api?: SystemApi; onDone: () => void }) {
  const [form, setForm] = useState<Form>({
    name: api?.name ?? '',
    url: api?.url ?? '',
    method: api?.method ?? 'POST',
    resource_type: api?.resource_type ?? 'nutanix',
    source: api?.source ?? '',
    is_active: api?.is_active ?? true,
    auth_header_name: api?.auth_header_name ?? '',
    secret: '',
  });
  const save = useSave(
    () => (api ? syncApi.patchSystemApi(api.id ?? 0, api.version ?? 0, patchBody(form, api)) : syncApi.createSystemApi(createBody(form))),
    ['vm', 'system-apis'],
    () => {
      setForm((f) => ({ ...f, secret: '' }));
      onDone();
    },
  );
  const set = (changes: Partial<Form>) => setForm({ ...form, ...changes });
  const secretSet = api?.auth_header_set ?? false;
  return (
    <DialogForm save={save} onCancel={onDone} submit={api ? 'Save' : 'Create system API'} disabled={!form.name.trim() || !form.url.trim()}>
      <TextInput label="Name" required maxLength={100} value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value })} error={fieldError(save.error, 'name')} />
      <TextInput label="Webhook URL" required type="url" maxLength={500} placeholder="https://n8n.example/webhook/…"
        value={form.url} onChange={(e) => set({ url: e.currentTarget.value })} error={fieldError(save.error, 'url')} />
      <Group grow>
        <Select label="Method" required data={['POST', 'GET']} value={form.method} allowDeselect={false}
          onChange={(v) => set({ method: v ?? 'POST' })} />
        <Select label="Platform" required data={['nutanix', 'vmware']} value={form.resource_type} allowDeselect={false}
          onChange={(v) => set({ resource_type: v ?? 'nutanix' })} error={fieldError(save.error, 'resource_type')} />
      </Group>
      <TextInput label="Source" description="The vCenter or Prism Central its runs are for; empty: the name"
        maxLength={255} value={form.source} onChange={(e) => set({ source: e.currentTarget.value })} />
      <Switch label="Active (triggers call it)" checked={form.is_active}
        onChange={(e) => set({ is_active: e.currentTarget.checked })} />
      <Fieldset legend="Header auth (n8n)">
        <Stack>
          <TextInput label="Header name" placeholder="X-Infra-Webhook-Token" maxLength={100}
            description={api ? 'Empty: no header auth (clears a stored secret)' : 'Optional; needs a secret'}
            value={form.auth_header_name} onChange={(e) => set({ auth_header_name: e.currentTarget.value })}
            error={fieldError(save.error, 'auth_header_name')} />
          <PasswordInput
            label="Secret"
            maxLength={500}
            autoComplete="new-password"
            description={secretSet ? 'A secret is set; type a new one to replace it, or leave empty to keep it' : 'Write-only: never shown again'}
            value={form.secret}
            onChange={(e) => set({ secret: e.currentTarget.value })}
            error={fieldError(save.error, 'auth_header_value')}
          />
        </Stack>
      </Fieldset>
    </DialogForm>
  );
}

const helper = createColumnHelper<typeof listFeatures, SystemApi>();
const COLUMNS = helper.columns([
  helper.accessor('name', { id: 'name', header: 'Name' }),
  helper.accessor('resource_type', { id: 'resource_type', header: 'Platform' }),
  helper.accessor('source', { id: 'source', header: 'Source', cell: (c) => c.getValue() ?? c.row.original.name }),
  helper.accessor((a) => `${a.method} ${a.url}`, { id: 'url', header: 'Webhook', cell: (c) => <Code>{c.getValue()}</Code> }),
  helper.accessor('is_active', {
    id: 'is_active',
    header: 'Active',
    cell: (c) => <Badge variant="dot" color={c.getValue() ? 'green' : 'gray'}>{c.getValue() ? 'active' : 'inactive'}</Badge>,
  }),
  helper.accessor('auth_header_name', {
    id: 'auth',
    header: 'Header auth',
    cell: (c) =>
      c.row.original.auth_header_set ? (
        <Stack gap={2}>
          <Group gap="xs"><Code>{c.getValue()}</Code><Badge color="teal" variant="light">secret set</Badge></Group>
          <Text size="xs">changed {formatTime(c.row.original.auth_header_changed_at)}</Text>
        </Stack>
      ) : (
        <Text size="sm">none</Text>
      ),
  }),
]);
const apiName = (api: SystemApi) => api.name;

/** Admin: the n8n webhooks the sync triggers call, with header auth whose secret is write-only. */
export default function SystemApis() {
  return (
    <CrudList
      title="System APIs" noun="system API" plural="system APIs"
      queryKey={['vm', 'system-apis']} fetch={syncApi.systemApis} defaultOrdering="name" filters={FILTERS}
      intro={<Text size="sm">The n8n webhooks that “Sync” triggers call, one per vCenter or Prism Central.</Text>}
      filterControls={(list) => <SearchFilter list={list} name="name__ic" label="Name contains" />}
      sortable={SORTABLE} columns={COLUMNS} empty="No system API yet." minWidth={1000} modalSize="lg"
      canEdit canDelete rowName={apiName}
      form={(api, onDone) => <SystemApiForm api={api} onDone={onDone} />}
      deleteMessage={(api) => `Delete ${api.name}? Triggers stop calling its webhook.`}
      remove={(api) => syncApi.removeSystemApi(api.id ?? 0, api.version ?? 0)}
      invalidates={['vm', 'system-apis']}
    />
  );
}
