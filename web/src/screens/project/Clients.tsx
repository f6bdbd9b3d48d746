import { useState } from 'react';
import { TextInput, Textarea } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { projectApi, type Client, type ClientInput } from '../../api/projects';
import { SearchFilter, listFeatures } from '../../components/List';
import { CrudList } from '../../components/Crud';
import { DialogForm, useSave } from '../../components/Form';
import { fieldError } from '../../components/States';

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
  const save = useSave(() => {
    const body: ClientInput = {
      name: input.name.trim(),
      contact_name: input.contact_name?.trim() || undefined,
      contact_email: input.contact_email?.trim() || undefined,
      contact_phone: input.contact_phone?.trim() || undefined,
      notes: input.notes?.trim() || undefined,
    };
    return client ? projectApi.replaceClient(client.id ?? 0, client.version ?? 0, body) : projectApi.createClient(body);
  }, ['project'], onDone);
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
    <DialogForm save={save} onCancel={() => onDone()} submit={client ? 'Save' : 'Create client'} disabled={!input.name.trim()}>
      {text('name', 'Name', 200, true)}
      {text('contact_name', 'Contact name', 200)}
      {text('contact_email', 'Contact e-mail', 255)}
      {text('contact_phone', 'Contact phone', 50)}
      <Textarea label="Notes" value={input.notes ?? ''} maxLength={4000} rows={3}
        onChange={(e) => setInput({ ...input, notes: e.currentTarget.value })} error={fieldError(save.error, 'notes')} />
    </DialogForm>
  );
}

const helper = createColumnHelper<typeof listFeatures, Client>();
const COLUMNS = helper.columns([
  helper.accessor('name', { id: 'name', header: 'Name' }),
  helper.accessor('contact_name', { id: 'contact_name', header: 'Contact', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('contact_email', { id: 'contact_email', header: 'E-mail', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('contact_phone', { id: 'contact_phone', header: 'Phone', cell: (c) => c.getValue() ?? '—' }),
]);
const clientName = (client: Client) => client.name;

/** project-service's clients, for administrators: search, create, edit and delete (a client with projects is a 409). */
export default function Clients() {
  return (
    <CrudList
      title="Clients" noun="client" plural="clients"
      queryKey={['project', 'clients']} fetch={projectApi.clients} defaultOrdering="name" filters={FILTERS}
      filterControls={(list) => (
        <>
          <SearchFilter list={list} placeholder="Name, contact, e-mail…" />
          <SearchFilter list={list} name="contact_name__ic" label="Contact contains" />
        </>
      )}
      sortable={SORTABLE} columns={COLUMNS} empty="No client matches these filters."
      canEdit canDelete rowName={clientName}
      form={(client, onDone) => <ClientForm client={client} onDone={onDone} />}
      deleteMessage={(client) => `Delete client ${client.name}? A client that still has projects cannot be deleted.`}
      remove={(client) => projectApi.removeClient(client.id ?? 0, client.version ?? 0)}
      invalidates={['project']}
    />
  );
}
