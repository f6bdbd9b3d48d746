import { useMemo, useState } from 'react';
import { Button, Group, Modal, NumberInput, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { ASSET_STATUSES, facilityApi, type AssetStatus, type StorageArray, type StorageArrayInput } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ListTable, SearchFilter, listFeatures, useListParams } from '../../components/List';
import { QueryView } from '../../components/Query';
import { Empty, fieldError } from '../../components/States';
import { SiteSelect } from './SiteSelect';
import { DialogForm, useSave } from '../../components/Form';

/** Used against total capacity as a bar (green below 70 %, orange below 90 %, red above) with the figures. */
export function CapacityBar({ name, used, total }: { name: string; used: number; total: number }) {
  const percent = total > 0 ? Math.min(100, (used / total) * 100) : 0;
  const color = percent >= 90 ? 'red' : percent >= 70 ? 'orange' : 'green';
  return (
    <Stack gap={2} miw={220}>
      <Progress value={percent} color={color} size="lg" aria-label={`Capacity used of ${name}`} />
      <Text size="xs">{used.toFixed(1)} of {total.toFixed(1)} TB ({percent.toFixed(0)} %)</Text>
    </Stack>
  );
}

function StorageArrayForm({ onDone }: { onDone: () => void }) {
  const [input, setInput] = useState<StorageArrayInput>({ site_id: 0, name: '', total_tb: 0, used_tb: 0, status: 'active' });
  const save = useSave(
    () => facilityApi.createStorageArray({ ...input, name: input.name.trim() }),
    ['inventory', 'storage-arrays'],
    onDone,
  );
  const err = (f: string) => fieldError(save.error, f);
  return (
    <DialogForm save={save} onCancel={onDone} submit="Create storage array" disabled={!input.name.trim() || !input.site_id}>
      <SiteSelect required value={input.site_id ? String(input.site_id) : undefined} error={err('site_id')}
        onChange={(id) => setInput({ ...input, site_id: Number(id ?? 0) })} />
      <TextInput label="Name" required value={input.name} error={err('name')} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
      <Select label="Status" data={ASSET_STATUSES} value={input.status} allowDeselect={false} error={err('status')}
        onChange={(v) => setInput({ ...input, status: (v ?? 'active') as AssetStatus })} />
      <Group grow>
        <NumberInput label="Total (TB)" min={0} decimalScale={3} value={input.total_tb} error={err('total_tb')}
          onChange={(v) => setInput({ ...input, total_tb: typeof v === 'number' ? v : 0 })} />
        <NumberInput label="Used (TB)" min={0} decimalScale={3} value={input.used_tb ?? 0} error={err('used_tb')}
          onChange={(v) => setInput({ ...input, used_tb: typeof v === 'number' ? v : 0 })} />
      </Group>
    </DialogForm>
  );
}

const helper = createColumnHelper<typeof listFeatures, StorageArray>();

/** Storage arrays with their capacity used; create for editors. */
export default function StorageArrays() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const list = useListParams('name');
  const query = list.query(['q', 'site_id']);
  const arrays = useQuery({ queryKey: ['inventory', 'storage-arrays', query], queryFn: () => facilityApi.storageArrays(query), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const columns = useMemo(() => helper.columns([
    helper.accessor('name', { id: 'name', header: 'Name' }),
    helper.accessor('site_name', { id: 'site', header: 'Site' }),
    helper.accessor('status', { id: 'status', header: 'Status', cell: (c) => c.getValue() ?? '—' }),
    helper.display({
      id: 'capacity', header: 'Capacity',
      cell: (c) => <CapacityBar name={c.row.original.name ?? ''} used={Number(c.row.original.used_tb ?? 0)} total={Number(c.row.original.total_tb ?? 0)} />,
    }),
  ]), []);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Storage arrays</Title>
        {editor && <Button onClick={() => setCreating(true)}>New storage array</Button>}
      </Group>
      <Group align="end">
        <SearchFilter list={list} />
        <SiteSelect label="Site" clearable w={200} value={list.get('site_id')} onChange={(id) => list.update({ site_id: id })} />
      </Group>
      <QueryView query={arrays}>
        {(page) => (page.count ?? 0) === 0 ? <Empty>No storage array matches these filters.</Empty>
          : <ListTable label="Storage arrays" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list}
              sortable={['name', 'total_tb', 'used_tb']} noun="storage arrays" />}
      </QueryView>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New storage array" closeButtonProps={{ 'aria-label': 'Close' }}>
        {creating && <StorageArrayForm onDone={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}
