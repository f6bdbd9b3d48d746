import { useState } from 'react';
import { Alert, Anchor, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import {
  INSTANCE_STATUSES, INSTANCE_TYPES, ODOO_EDITIONS, endsActiveProduction, existingProduction, projectApi,
  type Instance, type InstanceInput, type InstanceStatus, type InstanceType, type OdooEdition,
} from '../../api/projects';
import { ProblemAlert, fieldError } from '../../components/States';

/** Words for the API's instance choices. */
export const TYPE_LABELS: Record<InstanceType, string> = { production: 'Production', staging: 'Staging', development: 'Development' };
export const STATUS_LABELS: Record<InstanceStatus, string> = { active: 'Active', inactive: 'Inactive', archived: 'Archived' };

/** @returns whether the instance is its project's active production instance (the safeguarded one) */
export const isActiveProduction = (i: Instance) => i.type === 'production' && i.status === 'active';

/** The link to the project's instance that a 409 of the production rule named (the detail page highlights it). */
export function ExistingProduction({ error, projectId, onOpen }: { error: unknown; projectId: number; onOpen?: () => void }) {
  const existing = existingProduction(error);
  if (!existing || !(error instanceof ApiError)) return null;
  return (
    <Alert color="red" variant="light" title="This project already has an active production instance" role="alert">
      <Text size="sm">
        Only one production instance of a project can be active.{' '}
        {/* The alert's own text colour: a blue link on the light red background falls below 4.5:1 (axe). */}
        <Anchor component={Link} to={`/projects/${projectId}?instance=${existing.id}`} onClick={onOpen}
          c="inherit" fw={700} underline="always">
          {existing.name}
        </Anchor>{' '}
        (instance {existing.id}) is active now: deactivate it first, or make this one staging or development.
      </Text>
    </Alert>
  );
}

/**
 * The production safeguard's confirmation: the admin types the instance's exact name, which the
 * change then sends as `X-Confirm-Instance`.
 */
export function ConfirmName({ name, value, onChange }: { name: string; value: string; onChange: (value: string) => void }) {
  return (
    <Stack gap="xs">
      <Alert color="orange" variant="light" title="Production instance">
        <Text size="sm">
          <strong>{name}</strong> is this project's active production instance. To go on, type its name.
        </Text>
      </Alert>
      <TextInput label="Instance name to confirm" value={value} onChange={(e) => onChange(e.currentTarget.value)}
        autoComplete="off" data-autofocus />
    </Stack>
  );
}

/**
 * Create (no instance given) or replace an instance of a project (admins). A second active
 * production instance is a 409 shown with a link to the existing one; a change that ends the
 * active production instance's standing (other status, other type) first asks for its name.
 */
export function InstanceForm({ projectId, instance, onDone }: {
  projectId: number;
  instance?: Instance;
  onDone: () => void;
}) {
  const [input, setInput] = useState<InstanceInput>({
    project_id: projectId,
    name: instance?.name ?? '',
    type: instance?.type ?? 'development',
    status: instance?.status ?? 'active',
    url: instance?.url ?? '',
    odoo_version: instance?.odoo_version ?? '',
    odoo_edition: instance?.odoo_edition,
    database_name: instance?.database_name ?? '',
    host: instance?.host ?? '',
    host_ref: instance?.host_ref ?? '',
    notes: instance?.notes ?? '',
  });
  const [asking, setAsking] = useState(false);
  const [confirm, setConfirm] = useState('');
  const queries = useQueryClient();
  const body = (): InstanceInput => ({
    project_id: projectId,
    name: input.name.trim(),
    type: input.type,
    status: input.status,
    url: input.url?.trim() || undefined,
    odoo_version: input.odoo_version?.trim() || undefined,
    odoo_edition: input.odoo_edition || undefined,
    database_name: input.database_name?.trim() || undefined,
    host: input.host?.trim() || undefined,
    host_ref: input.host_ref?.trim() || undefined,
    notes: input.notes?.trim() || undefined,
  });
  const save = useMutation({
    mutationFn: () =>
      instance
        ? projectApi.replaceInstance(instance.id ?? 0, instance.version ?? 0, body(), asking ? confirm : undefined)
        : projectApi.createInstance(body()),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['project'] });
      onDone();
    },
    onError: (error) => {
      // The server knows best: a 428 (e.g. someone made it the production instance meanwhile) asks too.
      if (error instanceof ApiError && error.status === 428) setAsking(true);
    },
  });
  const set = (changes: Partial<InstanceInput>) => setInput({ ...input, ...changes });
  const submit = () => {
    if (instance && !asking && endsActiveProduction(instance, body())) {
      setAsking(true);
      return;
    }
    save.mutate();
  };
  const conflict = existingProduction(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <TextInput label="Name" required maxLength={200} value={input.name}
          onChange={(e) => set({ name: e.currentTarget.value })} error={fieldError(save.error, 'name')} />
        <Group grow>
          <Select label="Type" required allowDeselect={false}
            data={INSTANCE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
            value={input.type} onChange={(value) => set({ type: (value ?? 'development') as InstanceType })}
            error={conflict ? undefined : fieldError(save.error, 'type')} />
          <Select label="Status" required allowDeselect={false}
            data={INSTANCE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={input.status ?? 'active'} onChange={(value) => set({ status: (value ?? 'active') as InstanceStatus })}
            error={fieldError(save.error, 'status')} />
        </Group>
        <TextInput label="URL" type="url" placeholder="https://erp.example.com" maxLength={500} value={input.url ?? ''}
          onChange={(e) => set({ url: e.currentTarget.value })} error={fieldError(save.error, 'url')} />
        <Group grow>
          <TextInput label="Odoo version" placeholder="17.0" maxLength={20} value={input.odoo_version ?? ''}
            onChange={(e) => set({ odoo_version: e.currentTarget.value })} error={fieldError(save.error, 'odoo_version')} />
          <Select label="Odoo edition" clearable
            data={ODOO_EDITIONS.map((e) => ({ value: e, label: e === 'community' ? 'Community' : 'Enterprise' }))}
            value={input.odoo_edition ?? null} onChange={(value) => set({ odoo_edition: (value ?? undefined) as OdooEdition | undefined })} />
        </Group>
        <Group grow>
          <TextInput label="Database name" maxLength={100} value={input.database_name ?? ''}
            onChange={(e) => set({ database_name: e.currentTarget.value })} error={fieldError(save.error, 'database_name')} />
          <TextInput label="Host" maxLength={255} value={input.host ?? ''}
            onChange={(e) => set({ host: e.currentTarget.value })} error={fieldError(save.error, 'host')} />
        </Group>
        <TextInput label="Host reference" description="inventory:asset:<id> or vm:vm:<id>" value={input.host_ref ?? ''}
          onChange={(e) => set({ host_ref: e.currentTarget.value })} error={fieldError(save.error, 'host_ref')} />
        <Textarea label="Notes" maxLength={4000} rows={3} value={input.notes ?? ''}
          onChange={(e) => set({ notes: e.currentTarget.value })} />
        {asking && instance && <ConfirmName name={instance.name ?? ''} value={confirm} onChange={setConfirm} />}
        {conflict ? (
          <ExistingProduction error={save.error} projectId={projectId} onOpen={onDone} />
        ) : (
          save.isError && !(save.error instanceof ApiError && save.error.status === 428 && asking) && <ProblemAlert error={save.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}
            disabled={!input.name.trim() || (asking && confirm !== instance?.name)}>
            {asking ? 'Confirm and save' : instance ? 'Save' : 'Create instance'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Deleting an instance (admins): the active production instance asks for its name, sent as
 * `X-Confirm-Instance`; any other is deleted after a plain confirmation.
 */
export function DeleteInstance({ instance, onDone }: { instance: Instance; onDone: () => void }) {
  const guarded = isActiveProduction(instance);
  const [confirm, setConfirm] = useState('');
  const queries = useQueryClient();
  const remove = useMutation({
    mutationFn: () => projectApi.removeInstance(instance.id ?? 0, instance.version ?? 0, guarded ? confirm : undefined),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['project'] });
      onDone();
    },
  });
  return (
    <Stack>
      <Text>Delete instance {instance.name}? Its health history goes with it.</Text>
      {guarded && <ConfirmName name={instance.name ?? ''} value={confirm} onChange={setConfirm} />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button color="red" loading={remove.isPending} disabled={guarded && confirm !== instance.name}
          onClick={() => remove.mutate()}>Delete instance</Button>
      </Group>
    </Stack>
  );
}
