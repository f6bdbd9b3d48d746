import { useState, type ReactNode } from 'react';
import { Button, Card, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { vmApi, type ManualView, type VmDetail } from '../../api/vm';
import { OwnerSelect, type OwnerChoice } from '../../components/OwnerSelect';
import { ProblemAlert, fieldError } from '../../components/States';
import { MANUAL_FIELDS, changedKeys, patchOf, valuesOf, type ManualKey, type ManualValues } from './manualValues';

const POWER_STATES = ['on', 'off', 'suspended', 'paused', 'unknown'];

/** The manual data the form started from: its values and version (the ETag sent in If-Match). */
interface Base {
  values: ManualValues;
  version: number;
}

/** What the API holds now, after a 412: the other person's values and version. */
interface Conflict {
  theirs: Base;
}

function show(key: ManualKey, value: ManualValues[ManualKey], owners: OwnerChoice[]): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null || value === '') return '—';
  if (key === 'business_owner_id' || key === 'technical_owner_id') {
    const owner = owners.find((o) => o.id === value);
    return owner ? `${owner.full_name} (${owner.email})` : `owner ${value}`;
  }
  return String(value);
}

/**
 * Shows a 412: per field that either side changed, the value saved now ("theirs") and the one in
 * the form ("yours"); the person reloads theirs or overwrites with their own changes.
 */
export function ConflictDialog({ base, mine, conflict, owners, busy, error, onReload, onOverwrite, onClose }: {
  base: Base;
  mine: ManualValues;
  conflict: Conflict;
  owners: OwnerChoice[];
  busy: boolean;
  error: unknown;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
}) {
  const theirs = conflict.theirs.values;
  const keys = new Set([...changedKeys(base.values, mine), ...changedKeys(base.values, theirs)]);
  const rows = MANUAL_FIELDS.filter(([key]) => keys.has(key));
  return (
    <Modal opened onClose={onClose} title="Someone else changed this VM" size="lg">
      <Stack>
        <Text size="sm">
          While you edited, another change was saved (version {conflict.theirs.version}). Reload to take theirs and
          lose your edits, or overwrite: your changed fields replace theirs, the others keep their values.
        </Text>
        <Table aria-label="Conflicting values">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Theirs (saved)</Table.Th>
              <Table.Th>Yours</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([key, label]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td>{show(key, theirs[key], owners)}</Table.Td>
                <Table.Td>{show(key, mine[key], owners)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {error != null && <ProblemAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onReload}>Reload theirs</Button>
          <Button color="red" loading={busy} onClick={onOverwrite}>Overwrite with mine</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The manual data and overrides of a VM (editors). The form keeps the version it was opened with,
 * even when live updates refresh the page behind it, and sends it in If-Match: a concurrent change
 * answers 412 and opens the conflict dialog. A save sends only the changed fields (JSON Merge Patch).
 */
export function ManualForm({ detail }: { detail: VmDetail }) {
  const id = detail.vm?.id ?? 0;
  const [base, setBase] = useState<Base>(() => ({ values: valuesOf(detail.manual), version: detail.manual?.version ?? 0 }));
  const [mine, setMine] = useState<ManualValues>(base.values);
  const [conflict, setConflict] = useState<Conflict>();
  const [saved, setSaved] = useState(false);
  const client = useQueryClient();
  const owners: OwnerChoice[] = [detail.vm?.business_owner, detail.vm?.technical_owner].filter((o): o is OwnerChoice => o != null);

  const adopt = (view: ManualView) => {
    const next = { values: valuesOf(view.manual), version: view.manual?.version ?? 0 };
    setBase(next);
    setMine(next.values);
  };
  const save = useMutation({
    /** Sends my changes against `against` (the form's base, or theirs when overwriting). */
    mutationFn: (against: Base) => vmApi.patchManual(id, against.version, patchOf(base.values, mine)),
    onSuccess: (view) => {
      adopt(view);
      setConflict(undefined);
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['vm'] });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 412) {
        const now = await vmApi.manual(id);
        setConflict({ theirs: { values: valuesOf(now.manual), version: now.manual?.version ?? 0 } });
      }
    },
  });
  const conflictError = save.error instanceof ApiError && save.error.status === 412 ? null : save.error;
  const set = <K extends ManualKey>(key: K, value: ManualValues[K]) => {
    setSaved(false);
    setMine((m) => ({ ...m, [key]: value }));
  };
  const text = (key: ManualKey, label: string, disabled = false, max = 255) => (
    <TextInput
      label={label}
      value={String(mine[key] ?? '')}
      onChange={(e) => set(key, e.currentTarget.value as never)}
      disabled={disabled}
      maxLength={max}
      error={fieldError(save.error, key)}
    />
  );
  const synced = detail.synced ?? {};
  const override = (flag: ManualKey, label: string, syncedValue: string | undefined, input: ReactNode) => (
    <Stack gap={4}>
      <Switch
        label={label}
        checked={Boolean(mine[flag])}
        onChange={(e) => set(flag, e.currentTarget.checked as never)}
        description={`Synced value: ${syncedValue ?? '—'}`}
      />
      {input}
    </Stack>
  );
  const dirty = changedKeys(base.values, mine).length > 0;

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Manual data and overrides</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(base);
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OwnerSelect label="Business owner" value={mine.business_owner_id} current={detail.vm?.business_owner}
              onChange={(v) => set('business_owner_id', v)} error={fieldError(save.error, 'business_owner_id')} />
            <OwnerSelect label="Technical owner" value={mine.technical_owner_id} current={detail.vm?.technical_owner}
              onChange={(v) => set('technical_owner_id', v)} error={fieldError(save.error, 'technical_owner_id')} />
            {text('project_name', 'Project')}
            {text('environment', 'Environment', false, 50)}
          </SimpleGrid>
          <Textarea label="Notes" value={mine.notes} onChange={(e) => set('notes', e.currentTarget.value)} rows={3} maxLength={10000} error={fieldError(save.error, 'notes')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {override('override_power_state', 'Override power state', synced.power_state,
              <Select label="Manual power state" data={POWER_STATES} value={mine.manual_power_state}
                onChange={(v) => set('manual_power_state', v)} disabled={!mine.override_power_state}
                error={fieldError(save.error, 'manual_power_state')} />)}
            {override('override_cluster', 'Override cluster', synced.cluster_name,
              text('manual_cluster_name', 'Manual cluster name', !mine.override_cluster))}
            {override('override_hostname', 'Override hostname', synced.hostname,
              text('manual_hostname', 'Manual hostname', !mine.override_hostname))}
            {override('override_os_type', 'Override OS type', synced.os_type,
              text('manual_os_type', 'Manual OS type', !mine.override_os_type))}
          </SimpleGrid>
          {conflictError != null && <ProblemAlert error={conflictError} />}
          {saved && !dirty && <Text size="sm" role="status">Saved (version {base.version}).</Text>}
          <Group justify="flex-end">
            <Button variant="default" disabled={!dirty} onClick={() => setMine(base.values)}>Discard changes</Button>
            <Button type="submit" loading={save.isPending && !conflict} disabled={!dirty}>Save changes</Button>
          </Group>
        </Stack>
      </form>
      {conflict && (
        <ConflictDialog
          base={base}
          mine={mine}
          conflict={conflict}
          owners={owners}
          busy={save.isPending}
          error={conflictError}
          onReload={() => {
            setBase(conflict.theirs);
            setMine(conflict.theirs.values);
            setConflict(undefined);
            save.reset();
            void client.invalidateQueries({ queryKey: ['vm'] });
          }}
          onOverwrite={() => save.mutate(conflict.theirs)}
          onClose={() => setConflict(undefined)}
        />
      )}
    </Card>
  );
}
