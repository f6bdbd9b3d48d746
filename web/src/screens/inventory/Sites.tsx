import { useState } from 'react';
import { Select, TextInput, Textarea } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { inventoryApi, SITE_STATUSES, type Site, type SiteInput, type SiteStatus } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ChoiceFilter, SearchFilter, listFeatures } from '../../components/List';
import { CrudList } from '../../components/Crud';
import { DialogForm, useSave } from '../../components/Form';
import { fieldError } from '../../components/States';

const FILTERS = ['q', 'status'];
const SORTABLE = ['name', 'slug', 'status', 'time_zone'];

/** Create (no site given) or replace a site; the API's refusal (400, 409 name taken, 412) stays in the dialog. */
function SiteForm({ site, onDone }: { site?: Site; onDone: () => void }) {
  const [input, setInput] = useState<SiteInput>({
    name: site?.name ?? '',
    slug: site?.slug ?? '',
    status: site?.status ?? 'active',
    address: site?.address ?? '',
    time_zone: site?.time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    description: site?.description ?? '',
  });
  const save = useSave(() => {
    const body: SiteInput = {
      name: input.name.trim(),
      slug: input.slug?.trim() || undefined,
      status: input.status,
      address: input.address?.trim() || undefined,
      time_zone: input.time_zone?.trim() || undefined,
      description: input.description?.trim() || undefined,
    };
    return site ? inventoryApi.replaceSite(site.id ?? 0, site.version ?? 0, body) : inventoryApi.createSite(body);
  }, ['inventory', 'sites'], onDone);
  const text = (name: 'name' | 'slug' | 'time_zone', label: string, required = false, description?: string) => (
    <TextInput label={label} required={required} description={description} value={input[name] ?? ''}
      onChange={(e) => setInput({ ...input, [name]: e.currentTarget.value })} error={fieldError(save.error, name)} />
  );
  return (
    <DialogForm save={save} onCancel={onDone} submit={site ? 'Save' : 'Create site'} disabled={!input.name.trim()}>
      {text('name', 'Name', true)}
      {text('slug', 'Slug', false, 'Lower-case letters, digits, - and _; made from the name when empty')}
      <Select label="Status" data={SITE_STATUSES} value={input.status} allowDeselect={false}
        onChange={(v) => setInput({ ...input, status: (v ?? 'active') as SiteStatus })} error={fieldError(save.error, 'status')} />
      <Textarea label="Address" value={input.address ?? ''}
        onChange={(e) => setInput({ ...input, address: e.currentTarget.value })} error={fieldError(save.error, 'address')} />
      {text('time_zone', 'Time zone', false, 'IANA name, e.g. Europe/Berlin')}
      <Textarea label="Description" value={input.description ?? ''}
        onChange={(e) => setInput({ ...input, description: e.currentTarget.value })} />
    </DialogForm>
  );
}

const helper = createColumnHelper<typeof listFeatures, Site>();
const COLUMNS = helper.columns([
  helper.accessor('name', { id: 'name', header: 'Name' }),
  helper.accessor('slug', { id: 'slug', header: 'Slug' }),
  helper.accessor('status', { id: 'status', header: 'Status' }),
  helper.accessor('address', { id: 'address', header: 'Address', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('time_zone', { id: 'time_zone', header: 'Time zone', cell: (c) => c.getValue() ?? '—' }),
]);
const siteName = (site: Site) => site.name;

/** inventory-service's sites: search for everyone; create and edit for editors, delete for admins. */
export default function Sites() {
  const { session } = useAuth();
  return (
    <CrudList
      title="Sites" noun="site" plural="sites"
      queryKey={['inventory', 'sites']} fetch={inventoryApi.sites} defaultOrdering="name" filters={FILTERS}
      filterControls={(list) => (
        <>
          <SearchFilter list={list} placeholder="Name, slug, address…" />
          <ChoiceFilter list={list} name="status" label="Status" data={SITE_STATUSES} />
        </>
      )}
      sortable={SORTABLE} columns={COLUMNS} empty="No site matches these filters."
      canEdit={hasRole(session.roles, 'editor')} canDelete={hasRole(session.roles, 'admin')} rowName={siteName}
      form={(site, onDone) => <SiteForm site={site} onDone={onDone} />}
      deleteMessage={(site) => `Delete site ${site.name}? A site that still has racks, assets or storage is refused.`}
      remove={(site) => inventoryApi.removeSite(site.id ?? 0, site.version ?? 0)}
      invalidates={['inventory', 'sites']}
    />
  );
}
