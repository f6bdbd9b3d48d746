import { useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { gatewayApi, type DirectoryUser } from '../../api/gateway';
import { projectApi, type Assignment } from '../../api/projects';
import { QueryView } from '../../components/Query';
import { ProblemAlert } from '../../components/States';
import { formatTime } from '../../components/time';

const label = (u: DirectoryUser) => {
  const name = [u.first_name, u.last_name].filter(Boolean).join(' ');
  return name ? `${u.username} (${name})` : (u.username ?? '');
};

/** Picks a person from Keycloak (through `GET /api/gateway/users?q=`) and assigns them to the project. */
function AddMember({ projectId, members }: { projectId: number; members: Assignment[] }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<string | null>(null);
  const users = useQuery({
    queryKey: ['gateway', 'users', debounced],
    queryFn: () => gatewayApi.users({ q: debounced, limit: 20 }),
  });
  const taken = new Set(members.map((m) => m.username));
  const candidates = (users.data?.results ?? []).filter((u) => u.enabled && !taken.has(u.username));
  const queries = useQueryClient();
  const assign = useMutation({
    mutationFn: () => {
      const user = candidates.find((u) => u.id === picked);
      return projectApi.assign({ project_id: projectId, username: user?.username ?? '', user_subject: user?.id });
    },
    onSuccess: () => {
      setPicked(null);
      setSearch('');
      void queries.invalidateQueries({ queryKey: ['project'] });
    },
  });
  return (
    <Stack gap="xs">
      <Group align="end">
        <Select
          label="User"
          placeholder="Search by name or e-mail"
          searchable
          clearable
          w={320}
          data={candidates.map((u) => ({ value: u.id ?? '', label: label(u) }))}
          searchValue={search}
          onSearchChange={setSearch}
          value={picked}
          onChange={setPicked}
          filter={({ options }) => options}
          nothingFoundMessage={users.isFetching ? 'Searching…' : 'No user found'}
          error={users.isError ? 'Users cannot be listed now' : undefined}
        />
        <Button onClick={() => assign.mutate()} disabled={!picked} loading={assign.isPending}>Add member</Button>
      </Group>
      {assign.isError && <ProblemAlert error={assign.error} />}
    </Stack>
  );
}

/** Removing a member: a button that asks once more in place. */
function RemoveMember({ member }: { member: Assignment }) {
  const [asking, setAsking] = useState(false);
  const queries = useQueryClient();
  const remove = useMutation({
    mutationFn: () => projectApi.unassign(member.id ?? 0, member.version ?? 0),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['project'] }),
  });
  if (!asking) {
    return <Button size="xs" variant="light" color="red" aria-label={`Remove ${member.username}`} onClick={() => setAsking(true)}>Remove</Button>;
  }
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
          Remove {member.username}
        </Button>
        <Button size="xs" variant="default" onClick={() => setAsking(false)}>Keep</Button>
      </Group>
      {remove.isError && <ProblemAlert error={remove.error} />}
    </Stack>
  );
}

/**
 * A project's members for administrators: who is assigned (and by whom, when), adding a user
 * picked from Keycloak and removing one. A member sees the project, its instances and its live
 * events; removal takes that away at once.
 */
export function ProjectMembers({ projectId }: { projectId: number }) {
  const members = useQuery({
    queryKey: ['project', 'assignments', { project_id: projectId }],
    queryFn: () => projectApi.assignments({ project_id: projectId, ordering: 'username', limit: 1000 }),
  });
  return (
    <Stack>
      <Title order={3} size="h4">Members</Title>
      <QueryView query={members}>
        {(page) => (
          <>
            {(page.results ?? []).length === 0 ? (
              <Text size="sm">No one is assigned: only administrators see this project.</Text>
            ) : (
              <Table aria-label="Members" maw={800}>
                <Table.Thead>
                  <Table.Tr><Table.Th>User</Table.Th><Table.Th>Assigned by</Table.Th><Table.Th>Assigned</Table.Th><Table.Th>Actions</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(page.results ?? []).map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.username}</Table.Td>
                      <Table.Td>{m.assigned_by ?? '—'}</Table.Td>
                      <Table.Td>{formatTime(m.assigned_at)}</Table.Td>
                      <Table.Td><RemoveMember member={m} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <AddMember projectId={projectId} members={page.results ?? []} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}
