import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router';
import { PROJECT_STATUSES, projectApi, type Project } from '../../api/projects';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ChoiceFilter, SearchFilter, listFeatures, useListParams, type ListParams } from '../../components/List';
import { formatTime } from '../../components/time';
import { PROJECT_STATUS_LABELS, ProjectForm } from './ProjectForm';
import { PagedTable, usePagedQuery } from '../../components/PagedList';

const FILTERS = ['q', 'status', 'client_id'];
const SORTABLE = ['name', 'code', 'status', 'start_date', 'updated_at'];

/** The client filter (`client_id`), offering the clients the user sees (those of their projects). */
function ClientFilter({ list }: { list: ListParams }) {
  const clients = useQuery({
    queryKey: ['project', 'clients', 'choices'],
    queryFn: () => projectApi.clients({ ordering: 'name', limit: 1000 }),
  });
  return (
    <Select
      label="Client"
      searchable
      clearable
      w={220}
      data={(clients.data?.results ?? []).map((c) => ({ value: String(c.id), label: c.name ?? '' }))}
      value={list.get('client_id') ?? null}
      onChange={(value) => list.update({ client_id: value ?? undefined })}
    />
  );
}

const helper = createColumnHelper<typeof listFeatures, Project>();

/**
 * "My projects": the projects the user sees (an administrator all of them, anyone else those
 * assigned to them; the API decides), with search, status and client filters, ordering and pages
 * in the URL. Read-only except for administrators, who create projects here. Live: every
 * `project.*` event the user receives refreshes the list.
 */
export default function Projects() {
  const { session } = useAuth();
  const admin = hasRole(session.roles, 'admin');
  const navigate = useNavigate();
  const list = useListParams('name');
  const projects = usePagedQuery(['project', 'projects'], projectApi.projects, list, FILTERS);
  const [creating, setCreating] = useState(false);

  const columns = useMemo(() => helper.columns([
    helper.accessor('name', {
      id: 'name',
      header: 'Project',
      cell: (c) => <Anchor component={Link} to={`/projects/${c.row.original.id}`}>{c.getValue()}</Anchor>,
    }),
    helper.accessor('code', { id: 'code', header: 'Code', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('client_name', { id: 'client_name', header: 'Client' }),
    helper.accessor('status', {
      id: 'status',
      header: 'Status',
      cell: (c) => <Badge variant="dot" color={c.getValue() === 'active' ? 'green' : 'gray'}>{PROJECT_STATUS_LABELS[c.getValue() ?? 'active']}</Badge>,
    }),
    helper.accessor('start_date', { id: 'start_date', header: 'Start', cell: (c) => c.getValue() ?? '—' }),
    helper.accessor('updated_at', { id: 'updated_at', header: 'Updated', cell: (c) => formatTime(c.getValue()) }),
  ]), []);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{admin ? 'Projects' : 'My projects'}</Title>
        {admin && <Button onClick={() => setCreating(true)}>New project</Button>}
      </Group>
      {!admin && <Text size="sm">The projects assigned to you. Ask an administrator to be added to another one.</Text>}
      <Group align="end">
        <SearchFilter list={list} placeholder="Name, code, description…" />
        <ClientFilter list={list} />
        <ChoiceFilter list={list} name="status" label="Status" data={PROJECT_STATUSES} />
      </Group>
      <PagedTable page={projects} empty={admin ? 'No project matches these filters.' : 'No project assigned to you matches these filters.'} label="Projects" columns={columns} list={list} sortable={SORTABLE} noun="projects" />
      <Modal opened={creating} onClose={() => setCreating(false)} title="New project" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        {creating && (
          <ProjectForm onDone={(saved) => {
            setCreating(false);
            if (saved?.id) void navigate(`/projects/${saved.id}`);
          }} />
        )}
      </Modal>
    </Stack>
  );
}
