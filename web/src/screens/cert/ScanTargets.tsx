import { useMemo, useState } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useNavigate } from 'react-router';
import { STARTTLS, certApi, type ScanTarget, type ScanTargetInput, type StartTls } from '../../api/cert';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ChoiceFilter, SearchFilter, listFeatures, useListParams } from '../../components/List';
import { ProblemAlert, fieldError } from '../../components/States';
import { formatTime } from '../../components/time';
import { DialogForm, useSave } from '../../components/Form';
import { PagedTable, usePagedQuery } from '../../components/PagedList';

const FILTERS = ['q', 'starttls', 'enabled'];
const SORTABLE = ['host', 'port', 'last_scanned_at'];

const STARTTLS_LABEL: Record<StartTls, string> = { none: 'None (TLS from the start)', smtp: 'SMTP (EHLO, STARTTLS)', imap: 'IMAP (STARTTLS)', pop3: 'POP3 (STLS)' };

/** "every 60 min" or "on demand". */
export function scheduleText(minutes?: number | null): string {
  return minutes ? `every ${minutes} min` : 'on demand';
}

/** Create (no target given) or replace a scan target; the API's refusal (400, 412) stays in the dialog. */
function TargetForm({ target, onDone }: { target?: ScanTarget; onDone: () => void }) {
  const [input, setInput] = useState({
    host: target?.host ?? '',
    port: (target?.port ?? 443) as number | string,
    sni: target?.sni ?? '',
    starttls: (target?.starttls ?? 'none') as StartTls,
    schedule: (target?.schedule_minutes ?? '') as number | string,
    enabled: target?.enabled ?? true,
    notes: target?.notes ?? '',
  });
  const save = useSave(() => {
    const body: ScanTargetInput = {
      host: input.host.trim(),
      port: Number(input.port),
      sni: input.sni.trim() || undefined,
      starttls: input.starttls,
      schedule_minutes: input.schedule === '' ? undefined : Number(input.schedule),
      enabled: input.enabled,
      notes: input.notes.trim() || undefined,
      profile: target?.profile,
    };
    return target ? certApi.scanTargets.replace(target.id ?? 0, target.version ?? 0, body) : certApi.scanTargets.create(body);
  }, ['cert', 'scan-targets'], onDone);
  return (
    <DialogForm save={save} onCancel={onDone} submit={target ? 'Save' : 'Create target'} disabled={!input.host.trim() || input.port === ''}>
      <TextInput label="Host" description="A name or an address; it must lie in the scanner's allowed networks or domains" required
        value={input.host} onChange={(e) => setInput({ ...input, host: e.currentTarget.value })} error={fieldError(save.error, 'host')} />
      <NumberInput label="Port" required min={1} max={65535} value={input.port} onChange={(v) => setInput({ ...input, port: v })} error={fieldError(save.error, 'port')} />
      <TextInput label="SNI" description="Server name to send; the host when empty (addresses send none)"
        value={input.sni} onChange={(e) => setInput({ ...input, sni: e.currentTarget.value })} error={fieldError(save.error, 'sni')} />
      <Select label="STARTTLS" data={STARTTLS.map((s) => ({ value: s, label: STARTTLS_LABEL[s] }))} value={input.starttls} allowDeselect={false}
        onChange={(v) => setInput({ ...input, starttls: (v ?? 'none') as StartTls })} />
      <NumberInput label="Schedule (minutes)" description="Scanned again after this many minutes (5 or more); empty: on demand only"
        min={5} max={525600} value={input.schedule} onChange={(v) => setInput({ ...input, schedule: v })} error={fieldError(save.error, 'schedule_minutes')} />
      <Switch label="Enabled" checked={input.enabled} onChange={(e) => setInput({ ...input, enabled: e.currentTarget.checked })} />
      <Textarea label="Notes" value={input.notes} onChange={(e) => setInput({ ...input, notes: e.currentTarget.value })} />
    </DialogForm>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; target: ScanTarget } | { kind: 'delete'; target: ScanTarget } | null;

const helper = createColumnHelper<typeof listFeatures, ScanTarget>();
const nameOf = (t: ScanTarget) => `${t.host}:${t.port}`;

/** Scan targets: list, create, edit, delete; a scan run of the selected targets or of every enabled one. */
export default function ScanTargets() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const navigate = useNavigate();
  const list = useListParams('host');
  const targets = usePagedQuery(['cert', 'scan-targets'], certApi.scanTargets.list, list, FILTERS);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const client = useQueryClient();
  const scan = useMutation({
    mutationFn: (ids: number[]) => certApi.startScan(ids),
    onSuccess: (run) => {
      void client.invalidateQueries({ queryKey: ['cert', 'scan-runs'] });
      void navigate(`/certs/scan-runs/${run.id}`);
    },
  });
  const toggle = (id: number, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id); else next.delete(id);
    return next;
  });

  const columns = useMemo(() => helper.columns([
    ...(editor ? [helper.display({
      id: 'select',
      header: () => <Text span size="sm" fw={700}>Select</Text>,
      cell: (c) => <Checkbox aria-label={`Select ${nameOf(c.row.original)}`} checked={selected.has(c.row.original.id ?? 0)}
        onChange={(e) => toggle(c.row.original.id ?? 0, e.currentTarget.checked)} />,
    })] : []),
    helper.accessor('host', { id: 'host', header: 'Host' }),
    helper.accessor('port', { id: 'port', header: 'Port' }),
    helper.accessor('sni', { id: 'sni', header: 'SNI', cell: (c) => c.getValue() || '—' }),
    helper.accessor('starttls', { id: 'starttls', header: 'STARTTLS' }),
    helper.accessor('schedule_minutes', { id: 'schedule', header: 'Schedule', cell: (c) => scheduleText(c.getValue()) }),
    helper.accessor('enabled', { id: 'enabled', header: 'Enabled', cell: (c) => (c.getValue() ? 'yes' : 'no') }),
    helper.accessor('last_scanned_at', { id: 'last_scanned_at', header: 'Last scanned', cell: (c) => formatTime(c.getValue()) }),
    ...(editor ? [helper.display({
      id: 'actions',
      header: () => <Text span size="sm" fw={700}>Actions</Text>,
      cell: (c) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" aria-label={`Edit ${nameOf(c.row.original)}`} onClick={() => setDialog({ kind: 'edit', target: c.row.original })}>Edit</Button>
          <Button size="xs" variant="light" color="red" aria-label={`Delete ${nameOf(c.row.original)}`} onClick={() => setDialog({ kind: 'delete', target: c.row.original })}>Delete</Button>
        </Group>
      ),
    })] : []),
  ]), [editor, selected]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Scan targets</Title>
        {editor && (
          <Group>
            <Button variant="default" disabled={selected.size === 0} loading={scan.isPending && scan.variables.length > 0}
              onClick={() => scan.mutate([...selected])}>Scan selected ({selected.size})</Button>
            <Button variant="default" loading={scan.isPending && scan.variables.length === 0} onClick={() => scan.mutate([])}>Scan all enabled</Button>
            <Button onClick={() => setDialog({ kind: 'create' })}>New target</Button>
          </Group>
        )}
      </Group>
      {scan.isError && <ProblemAlert error={scan.error} />}
      <Group align="end">
        <SearchFilter list={list} placeholder="Host, SNI, notes…" />
        <ChoiceFilter list={list} name="starttls" label="STARTTLS" data={STARTTLS} />
        <ChoiceFilter list={list} name="enabled" label="Enabled" data={['true', 'false']} />
      </Group>
      <PagedTable page={targets} empty="No scan target matches these filters." label="Scan targets" columns={columns} list={list} sortable={SORTABLE} noun="targets" minWidth={1000} />
      <Modal opened={dialog !== null} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }}
        title={dialog?.kind === 'create' ? 'New scan target' : dialog?.kind === 'edit' ? 'Edit scan target' : 'Delete scan target'}>
        {dialog?.kind === 'create' && <TargetForm onDone={close} />}
        {dialog?.kind === 'edit' && <TargetForm target={dialog.target} onDone={close} />}
        {dialog?.kind === 'delete' && (
          <ConfirmDelete message={`Delete scan target ${nameOf(dialog.target)}? Its scan results are deleted with it; the certificates they found stay.`} confirm="Delete target"
            remove={() => certApi.scanTargets.remove(dialog.target.id ?? 0, dialog.target.version ?? 0)}
            invalidates={['cert', 'scan-targets']} onDone={close} />
        )}
      </Modal>
    </Stack>
  );
}
