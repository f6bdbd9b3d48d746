import { useState } from 'react';
import { ActionIcon, Button, Group, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { assetApi, ASSET_STATUSES, type Asset, type AssetInput, type AssetStatus } from '../../api/inventory';
import { fieldError } from '../../components/States';
import { SiteSelect } from './SiteSelect';
import { DialogForm, useSave } from '../../components/Form';

interface CustomRow {
  key: string;
  value: string;
  /** The stored value (number, boolean or text), kept when its text is not changed. */
  original?: unknown;
}

/** The custom fields as the API takes them: an object of scalars; unchanged values keep their type. */
export function customFieldsOf(rows: CustomRow[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key) continue;
    fields[key] = row.original !== undefined && String(row.original) === row.value ? row.original : row.value;
  }
  return fields;
}

/**
 * Create (no asset given) or replace an asset: identity, model, status, site, management address,
 * purchase and warranty dates, owner, tags and custom fields. The placement (rack, unit, face) is
 * kept as it is: it changes in the rack elevation.
 */
export function AssetForm({ asset, onDone }: { asset?: Asset; onDone: (saved?: Asset) => void }) {
  const [input, setInput] = useState<AssetInput>({
    hostname: asset?.hostname ?? '',
    asset_tag: asset?.asset_tag ?? '',
    serial: asset?.serial ?? '',
    model_id: asset?.model_id ?? 0,
    status: asset?.status ?? 'planned',
    site_id: asset?.site_id,
    mgmt_ip: asset?.mgmt_ip ?? '',
    purchase_date: asset?.purchase_date,
    warranty_end: asset?.warranty_end,
    owner: asset?.owner ?? '',
    notes: asset?.notes ?? '',
    tags: asset?.tags ?? [],
  });
  const [custom, setCustom] = useState<CustomRow[]>(
    Object.entries(asset?.custom_fields ?? {}).map(([key, value]) => ({ key, value: String(value), original: value })),
  );
  const models = useQuery({ queryKey: ['inventory', 'models', 'options'], queryFn: () => assetApi.models({ ordering: 'name', limit: 1000 }) });
  const save = useSave(() => {
    const text = (v?: string) => v?.trim() || undefined;
    const body: AssetInput = {
      ...input,
      hostname: text(input.hostname),
      asset_tag: text(input.asset_tag),
      serial: text(input.serial),
      mgmt_ip: text(input.mgmt_ip),
      owner: text(input.owner),
      notes: text(input.notes),
      purchase_date: input.purchase_date || undefined,
      warranty_end: input.warranty_end || undefined,
      other_ips: asset?.other_ips,
      rack_id: asset?.rack_id,
      position: asset?.position,
      face: asset?.face,
      custom_fields: customFieldsOf(custom),
    };
    return asset ? assetApi.replace(asset.id ?? 0, asset.version ?? 0, body) : assetApi.create(body);
  }, ['inventory', 'assets'], onDone);
  const err = (field: string) => fieldError(save.error, field);
  const text = (name: 'hostname' | 'asset_tag' | 'serial' | 'mgmt_ip' | 'owner', label: string) => (
    <TextInput label={label} value={input[name] ?? ''} error={err(name)} onChange={(e) => setInput({ ...input, [name]: e.currentTarget.value })} />
  );
  const date = (name: 'purchase_date' | 'warranty_end', label: string) => (
    <TextInput type="date" label={label} value={input[name] ?? ''} error={err(name)}
      onChange={(e) => setInput({ ...input, [name]: e.currentTarget.value || undefined })} />
  );
  const modelOptions = (models.data?.results ?? []).map((m) => ({ value: String(m.id), label: `${m.manufacturer_name} ${m.name}` }));
  return (
    <DialogForm save={save} onCancel={() => onDone()} submit={asset ? 'Save' : 'Create asset'} disabled={!input.model_id}>
      <Group grow>{text('hostname', 'Hostname')}{text('asset_tag', 'Asset tag')}</Group>
      <Group grow>
        {text('serial', 'Serial')}
        <Select label="Model" required searchable data={modelOptions} value={input.model_id ? String(input.model_id) : null}
          error={err('model_id')} onChange={(v) => setInput({ ...input, model_id: Number(v ?? 0) })} />
      </Group>
      <Group grow>
        <Select label="Status" data={ASSET_STATUSES} value={input.status} allowDeselect={false} error={err('status')}
          onChange={(v) => setInput({ ...input, status: (v ?? 'planned') as AssetStatus })} />
        <SiteSelect clearable value={input.site_id ? String(input.site_id) : undefined} error={err('site_id')}
          onChange={(id) => setInput({ ...input, site_id: id ? Number(id) : undefined })} />
      </Group>
      <Group grow>{text('mgmt_ip', 'Management IP')}{text('owner', 'Owner')}</Group>
      <Group grow>{date('purchase_date', 'Purchase date')}{date('warranty_end', 'Warranty end')}</Group>
      <TagsInput label="Tags" value={input.tags ?? []} onChange={(tags) => setInput({ ...input, tags })} error={err('tags')} />
      <Textarea label="Notes" value={input.notes ?? ''} onChange={(e) => setInput({ ...input, notes: e.currentTarget.value })} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>Custom fields</Text>
        {custom.map((row, i) => (
          <Group key={i} gap="xs" align="end">
            <TextInput label={`Name of custom field ${i + 1}`} value={row.key} flex={1}
              onChange={(e) => setCustom(custom.map((r, j) => (j === i ? { ...r, key: e.currentTarget.value } : r)))} />
            <TextInput label={`Value of custom field ${i + 1}`} value={row.value} flex={1}
              onChange={(e) => setCustom(custom.map((r, j) => (j === i ? { ...r, value: e.currentTarget.value } : r)))} />
            <ActionIcon variant="default" size="lg" aria-label={`Remove custom field ${row.key || i + 1}`}
              onClick={() => setCustom(custom.filter((_, j) => j !== i))}>×</ActionIcon>
          </Group>
        ))}
        {err('custom_fields') && <Text size="sm" c="red.9">{err('custom_fields')}</Text>}
        <Group><Button size="xs" variant="default" onClick={() => setCustom([...custom, { key: '', value: '' }])}>Add custom field</Button></Group>
      </Stack>
    </DialogForm>
  );
}
