import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { ownerApi, type Owner, type OwnerInput } from '../api/owners';
import { useAuth } from '../auth/AuthContext';
import { hasRole } from '../auth/roles';
import { SearchFilter, listFeatures } from '../components/List';
import { CrudList } from '../components/Crud';
import { DialogForm, useSave } from '../components/Form';
import { fieldError } from '../components/States';

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
  const save = useSave(() => {
    const body: OwnerInput = {
      full_name: input.full_name.trim(),
      email: input.email.trim(),
      designation: input.designation?.trim() || undefined,
      department: input.department?.trim() || undefined,
    };
    return owner ? ownerApi.replace(owner.id ?? 0, owner.version ?? 0, body) : ownerApi.create(body);
  }, ['vm', 'owners'], onDone);
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
    <DialogForm save={save} onCancel={onDone} submit={owner ? 'Save' : 'Create owner'}
      disabled={!input.full_name.trim() || !input.email.trim()}>
      {field('full_name', 'Full name', true)}
      {field('email', 'E-mail', true)}
      {field('designation', 'Designation')}
      {field('department', 'Department')}
    </DialogForm>
  );
}

const helper = createColumnHelper<typeof listFeatures, Owner>();
const COLUMNS = helper.columns([
  helper.accessor('full_name', { id: 'full_name', header: 'Name' }),
  helper.accessor('email', { id: 'email', header: 'E-mail' }),
  helper.accessor('designation', { id: 'designation', header: 'Designation', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('department', { id: 'department', header: 'Department', cell: (c) => c.getValue() ?? '—' }),
]);
const ownerName = (owner: Owner) => owner.full_name;

/** vm-service's owners: search for everyone; create, edit and delete for editors. */
export default function Owners() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  return (
    <CrudList
      title="Owners" noun="owner" plural="owners"
      queryKey={['vm', 'owners']} fetch={ownerApi.list} defaultOrdering="full_name" filters={FILTERS}
      filterControls={(list) => (
        <>
          <SearchFilter list={list} placeholder="Name, e-mail, department…" />
          <SearchFilter list={list} name="department__ic" label="Department contains" />
        </>
      )}
      sortable={SORTABLE} columns={COLUMNS} empty="No owner matches these filters."
      canEdit={editor} canDelete={editor} rowName={ownerName}
      form={(owner, onDone) => <OwnerForm owner={owner} onDone={onDone} />}
      deleteMessage={(owner) =>
        `Delete ${owner.full_name} (${owner.email})? Virtual machines that name this owner as business or technical owner lose the reference.`}
      remove={(owner) => ownerApi.remove(owner.id ?? 0, owner.version ?? 0)}
      invalidates={['vm', 'owners']}
    />
  );
}
