import { useEffect, useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { projectApi, type Instance } from '../../api/projects';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { QueryView } from '../../components/Query';
import { formatTime } from '../../components/time';
import { DeleteInstance, InstanceForm, STATUS_LABELS, TYPE_LABELS, isActiveProduction } from './InstanceForm';
import { PROJECT_STATUS_LABELS, ProjectForm } from './ProjectForm';
import { ProjectMembers } from './ProjectMembers';

/** The newest health probe of an instance (`up`/`down` with the detected version or the reason), or "not probed". */
function Health({ instance }: { instance: Instance }) {
  const health = useQuery({
    queryKey: ['project', 'health', instance.id],
    queryFn: () => projectApi.latestHealth(instance.id ?? 0),
  });
  if (health.isPending) return <Text size="sm">…</Text>;
  if (health.isError) return <Text size="sm">unknown</Text>;
  const probe = health.data;
  if (!probe) return <Text size="sm">not probed</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={probe.status === 'up' ? 'green' : 'red'} variant="dot">{probe.status}</Badge>
      <Text size="xs" title={formatTime(probe.checked_at)}>
        {probe.status === 'up' ? probe.server_version : probe.error}
      </Text>
    </Group>
  );
}

type Dialog = { kind: 'edit-project' } | { kind: 'delete-project' } | { kind: 'new-instance' }
  | { kind: 'edit-instance'; instance: Instance } | { kind: 'delete-instance'; instance: Instance } | null;

/**
 * One project (visible to its members and administrators; anyone else gets "not found"): its
 * client, fields and Odoo instances with their newest health probe. Administrators edit and delete
 * the project, manage its instances and its members. `?instance=<id>` highlights an instance (the
 * link of a production-rule 409).
 */
export default function ProjectDetail() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const highlighted = Number(params.get('instance') ?? 0);
  const { session } = useAuth();
  const admin = hasRole(session.roles, 'admin');
  const navigate = useNavigate();
  const project = useQuery({ queryKey: ['project', 'projects', 'one', id], queryFn: () => projectApi.project(id) });
  const clientId = project.data?.client_id;
  const client = useQuery({
    queryKey: ['project', 'clients', 'one', clientId],
    queryFn: () => projectApi.client(clientId ?? 0),
    enabled: clientId !== undefined,
  });
  const instances = useQuery({
    queryKey: ['project', 'instances', { project_id: id }],
    queryFn: () => projectApi.instances({ project_id: id, ordering: 'name', limit: 1000 }),
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  useEffect(() => {
    if (highlighted && instances.data) document.getElementById(`instance-${highlighted}`)?.scrollIntoView?.({ block: 'center' });
  }, [highlighted, instances.data]);

  return (
    <QueryView query={project}>
      {(p) => {
        const c = client.data;
        const rows: [string, ReactNode][] = [
          ['Client', p.client_name ?? '—'],
          ['Contact', c ? [c.contact_name, c.contact_email, c.contact_phone].filter(Boolean).join(' · ') || '—' : '—'],
          ['Code', p.code ?? '—'],
          ['Status', PROJECT_STATUS_LABELS[p.status ?? 'active']],
          ['Dates', `${p.start_date ?? '—'} to ${p.end_date ?? '—'}`],
          ['Description', p.description ?? '—'],
          ['Updated', formatTime(p.updated_at)],
        ];
        return (
          <Stack>
            <Anchor component={Link} to="/projects" size="sm">{admin ? 'Projects' : 'My projects'}</Anchor>
            <Group justify="space-between">
              <Title order={2}>{p.name}</Title>
              {admin && (
                <Group>
                  <Button onClick={() => setDialog({ kind: 'edit-project' })}>Edit</Button>
                  <Button color="red" variant="light" onClick={() => setDialog({ kind: 'delete-project' })}>Delete</Button>
                </Group>
              )}
            </Group>
            <Table aria-label="Project details" maw={800}>
              <Table.Tbody>
                {rows.map(([label, value]) => (
                  <Table.Tr key={label}><Table.Th w={200}>{label}</Table.Th><Table.Td>{value}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between">
              <Title order={3} size="h4">Instances</Title>
              {admin && <Button variant="light" onClick={() => setDialog({ kind: 'new-instance' })}>New instance</Button>}
            </Group>
            <QueryView query={instances}>
              {(page) => (page.results ?? []).length === 0 ? <Text size="sm">No instance yet.</Text> : (
                <Table.ScrollContainer minWidth={800}>
                  <Table aria-label="Instances" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Name</Table.Th><Table.Th>Type</Table.Th><Table.Th>Status</Table.Th><Table.Th>URL</Table.Th>
                        <Table.Th>Odoo</Table.Th><Table.Th>Health</Table.Th>{admin && <Table.Th>Actions</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {(page.results ?? []).map((i) => (
                        <Table.Tr key={i.id} id={`instance-${i.id}`} aria-current={i.id === highlighted ? 'true' : undefined}
                          bg={i.id === highlighted ? 'var(--mantine-color-yellow-light)' : undefined}>
                          <Table.Td fw={i.id === highlighted ? 700 : undefined}>{i.name}</Table.Td>
                          <Table.Td>
                            <Badge variant={isActiveProduction(i) ? 'filled' : 'dot'} color={i.type === 'production' ? 'red' : 'blue'}>
                              {TYPE_LABELS[i.type ?? 'development']}
                            </Badge>
                          </Table.Td>
                          <Table.Td>{STATUS_LABELS[i.status ?? 'active']}</Table.Td>
                          <Table.Td>{i.url ? <Anchor href={i.url} target="_blank" rel="noreferrer">{i.url}</Anchor> : '—'}</Table.Td>
                          <Table.Td>{[i.odoo_version, i.odoo_edition].filter(Boolean).join(' ') || '—'}</Table.Td>
                          <Table.Td><Health instance={i} /></Table.Td>
                          {admin && (
                            <Table.Td>
                              <Group gap="xs" wrap="nowrap">
                                <Button size="xs" variant="light" aria-label={`Edit ${i.name}`}
                                  onClick={() => setDialog({ kind: 'edit-instance', instance: i })}>Edit</Button>
                                <Button size="xs" variant="light" color="red" aria-label={`Delete ${i.name}`}
                                  onClick={() => setDialog({ kind: 'delete-instance', instance: i })}>Delete</Button>
                              </Group>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </QueryView>
            {admin && <ProjectMembers projectId={id} />}
            <Modal opened={dialog !== null} onClose={close} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}
              title={{
                'edit-project': `Edit ${p.name}`,
                'delete-project': `Delete ${p.name}`,
                'new-instance': 'New instance',
                'edit-instance': 'Edit instance',
                'delete-instance': 'Delete instance',
              }[dialog?.kind ?? 'new-instance']}>
              {dialog?.kind === 'edit-project' && <ProjectForm project={p} onDone={close} />}
              {dialog?.kind === 'delete-project' && (
                <ConfirmDelete message={`Delete project ${p.name}? A project with instances or members cannot be deleted.`}
                  confirm="Delete project" remove={() => projectApi.removeProject(p.id ?? 0, p.version ?? 0)}
                  invalidates={['project']} onDone={() => { close(); void navigate('/projects'); }} />
              )}
              {dialog?.kind === 'new-instance' && <InstanceForm projectId={id} onDone={close} />}
              {dialog?.kind === 'edit-instance' && <InstanceForm projectId={id} instance={dialog.instance} onDone={close} />}
              {dialog?.kind === 'delete-instance' && <DeleteInstance instance={dialog.instance} onDone={close} />}
            </Modal>
          </Stack>
        );
      }}
    </QueryView>
  );
}
