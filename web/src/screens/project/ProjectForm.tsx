import { useState } from 'react';
import { Group, Select, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PROJECT_STATUSES, projectApi, type Project, type ProjectInput, type ProjectStatus } from '../../api/projects';
import { fieldError } from '../../components/States';
import { DialogForm, useSave } from '../../components/Form';

/** Status labels of the API's project choices. */
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { active: 'Active', on_hold: 'On hold', closed: 'Closed' };

/**
 * Create (no project given) or replace a project (admins). The client is picked from the clients
 * (searchable); the API's refusal (409 name taken for the client, 400 per field, 412) stays in the form.
 */
export function ProjectForm({ project, onDone }: { project?: Project; onDone: (saved?: Project) => void }) {
  const [input, setInput] = useState<ProjectInput>({
    client_id: project?.client_id ?? 0,
    name: project?.name ?? '',
    code: project?.code ?? '',
    status: project?.status ?? 'active',
    description: project?.description ?? '',
    start_date: project?.start_date ?? '',
    end_date: project?.end_date ?? '',
  });
  const clients = useQuery({
    queryKey: ['project', 'clients', 'choices'],
    queryFn: () => projectApi.clients({ ordering: 'name', limit: 1000 }),
  });
  const save = useSave(() => {
    const body: ProjectInput = {
      client_id: input.client_id,
      name: input.name.trim(),
      code: input.code?.trim() || undefined,
      status: input.status,
      description: input.description?.trim() || undefined,
      start_date: input.start_date || undefined,
      end_date: input.end_date || undefined,
    };
    return project ? projectApi.replaceProject(project.id ?? 0, project.version ?? 0, body) : projectApi.createProject(body);
  }, ['project'], onDone);
  const set = (changes: Partial<ProjectInput>) => setInput({ ...input, ...changes });
  return (
    <DialogForm save={save} onCancel={() => onDone()} submit={project ? 'Save' : 'Create project'} disabled={!input.name.trim() || !input.client_id}>
      <Select
        label="Client"
        required
        searchable
        data={(clients.data?.results ?? []).map((c) => ({ value: String(c.id), label: c.name ?? '' }))}
        value={input.client_id ? String(input.client_id) : null}
        onChange={(value) => set({ client_id: Number(value ?? 0) })}
        error={fieldError(save.error, 'client_id')}
        nothingFoundMessage="No client of that name"
      />
      <TextInput label="Name" required maxLength={200} value={input.name}
        onChange={(e) => set({ name: e.currentTarget.value })} error={fieldError(save.error, 'name')} />
      <TextInput label="Code" description="Letters, digits, dot, dash, underscore (e.g. ACME-ERP)" maxLength={50}
        value={input.code ?? ''} onChange={(e) => set({ code: e.currentTarget.value })} error={fieldError(save.error, 'code')} />
      <Select label="Status" required allowDeselect={false}
        data={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
        value={input.status ?? 'active'} onChange={(value) => set({ status: (value ?? 'active') as ProjectStatus })} />
      <Group grow>
        <TextInput type="date" label="Start date" value={input.start_date ?? ''}
          onChange={(e) => set({ start_date: e.currentTarget.value })} error={fieldError(save.error, 'start_date')} />
        <TextInput type="date" label="End date" value={input.end_date ?? ''}
          onChange={(e) => set({ end_date: e.currentTarget.value })} error={fieldError(save.error, 'end_date')} />
      </Group>
      <Textarea label="Description" maxLength={4000} rows={3} value={input.description ?? ''}
        onChange={(e) => set({ description: e.currentTarget.value })} error={fieldError(save.error, 'description')} />
    </DialogForm>
  );
}
