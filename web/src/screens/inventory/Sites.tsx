import { useMemo, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { inventoryApi, SITE_STATUSES, type Site, type SiteInput, type SiteStatus } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ChoiceFilter, ListTable, SearchFilter, listFeatures, useListParams } from '../../components/List';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert, fieldError } from '../../components/States';

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
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const body: SiteInput = {
        name: input.name.trim(),
        slug: input.slug?.trim() || undefined,
        status: input.status,
        address: input.address?.trim() || undefined,
        time_zone: input.time_zone?.trim() || undefined,
        description: input.description?.trim() || undefined,
      };
      return site ? inventoryApi.replaceSite(site.id ?? 0, site.version ?? 0, body) : inventoryApi.createSite(body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['inventory', 'sites'] });
      onDone();
    },
  });
  const text = (name: 'name' | 'slug' | 'time_zone', label: string, required = false, description?: string) => (
    <TextInput label={label} required={required} description={description} value={input[name] ?? ''}
      onChange={(e) => setInput({ ...input, [name]: e.currentTarget.value })} error={fieldError(save.error, name)} />
  );
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        {text('name', 'Name', true)}
        {text('slug', 'Slug', false, 'Lower-case letters, digits, - and _; made from the name when empty')}
        <Select label="Status" data={SITE_STATUSES} value={input.status} allowDeselect={false}
          onChange={(v) => setInput({ ...input, status: (v ?? 'active') as SiteStatus })} error={fieldError(save.error, 'status')} />
        <Textarea label="Address" value={input.address ?? ''}
          onChange={(e) => setInput({ ...input, address: e.currentTarget.value })} error={fieldError(save.error, 'address')} />
        {text('time_zone', 'Time zone', false, 'IANA name, e.g. Europe/Berlin')}
        <Textarea label="Description" value={input.description ?? ''}
          onChange={(e) => setInput({ ...input, description: e.currentTarget.value })} />
        {save.isError && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={!input.name.trim()}>{site ? 'Save' : 'Create site'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; site: Site } | { kind: 'delete'; site: Site } | null;

const helper = createColumnHelper<typeof listFeatures, Site>();

/** inventory-service's sites: search for everyone; create and edit for editors, delete for admins. */
export default function Sites() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const admin = hasRole(session.roles, 'admin');
  const list = useListParams('name');
  const query = list.query(FILTERS);
  const sites = useQuery({ queryKey: ['inventory', 'sites', query], queryFn: () => inventoryApi.sites(query), placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const columns = useMemo(() => helper.columns([
    helper.accessor('name', { id: 'name', header: 'Name' }),
    helper.accessor('slug', { id: 'slug', header: 'Slug' }),
    helper.accessor('status', { id: 'status', header: 'Status' }),
    helper.accessor('address', { id: 'address', header: 'Address', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('time_zone', { id: 'time_zone', header: 'Time zone', cell: (c) => c.getValue() ?? '—' }),
    ...(editor
      ? [helper.display({
          id: 'actions',
          header: () => <Text span size="sm" fw={700}>Actions</Text>,
          cell: (c) => (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="light" aria-label={`Edit ${c.row.original.name}`}
                onClick={() => setDialog({ kind: 'edit', site: c.row.original })}>Edit</Button>
              {admin && (
                <Button size="xs" variant="light" color="red" aria-label={`Delete ${c.row.original.name}`}
                  onClick={() => setDialog({ kind: 'delete', site: c.row.original })}>Delete</Button>
              )}
            </Group>
          ),
        })]
      : []),
  ]), [editor, admin]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Sites</Title>
        {editor && <Button onClick={() => setDialog({ kind: 'create' })}>New site</Button>}
      </Group>
      <Group align="end">
        <SearchFilter list={list} placeholder="Name, slug, address…" />
        <ChoiceFilter list={list} name="status" label="Status" data={SITE_STATUSES} />
      </Group>
      <QueryView query={sites}>
        {(page) => (page.count ?? 0) === 0
          ? <Empty>No site matches these filters.</Empty>
          : <ListTable label="Sites" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list} sortable={SORTABLE} noun="sites" />}
      </QueryView>
      <Modal opened={dialog !== null} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }}
        title={dialog?.kind === 'create' ? 'New site' : dialog?.kind === 'edit' ? 'Edit site' : 'Delete site'}>
        {dialog?.kind === 'create' && <SiteForm onDone={close} />}
        {dialog?.kind === 'edit' && <SiteForm site={dialog.site} onDone={close} />}
        {dialog?.kind === 'delete' && (
          <ConfirmDelete message={`Delete site ${dialog.site.name}? A site that still has racks, assets or storage is refused.`}
            confirm="Delete site" remove={() => inventoryApi.removeSite(dialog.site.id ?? 0, dialog.site.version ?? 0)}
            invalidates={['inventory', 'sites']} onDone={close} />
        )}
      </Modal>
    </Stack>
  );
}
