import { useMemo, useState } from 'react';
import { Button, Checkbox, ColorInput, FileInput, Group, Modal, NumberInput, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import {
  CATEGORIES, catalogueApi, type DeviceCategory, type DeviceTypeImportResult, type Model, type ModelInput,
} from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { DayFilter, ListTable, SearchFilter, listFeatures, useListParams } from '../../components/List';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert, fieldError } from '../../components/States';
import { EosBadge } from './EosBadge';
import { DialogForm, useSave } from '../../components/Form';

/** A one-line create form (name, and a category for device types) above a plain list. */
function NamedList({ kind }: { kind: 'manufacturers' | 'device-types' }) {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<DeviceCategory>('server');
  const list = useQuery({
    queryKey: ['inventory', kind],
    queryFn: () => (kind === 'manufacturers' ? catalogueApi.manufacturers({ limit: 1000 }) : catalogueApi.deviceTypes({ limit: 1000 })),
  });
  const create = useMutation({
    mutationFn: () => (kind === 'manufacturers'
      ? catalogueApi.createManufacturer({ name: name.trim() })
      : catalogueApi.createDeviceType({ name: name.trim(), category })),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: ['inventory', kind] });
    },
  });
  const noun = kind === 'manufacturers' ? 'manufacturer' : 'device type';
  return (
    <Stack>
      {editor && (
        <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
          <Group align="end">
            <TextInput label={`New ${noun}`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(create.error, 'name')} />
            {kind === 'device-types' && (
              <Select label="Category" data={CATEGORIES} value={category} allowDeselect={false} w={160}
                onChange={(v) => setCategory((v ?? 'server') as DeviceCategory)} />
            )}
            <Button type="submit" disabled={!name.trim()} loading={create.isPending}>Add {noun}</Button>
          </Group>
        </form>
      )}
      {create.isError && <ProblemAlert error={create.error} />}
      <QueryView query={list}>
        {(page) => (page.results ?? []).length === 0 ? <Empty>No {noun} yet.</Empty> : (
          <Table striped aria-label={kind === 'manufacturers' ? 'Manufacturers' : 'Device types'} maw={700}>
            <Table.Thead>
              <Table.Tr><Table.Th>Name</Table.Th><Table.Th>{kind === 'manufacturers' ? 'Slug' : 'Category'}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(page.results ?? []).map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{(row as { slug?: string; category?: string }).slug ?? (row as { category?: string }).category}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}

/** Create (no model given) or replace a model, with its end of sale and end of support. */
export function ModelForm({ model, onDone }: { model?: Model; onDone: () => void }) {
  const [input, setInput] = useState<ModelInput>({
    manufacturer_id: model?.manufacturer_id ?? 0,
    device_type_id: model?.device_type_id ?? 0,
    name: model?.name ?? '',
    part_number: model?.part_number ?? '',
    u_height: model?.u_height ?? 1,
    is_full_depth: model?.is_full_depth ?? true,
    end_of_sale: model?.end_of_sale,
    end_of_support: model?.end_of_support,
    notes: model?.notes ?? '',
    colour: model?.colour,
  });
  const manufacturers = useQuery({ queryKey: ['inventory', 'manufacturers'], queryFn: () => catalogueApi.manufacturers({ limit: 1000 }) });
  const types = useQuery({ queryKey: ['inventory', 'device-types'], queryFn: () => catalogueApi.deviceTypes({ limit: 1000 }) });
  const save = useSave(() => {
    const body: ModelInput = {
      ...input,
      name: input.name.trim(),
      part_number: input.part_number?.trim() || undefined,
      notes: input.notes?.trim() || undefined,
      end_of_sale: input.end_of_sale || undefined,
      end_of_support: input.end_of_support || undefined,
      colour: input.colour || undefined,
    };
    return model ? catalogueApi.replaceModel(model.id ?? 0, model.version ?? 0, body) : catalogueApi.createModel(body);
  }, ['inventory', 'models'], onDone);
  const err = (f: string) => fieldError(save.error, f);
  const options = (rows?: { id?: number; name?: string }[]) => (rows ?? []).map((r) => ({ value: String(r.id), label: r.name ?? '' }));
  const date = (name: 'end_of_sale' | 'end_of_support', label: string) => (
    <TextInput type="date" label={label} value={input[name] ?? ''} error={err(name)}
      onChange={(e) => setInput({ ...input, [name]: e.currentTarget.value || undefined })} />
  );
  return (
    <DialogForm save={save} onCancel={onDone} submit={model ? 'Save' : 'Create model'} disabled={!input.name.trim() || !input.manufacturer_id || !input.device_type_id}>
      <Group grow>
        <Select label="Manufacturer" required searchable data={options(manufacturers.data?.results)} error={err('manufacturer_id')}
          value={input.manufacturer_id ? String(input.manufacturer_id) : null} onChange={(v) => setInput({ ...input, manufacturer_id: Number(v ?? 0) })} />
        <Select label="Device type" required searchable data={options(types.data?.results)} error={err('device_type_id')}
          value={input.device_type_id ? String(input.device_type_id) : null} onChange={(v) => setInput({ ...input, device_type_id: Number(v ?? 0) })} />
      </Group>
      <Group grow>
        <TextInput label="Name" required value={input.name} error={err('name')} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
        <TextInput label="Part number" value={input.part_number ?? ''} error={err('part_number')} onChange={(e) => setInput({ ...input, part_number: e.currentTarget.value })} />
      </Group>
      <Group grow align="end">
        <NumberInput label="Height (U)" description="0 for zero-U; steps of 0.5" min={0} max={100} step={0.5} decimalScale={1} error={err('u_height')}
          value={input.u_height ?? ''} onChange={(v) => setInput({ ...input, u_height: typeof v === 'number' ? v : undefined })} />
        <Checkbox label="Full depth (takes both faces)" checked={input.is_full_depth ?? false}
          onChange={(e) => setInput({ ...input, is_full_depth: e.currentTarget.checked })} />
      </Group>
      <Group grow>{date('end_of_sale', 'End of sale')}{date('end_of_support', 'End of support')}</Group>
      <ColorInput label="Colour in the rack elevation" description="Empty: the elevation picks one per model name." format="hex" withEyeDropper={false}
        value={input.colour ? `#${input.colour}` : ''} error={err('colour')} closeOnColorSwatchClick
        swatches={['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf']}
        onChange={(v) => setInput({ ...input, colour: v.replace(/^#/, '') || undefined })} />
    </DialogForm>
  );
}

const helper = createColumnHelper<typeof listFeatures, Model>();

function Models() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const list = useListParams('name');
  const query = list.query(['q', 'manufacturer', 'end_of_support__lte']);
  const models = useQuery({ queryKey: ['inventory', 'models', query], queryFn: () => catalogueApi.models(query), placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<{ model?: Model } | null>(null);
  const columns = useMemo(() => helper.columns([
    helper.accessor('name', { id: 'name', header: 'Model' }),
    helper.accessor('manufacturer_name', { id: 'manufacturer', header: 'Manufacturer' }),
    helper.accessor('device_type_name', { id: 'device_type', header: 'Device type' }),
    helper.accessor('part_number', { id: 'part_number', header: 'Part number', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('u_height', { id: 'u_height', header: 'Height', cell: (c) => `${c.getValue()}U${c.row.original.is_full_depth ? ', full depth' : ''}` }),
    helper.accessor('end_of_sale', { id: 'end_of_sale', header: 'End of sale', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('end_of_support', { id: 'end_of_support', header: 'End of support', cell: (c) => <EosBadge endOfSupport={c.getValue()} /> }),
    ...(editor ? [helper.display({
      id: 'actions', header: () => <Text span size="sm" fw={700}>Actions</Text>,
      cell: (c) => <Button size="xs" variant="light" aria-label={`Edit ${c.row.original.name}`} onClick={() => setDialog({ model: c.row.original })}>Edit</Button>,
    })] : []),
  ]), [editor]);
  return (
    <Stack>
      <Group align="end" justify="space-between">
        <Group align="end">
          <SearchFilter list={list} placeholder="Name, part number…" />
          <SearchFilter list={list} name="manufacturer" label="Manufacturer" />
          <DayFilter list={list} name="end_of_support__lte" label="Support ends by" />
        </Group>
        {editor && <Button onClick={() => setDialog({})}>New model</Button>}
      </Group>
      <QueryView query={models}>
        {(page) => (page.count ?? 0) === 0 ? <Empty>No model matches these filters.</Empty>
          : <ListTable label="Models" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list}
              sortable={['name', 'part_number', 'u_height', 'end_of_sale', 'end_of_support']} noun="models" minWidth={900} />}
      </QueryView>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}
        title={dialog?.model ? `Edit ${dialog.model.name}` : 'New model'}>
        {dialog && <ModelForm model={dialog.model} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

/** devicetype-library import: YAML files, a category for the models it adds; the models added and updated. */
export function LibraryImport() {
  const [files, setFiles] = useState<File[]>([]);
  const [category, setCategory] = useState<DeviceCategory>('server');
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: async () => {
      const results: { file: string; result?: DeviceTypeImportResult; error?: unknown }[] = [];
      for (const file of files) {
        try {
          results.push({ file: file.name, result: await catalogueApi.importLibrary(await file.text(), category) });
        } catch (error) {
          results.push({ file: file.name, error });
        }
      }
      return results;
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['inventory', 'models'] }),
  });
  return (
    <Stack maw={900}>
      <Text size="sm">
        NetBox devicetype-library files (YAML). Manufacturers are created when new; existing models are updated but keep their
        support dates and device type; component templates are ignored.
      </Text>
      <Group align="end">
        <FileInput label="YAML files" multiple accept=".yaml,.yml" clearable clearButtonProps={{ 'aria-label': 'Clear the files' }} placeholder="Choose files" w={320} value={files} onChange={setFiles} />
        <Select label="Category of new models" data={CATEGORIES} value={category} allowDeselect={false} w={200}
          onChange={(v) => setCategory((v ?? 'server') as DeviceCategory)} />
        <Button disabled={files.length === 0} loading={run.isPending} onClick={() => run.mutate()}>Import</Button>
      </Group>
      {run.data && (
        <Table striped aria-label="Import results">
          <Table.Thead><Table.Tr><Table.Th>File</Table.Th><Table.Th>Result</Table.Th><Table.Th>Models</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {run.data.map((r) => (
              <Table.Tr key={r.file}>
                <Table.Td>{r.file}</Table.Td>
                <Table.Td>{r.result ? `${r.result.created} added, ${r.result.updated} updated` : <ProblemAlert error={r.error} />}</Table.Td>
                <Table.Td>{r.result?.models?.map((m) => `${m.manufacturer_name} ${m.name}`).join(', ') ?? 'skipped'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The hardware catalogue: models (with end-of-support state), manufacturers, device types, library import. */
export default function Catalogue() {
  const { session } = useAuth();
  return (
    <Stack>
      <Title order={2}>Catalogue</Title>
      <Tabs defaultValue="models" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="models">Models</Tabs.Tab>
          <Tabs.Tab value="manufacturers">Manufacturers</Tabs.Tab>
          <Tabs.Tab value="device-types">Device types</Tabs.Tab>
          {hasRole(session.roles, 'editor') && <Tabs.Tab value="import">Library import</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="models" pt="md"><Models /></Tabs.Panel>
        <Tabs.Panel value="manufacturers" pt="md"><NamedList kind="manufacturers" /></Tabs.Panel>
        <Tabs.Panel value="device-types" pt="md"><NamedList kind="device-types" /></Tabs.Panel>
        <Tabs.Panel value="import" pt="md"><LibraryImport /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
