import { useState } from 'react';
import { Anchor, Checkbox, Group, NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { inventoryApi, RACK_STATUSES, type Rack, type RackInput, type RackStatus } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ChoiceFilter, SearchFilter, listFeatures } from '../../components/List';
import { CrudList } from '../../components/Crud';
import { DialogForm, useSave } from '../../components/Form';
import { fieldError } from '../../components/States';
import { SiteSelect } from './SiteSelect';

const FILTERS = ['q', 'site_id', 'status'];
const SORTABLE = ['name', 'facility_id', 'status', 'u_height'];
const WIDTHS = ['10', '19', '21', '23'];

/** Create (no rack given) or replace a rack: site, name, status, height (default 42U), numbering, width. */
export function RackForm({ rack, onDone }: { rack?: Rack; onDone: (saved?: Rack) => void }) {
  const [input, setInput] = useState<RackInput>({
    site_id: rack?.site_id ?? 0,
    name: rack?.name ?? '',
    facility_id: rack?.facility_id ?? '',
    status: rack?.status ?? 'active',
    u_height: rack?.u_height ?? 42,
    starting_unit: rack?.starting_unit ?? 1,
    desc_units: rack?.desc_units ?? false,
    width_in: rack?.width_in ?? 19,
    outer_depth_mm: rack?.outer_depth_mm,
    description: rack?.description ?? '',
  });
  const save = useSave(() => {
    const body: RackInput = {
      ...input,
      name: input.name.trim(),
      facility_id: input.facility_id?.trim() || undefined,
      description: input.description?.trim() || undefined,
    };
    return rack ? inventoryApi.replaceRack(rack.id ?? 0, rack.version ?? 0, body) : inventoryApi.createRack(body);
  }, ['inventory', 'racks'], onDone);
  const err = (field: string) => fieldError(save.error, field);
  const number = (name: 'u_height' | 'starting_unit' | 'outer_depth_mm', label: string, min: number, max?: number) => (
    <NumberInput label={label} min={min} max={max} allowDecimal={false} value={input[name] ?? ''} error={err(name)}
      onChange={(v) => setInput({ ...input, [name]: typeof v === 'number' ? v : undefined })} />
  );
  return (
    <DialogForm save={save} onCancel={() => onDone()} submit={rack ? 'Save' : 'Create rack'} disabled={!input.name.trim() || !input.site_id}>
      <SiteSelect required value={input.site_id ? String(input.site_id) : undefined} error={err('site_id')}
        onChange={(id) => setInput({ ...input, site_id: Number(id ?? 0) })} />
      <TextInput label="Name" required value={input.name} error={err('name')}
        onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
      <TextInput label="Facility id" value={input.facility_id ?? ''} error={err('facility_id')}
        onChange={(e) => setInput({ ...input, facility_id: e.currentTarget.value })} />
      <Select label="Status" data={RACK_STATUSES} value={input.status} allowDeselect={false} error={err('status')}
        onChange={(v) => setInput({ ...input, status: (v ?? 'active') as RackStatus })} />
      <Group grow>
        {number('u_height', 'Height (U)', 1, 100)}
        {number('starting_unit', 'Starting unit', 0)}
      </Group>
      <Group grow>
        <Select label="Width (inches)" data={WIDTHS} value={input.width_in ? String(input.width_in) : null} error={err('width_in')}
          onChange={(v) => setInput({ ...input, width_in: v ? Number(v) : undefined })} />
        {number('outer_depth_mm', 'Outer depth (mm)', 1)}
      </Group>
      <Checkbox label="Units numbered from the top" checked={input.desc_units ?? false}
        onChange={(e) => setInput({ ...input, desc_units: e.currentTarget.checked })} />
      <Textarea label="Description" value={input.description ?? ''}
        onChange={(e) => setInput({ ...input, description: e.currentTarget.value })} />
    </DialogForm>
  );
}

const helper = createColumnHelper<typeof listFeatures, Rack>();
const COLUMNS = helper.columns([
  helper.accessor('name', {
    id: 'name', header: 'Name',
    cell: (c) => <Anchor component={Link} to={`/racks/${c.row.original.id}`}>{c.getValue()}</Anchor>,
  }),
  helper.accessor('site_name', { id: 'site', header: 'Site' }),
  helper.accessor('facility_id', { id: 'facility_id', header: 'Facility id', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('status', { id: 'status', header: 'Status' }),
  helper.accessor('u_height', { id: 'u_height', header: 'Height', cell: (c) => `${c.getValue()}U` }),
]);
const rackName = (rack: Rack) => rack.name;

/** inventory-service's racks: filters by site and status; create and edit for editors, delete for admins. */
export default function Racks() {
  const { session } = useAuth();
  return (
    <CrudList
      title="Racks" noun="rack" plural="racks"
      queryKey={['inventory', 'racks']} fetch={inventoryApi.racks} defaultOrdering="name" filters={FILTERS}
      filterControls={(list) => (
        <>
          <SearchFilter list={list} placeholder="Name, facility id…" />
          <SiteSelect label="Site" clearable w={200} value={list.get('site_id')} onChange={(id) => list.update({ site_id: id })} />
          <ChoiceFilter list={list} name="status" label="Status" data={RACK_STATUSES} />
        </>
      )}
      sortable={SORTABLE} columns={COLUMNS} empty="No rack matches these filters."
      canEdit={hasRole(session.roles, 'editor')} canDelete={hasRole(session.roles, 'admin')} rowName={rackName}
      form={(rack, onDone) => <RackForm rack={rack} onDone={onDone} />}
      deleteMessage={(rack) => `Delete rack ${rack.name}? A rack that still holds assets is refused.`}
      remove={(rack) => inventoryApi.removeRack(rack.id ?? 0, rack.version ?? 0)}
      invalidates={['inventory', 'racks']}
    />
  );
}
