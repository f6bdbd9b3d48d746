import { useMemo, useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { projectApi, type Client, type ClientInput } from '../../api/projects';
import { ListTable, SearchFilter, listFeatures, useListParams } from '../../components/List';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert, fieldError } from '../../components/States';

const FILTERS = ['q', 'contact_name__ic'];
const SORTABLE = ['name', 'contact_name', 'contact_email', 'updated_at'];

/** Create (no client given) or replace a client; the API's refusal (409 name taken, 400 per field, 412) stays in the dialog. */
export function ClientForm({ client, onDone }: { client?: Client; onDone: (saved?: Client) => void }) {
  const [input, setInput] = useState<ClientInput>({
    name: client?.name ?? '',
    contact_name: client?.contact_name ?? '',
    contact_email: client?.contact_email ?? '',
    contact_phone: client?.contact_phone ?? '',
    notes: client?.notes ?? '',
  });
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const body: ClientInput = {
        name: input.name.trim(),
        contact_name: input.contact_name?.trim() || undefined,
        contact_email: input.contact_email?.trim() || undefined,
        contact_phone: input.contact_phone?.trim() || undefined,
        notes: input.notes?.trim() || undefined,
      };
      return client ? projectApi.replaceClient(client.id ?? 0, client.version ?? 0, body) : projectApi.createClient(body);
    },
    onSuccess: (saved) => {
      void queries.invalidateQueries({ queryKey: ['project'] });
      onDone(saved);
    },
  });
  const text = (name: Exclude<keyof ClientInput, 'notes'>, label: string, maxLength: number, required = false) => (
    <TextInput
      label={label}
      required={required}
      type={name === 'contact_email' ? 'email' : 'text'}
      value={input[name] ?? ''}
      onChange={(e) => setInput({ ...input, [name]: e.currentTarget.value })}
      error={fieldError(save.error, name)}
      maxLength={maxLength}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {text('name', 'Name', 200, true)}
        {text('contact_name', 'Contact name', 200)}
        {text('contact_email', 'Contact e-mail', 255)}
        {text('contact_phone', 'Contact phone', 50)}
        <Textarea label="Notes" value={input.notes ?? ''} maxLength={4000} rows={3}
          onChange={(e) => setInput({ ...input, notes: e.currentTarget.value })} error={fieldError(save.error, 'notes')} />
        {save.isError && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={!input.name.trim()}>
            {client ? 'Save' : 'Create client'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; client: Client } | { kind: 'delete'; client: Client } | null;

const helper = createColumnHelper<typeof listFeatures, Client>();

/** project-service's clients, for administrators: search, create, edit and delete (a client with projects is a 409). */
export default function Clients() {
  const list = useListParams('name');
  const query = list.query(FILTERS);
  const clients = useQuery({
    queryKey: ['project', 'clients', query],
    queryFn: () => projectApi.clients(query),
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const columns = useMemo(() => helper.columns([
    helper.accessor('name', { id: 'name', header: 'Name' }),
    helper.accessor('contact_name', { id: 'contact_name', header: 'Contact', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('contact_email', { id: 'contact_email', header: 'E-mail', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('contact_phone', { id: 'contact_phone', header: 'Phone', cell: (c) => c.getValue() ?? '—' }),
    helper.display({
      id: 'actions',
      header: () => <Text span size="sm" fw={700}>Actions</Text>,
      cell: (c) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" aria-label={`Edit ${c.row.original.name}`}
            onClick={() => setDialog({ kind: 'edit', client: c.row.original })}>Edit</Button>
          <Button size="xs" variant="light" color="red" aria-label={`Delete ${c.row.original.name}`}
            onClick={() => setDialog({ kind: 'delete', client: c.row.original })}>Delete</Button>
        </Group>
      ),
    }),
  ]), []);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Clients</Title>
        <Button onClick={() => setDialog({ kind: 'create' })}>New client</Button>
      </Group>
      <Group align="end">
        <SearchFilter list={list} placeholder="Name, contact, e-mail…" />
        <SearchFilter list={list} name="contact_name__ic" label="Contact contains" />
      </Group>
      <QueryView query={clients}>
        {(page) =>
          (page.count ?? 0) === 0 ? (
            <Empty>No client matches these filters.</Empty>
          ) : (
            <ListTable label="Clients" columns={columns} rows={page.results ?? []} count={page.count ?? 0}
              list={list} sortable={SORTABLE} noun="clients" />
          )
        }
      </QueryView>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'create' ? 'New client' : dialog?.kind === 'edit' ? 'Edit client' : 'Delete client'}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {dialog?.kind === 'create' && <ClientForm onDone={close} />}
        {dialog?.kind === 'edit' && <ClientForm client={dialog.client} onDone={close} />}
        {dialog?.kind === 'delete' && (
          <ConfirmDelete
            message={`Delete client ${dialog.client.name}? A client that still has projects cannot be deleted.`}
            confirm="Delete client"
            remove={() => projectApi.removeClient(dialog.client.id ?? 0, dialog.client.version ?? 0)}
            invalidates={['project']}
            onDone={close}
          />
        )}
      </Modal>
    </Stack>
  );
}
