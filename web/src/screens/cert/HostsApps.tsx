import { useMemo, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useSearchParams } from 'react-router';
import {
  APP_TYPES, ENVIRONMENTS, HOST_TYPES, certApi,
  type Application, type ApplicationInput, type ApplicationType, type Host, type HostEnvironment, type HostInput, type HostType,
} from '../../api/cert';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ChoiceFilter, ListTable, SearchFilter, listFeatures, useListParams } from '../../components/List';
import { QueryView } from '../../components/Query';
import { Empty, fieldError } from '../../components/States';
import { DialogForm, useSave } from '../../components/Form';

/** Addresses typed one per line or separated by commas or spaces. */
export function parseAddresses(text: string): string[] {
  return text.split(/[\s,]+/).map((a) => a.trim()).filter(Boolean);
}

/** Create (no host given) or replace a host with its addresses; the API's refusal stays in the dialog. */
function HostForm({ host, onDone }: { host?: Host; onDone: () => void }) {
  const [name, setName] = useState(host?.name ?? '');
  const [type, setType] = useState<HostType>(host?.host_type ?? 'server');
  const [environment, setEnvironment] = useState<HostEnvironment>(host?.environment ?? 'production');
  const [addresses, setAddresses] = useState((host?.ip_addresses ?? []).map((i) => i.ip_address).join('\n'));
  const [notes, setNotes] = useState(host?.notes ?? '');
  const save = useSave(() => {
    const body: HostInput = { name: name.trim(), host_type: type, environment, ip_addresses: parseAddresses(addresses), notes: notes.trim() || undefined };
    return host ? certApi.hosts.replace(host.id ?? 0, host.version ?? 0, body) : certApi.hosts.create(body);
  }, ['cert', 'hosts'], onDone);
  const addressError = save.error ? fieldError(save.error, 'ip_addresses') ?? parseAddresses(addresses).map((_, i) => fieldError(save.error, `ip_addresses[${i}]`)).find(Boolean) : undefined;
  return (
    <DialogForm save={save} onCancel={onDone} submit={host ? 'Save' : 'Create host'} disabled={!name.trim()}>
      <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(save.error, 'name')} />
      <Select label="Type" data={HOST_TYPES} value={type} allowDeselect={false} onChange={(v) => setType((v ?? 'server') as HostType)} />
      <Select label="Environment" data={ENVIRONMENTS} value={environment} allowDeselect={false} onChange={(v) => setEnvironment((v ?? 'production') as HostEnvironment)} />
      <Textarea label="IP addresses" description="One per line" value={addresses} onChange={(e) => setAddresses(e.currentTarget.value)} error={addressError} />
      <Textarea label="Notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
    </DialogForm>
  );
}

/** Create (no application given) or replace an application. */
function AppForm({ app, onDone }: { app?: Application; onDone: () => void }) {
  const [input, setInput] = useState<ApplicationInput>({ name: app?.name ?? '', app_type: app?.app_type ?? 'web', owner: app?.owner ?? '', notes: app?.notes ?? '' });
  const save = useSave(() => {
    const body: ApplicationInput = { name: input.name.trim(), app_type: input.app_type, owner: input.owner?.trim() || undefined, notes: input.notes?.trim() || undefined };
    return app ? certApi.applications.replace(app.id ?? 0, app.version ?? 0, body) : certApi.applications.create(body);
  }, ['cert', 'applications'], onDone);
  return (
    <DialogForm save={save} onCancel={onDone} submit={app ? 'Save' : 'Create application'} disabled={!input.name.trim()}>
      <TextInput label="Name" required value={input.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} error={fieldError(save.error, 'name')} />
      <Select label="Type" data={APP_TYPES} value={input.app_type} allowDeselect={false} onChange={(v) => setInput({ ...input, app_type: (v ?? 'web') as ApplicationType })} />
      <TextInput label="Owner" value={input.owner ?? ''} onChange={(e) => setInput({ ...input, owner: e.currentTarget.value })} error={fieldError(save.error, 'owner')} />
      <Textarea label="Notes" value={input.notes ?? ''} onChange={(e) => setInput({ ...input, notes: e.currentTarget.value })} />
    </DialogForm>
  );
}

const hostHelper = createColumnHelper<typeof listFeatures, Host>();
const appHelper = createColumnHelper<typeof listFeatures, Application>();

function editColumn<T extends { name?: string }>(helper: ReturnType<typeof createColumnHelper<typeof listFeatures, T>>, onEdit: (row: T) => void) {
  return helper.display({
    id: 'actions',
    header: () => <Text span size="sm" fw={700}>Actions</Text>,
    cell: (c) => <Button size="xs" variant="light" aria-label={`Edit ${c.row.original.name}`} onClick={() => onEdit(c.row.original)}>Edit</Button>,
  });
}

function HostList({ editor }: { editor: boolean }) {
  const list = useListParams('name');
  const query = list.query(['q', 'host_type', 'environment']);
  const hosts = useQuery({ queryKey: ['cert', 'hosts', query], queryFn: () => certApi.hosts.list(query), placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<{ host?: Host } | null>(null);
  const columns = useMemo(() => hostHelper.columns([
    hostHelper.accessor('name', { id: 'name', header: 'Name' }),
    hostHelper.accessor('host_type', { id: 'host_type', header: 'Type' }),
    hostHelper.accessor('environment', { id: 'environment', header: 'Environment' }),
    hostHelper.display({ id: 'ips', header: 'Addresses', cell: (c) => (c.row.original.ip_addresses ?? []).map((i) => i.ip_address).join(', ') || '—' }),
    ...(editor ? [editColumn(hostHelper, (host) => setDialog({ host }))] : []),
  ]), [editor]);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Group align="end">
          <SearchFilter list={list} placeholder="Name, notes…" />
          <ChoiceFilter list={list} name="host_type" label="Type" data={HOST_TYPES} />
          <ChoiceFilter list={list} name="environment" label="Environment" data={ENVIRONMENTS} />
        </Group>
        {editor && <Button onClick={() => setDialog({})}>New host</Button>}
      </Group>
      <QueryView query={hosts}>
        {(page) => (page.count ?? 0) === 0 ? <Empty>No host matches these filters.</Empty>
          : <ListTable label="Hosts" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list} sortable={['name']} noun="hosts" />}
      </QueryView>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog?.host ? 'Edit host' : 'New host'} closeButtonProps={{ 'aria-label': 'Close' }}>
        {dialog && <HostForm host={dialog.host} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

function AppList({ editor }: { editor: boolean }) {
  const list = useListParams('name');
  const query = list.query(['q', 'app_type']);
  const apps = useQuery({ queryKey: ['cert', 'applications', query], queryFn: () => certApi.applications.list(query), placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<{ app?: Application } | null>(null);
  const columns = useMemo(() => appHelper.columns([
    appHelper.accessor('name', { id: 'name', header: 'Name' }),
    appHelper.accessor('app_type', { id: 'app_type', header: 'Type' }),
    appHelper.accessor('owner', { id: 'owner', header: 'Owner', cell: (c) => c.getValue() || '—' }),
    ...(editor ? [editColumn(appHelper, (app) => setDialog({ app }))] : []),
  ]), [editor]);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Group align="end">
          <SearchFilter list={list} placeholder="Name, owner, notes…" />
          <ChoiceFilter list={list} name="app_type" label="Type" data={APP_TYPES} />
        </Group>
        {editor && <Button onClick={() => setDialog({})}>New application</Button>}
      </Group>
      <QueryView query={apps}>
        {(page) => (page.count ?? 0) === 0 ? <Empty>No application matches these filters.</Empty>
          : <ListTable label="Applications" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list} sortable={['name', 'owner']} noun="applications" />}
      </QueryView>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog?.app ? 'Edit application' : 'New application'} closeButtonProps={{ 'aria-label': 'Close' }}>
        {dialog && <AppForm app={dialog.app} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

/** Hosts (with their addresses) and applications where certificates are bound; create and edit for editors. */
export default function HostsApps() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'applications' ? 'applications' : 'hosts';
  return (
    <Stack>
      <Title order={2}>Hosts and applications</Title>
      <Tabs value={tab} onChange={(v) => setParams(v === 'applications' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="hosts">Hosts</Tabs.Tab>
          <Tabs.Tab value="applications">Applications</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="hosts" pt="md"><HostList editor={editor} /></Tabs.Panel>
        <Tabs.Panel value="applications" pt="md"><AppList editor={editor} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
