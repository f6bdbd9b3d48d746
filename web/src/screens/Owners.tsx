import { useMemo, useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { ownerApi, type Owner, type OwnerInput } from '../api/owners';
import { useAuth } from '../auth/AuthContext';
import { hasRole } from '../auth/roles';
import { ListTable, SearchFilter, listFeatures, useListParams } from '../components/List';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { QueryView } from '../components/Query';
import { Empty, ProblemAlert, fieldError } from '../components/States';

const FILTERS = ['q', 'department__ic'];
const SORTABLE = ['full_name', 'email', 'designation', 'department'];

/** Create (no owner given) or replace an owner; the API's refusal (409 e-mail taken, 400, 412) stays in the dialog. */
function OwnerForm({ owner, onDone }: { owner?: Owner; onDone: () => void }) {
  const [input, setInput] = useState<OwnerInput>({
    full_name: owner?.full_name ?? '',
    email: owner?.email ?? '',
    designation: owner?.designation ?? '',
    department: owner?.department ?? '',
  });
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const body: OwnerInput = {
        full_name: input.full_name.trim(),
        email: input.email.trim(),
        designation: input.designation?.trim() || undefined,
        department: input.department?.trim() || undefined,
      };
      return owner ? ownerApi.replace(owner.id ?? 0, owner.version ?? 0, body) : ownerApi.create(body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['vm', 'owners'] });
      onDone();
    },
  });
  const field = (name: keyof OwnerInput, label: string, required = false) => (
    <TextInput
      label={label}
      required={required}
      type={name === 'email' ? 'email' : 'text'}
      value={input[name] ?? ''}
      onChange={(e) => setInput({ ...input, [name]: e.currentTarget.value })}
      error={fieldError(save.error, name)}
      maxLength={name === 'full_name' || name === 'email' ? 255 : 100}
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
        {field('full_name', 'Full name', true)}
        {field('email', 'E-mail', true)}
        {field('designation', 'Designation')}
        {field('department', 'Department')}
        {save.isError && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={!input.full_name.trim() || !input.email.trim()}>
            {owner ? 'Save' : 'Create owner'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteOwner({ owner, onDone }: { owner: Owner; onDone: () => void }) {
  return (
    <ConfirmDelete
      message={`Delete ${owner.full_name} (${owner.email})? Virtual machines that name this owner as business or technical owner lose the reference.`}
      confirm="Delete owner"
      remove={() => ownerApi.remove(owner.id ?? 0, owner.version ?? 0)}
      invalidates={['vm', 'owners']}
      onDone={onDone}
    />
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; owner: Owner } | { kind: 'delete'; owner: Owner } | null;

const helper = createColumnHelper<typeof listFeatures, Owner>();

/** vm-service's owners: search for everyone; create, edit and delete for editors. */
export default function Owners() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const list = useListParams('full_name');
  const query = list.query(FILTERS);
  const owners = useQuery({
    queryKey: ['vm', 'owners', query],
    queryFn: () => ownerApi.list(query),
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const columns = useMemo(() => helper.columns([
    helper.accessor('full_name', { id: 'full_name', header: 'Name' }),
    helper.accessor('email', { id: 'email', header: 'E-mail' }),
    helper.accessor('designation', { id: 'designation', header: 'Designation', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('department', { id: 'department', header: 'Department', cell: (c) => c.getValue() ?? '—' }),
    ...(editor
      ? [
          helper.display({
            id: 'actions',
            header: () => <Text span size="sm" fw={700}>Actions</Text>,
            cell: (c) => (
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="light" aria-label={`Edit ${c.row.original.full_name}`}
                  onClick={() => setDialog({ kind: 'edit', owner: c.row.original })}>Edit</Button>
                <Button size="xs" variant="light" color="red" aria-label={`Delete ${c.row.original.full_name}`}
                  onClick={() => setDialog({ kind: 'delete', owner: c.row.original })}>Delete</Button>
              </Group>
            ),
          }),
        ]
      : []),
  ]), [editor]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Owners</Title>
        {editor && <Button onClick={() => setDialog({ kind: 'create' })}>New owner</Button>}
      </Group>
      <Group align="end">
        <SearchFilter list={list} placeholder="Name, e-mail, department…" />
        <SearchFilter list={list} name="department__ic" label="Department contains" />
      </Group>
      <QueryView query={owners}>
        {(page) =>
          (page.count ?? 0) === 0 ? (
            <Empty>No owner matches these filters.</Empty>
          ) : (
            <ListTable label="Owners" columns={columns} rows={page.results ?? []} count={page.count ?? 0}
              list={list} sortable={SORTABLE} noun="owners" />
          )
        }
      </QueryView>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'create' ? 'New owner' : dialog?.kind === 'edit' ? 'Edit owner' : 'Delete owner'}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {dialog?.kind === 'create' && <OwnerForm onDone={close} />}
        {dialog?.kind === 'edit' && <OwnerForm owner={dialog.owner} onDone={close} />}
        {dialog?.kind === 'delete' && <DeleteOwner owner={dialog.owner} onDone={close} />}
      </Modal>
    </Stack>
  );
}
