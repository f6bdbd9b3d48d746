import { useMemo, useState } from 'react';
import { Anchor, Button, Group, Modal, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router';
import { assetApi, ASSET_STATUSES, CATEGORIES, type Asset } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ChoiceFilter, DayFilter, SearchFilter, listFeatures, useListParams } from '../../components/List';
import { AssetForm } from './AssetForm';
import { EosBadge } from './EosBadge';
import { SiteSelect } from './SiteSelect';
import { unitRange } from './rackGeometry';
import { PagedTable, usePagedQuery } from '../../components/PagedList';

const FILTERS = ['q', 'site_id', 'status', 'category', 'manufacturer', 'tag', 'warranty_end__lt'];
const SORTABLE = ['hostname', 'asset_tag', 'serial', 'status', 'warranty_end'];

const helper = createColumnHelper<typeof listFeatures, Asset>();

/** Where an asset is: site, rack and units, or "unplaced". */
export function placeOf(a: Asset): string {
  if (!a.rack_id) return a.site_name ? `${a.site_name}, unplaced` : 'unplaced';
  const units = a.position !== undefined && a.position !== null ? ` ${unitRange(Number(a.position), Number(a.u_height ?? 1))} ${a.face ?? ''}` : ' (zero-U)';
  return `${a.site_name ?? ''} · ${a.rack_name}${units}`.trim();
}

/** inventory-service's assets: filters in the URL, the model's end-of-support state per row; create for editors. */
export default function Assets() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const navigate = useNavigate();
  const list = useListParams('id');
  const assets = usePagedQuery(['inventory', 'assets'], assetApi.list, list, FILTERS);
  const modelIds = [...new Set((assets.data?.results ?? []).map((a) => a.model_id).filter((id): id is number => id !== undefined))].sort();
  const models = useQuery({
    queryKey: ['inventory', 'models', 'ids', modelIds],
    queryFn: () => assetApi.modelsByIds(modelIds),
    enabled: modelIds.length > 0,
  });
  const eos = useMemo(() => new Map((models.data?.results ?? []).map((m) => [m.id, m.end_of_support])), [models.data]);
  const [creating, setCreating] = useState(false);

  const columns = useMemo(() => helper.columns([
    helper.accessor('hostname', {
      id: 'hostname', header: 'Hostname',
      cell: (c) => <Anchor component={Link} to={`/assets/${c.row.original.id}`}>{c.getValue() || c.row.original.asset_tag || `#${c.row.original.id}`}</Anchor>,
    }),
    helper.accessor('asset_tag', { id: 'asset_tag', header: 'Asset tag', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('serial', { id: 'serial', header: 'Serial', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('model_name', { id: 'model', header: 'Model', cell: (c) => `${c.row.original.manufacturer_name ?? ''} ${c.getValue() ?? ''}`.trim() }),
    helper.accessor('status', { id: 'status', header: 'Status' }),
    helper.display({ id: 'place', header: 'Place', cell: (c) => placeOf(c.row.original) }),
    helper.accessor('warranty_end', { id: 'warranty_end', header: 'Warranty end', cell: (c) => c.getValue() ?? '—' }),
    helper.display({
      id: 'eos', header: 'End of support',
      cell: (c) => (models.isSuccess ? <EosBadge endOfSupport={eos.get(c.row.original.model_id)} /> : '…'),
    }),
  ]), [eos, models.isSuccess]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Assets</Title>
        {editor && <Button onClick={() => setCreating(true)}>New asset</Button>}
      </Group>
      <Group align="end">
        <SearchFilter list={list} placeholder="Hostname, tag, serial, owner…" />
        <SiteSelect label="Site" clearable w={180} value={list.get('site_id')} onChange={(id) => list.update({ site_id: id })} />
        <ChoiceFilter list={list} name="status" label="Status" data={ASSET_STATUSES} />
        <ChoiceFilter list={list} name="category" label="Category" data={CATEGORIES} />
        <SearchFilter list={list} name="manufacturer" label="Manufacturer" />
        <SearchFilter list={list} name="tag" label="Tag" />
        <DayFilter list={list} name="warranty_end__lt" label="Warranty ends before" />
      </Group>
      <PagedTable page={assets} empty="No asset matches these filters." label="Assets" columns={columns} list={list} sortable={SORTABLE} noun="assets" minWidth={1000} />
      <Modal opened={creating} onClose={() => setCreating(false)} title="New asset" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        {creating && <AssetForm onDone={(saved) => { setCreating(false); if (saved?.id) void navigate(`/assets/${saved.id}`); }} />}
      </Modal>
    </Stack>
  );
}
