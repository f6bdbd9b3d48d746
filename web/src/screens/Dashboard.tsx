import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { vmApi } from '../api/vm';
import { QueryView } from '../components/Query';
import { Empty } from '../components/States';
import { formatTime } from '../components/time';

function Counts({ title, counts, filter }: { title: string; counts?: Record<string, number>; filter: string }) {
  const entries = Object.entries(counts ?? {});
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">{title}</Title>
      {entries.length === 0 ? (
        <Empty>None yet.</Empty>
      ) : (
        <Table>
          <Table.Tbody>
            {entries.map(([key, count]) => (
              <Table.Tr key={key}>
                <Table.Td>
                  <Link to={`/vms?${filter}=${encodeURIComponent(key)}`}>{key}</Link>
                </Table.Td>
                <Table.Td ta="right">{count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

const STATUS_COLOR: Record<string, string> = { succeeded: 'green', failed: 'red', running: 'blue' };

/** VMs by platform and power state, and the last sync of each source. */
export default function Dashboard() {
  const stats = useQuery({ queryKey: ['vm', 'stats'], queryFn: vmApi.stats });
  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      <QueryView query={stats}>
        {(s) => (
          <>
            <Group>
              <Card withBorder>
                <Text size="sm">Virtual machines</Text>
                <Text size="xl" fw={700} data-testid="total-vms">{s.total_vms ?? 0}</Text>
              </Card>
              <Card withBorder>
                <Text size="sm">Networks in use</Text>
                <Text size="xl" fw={700}>{s.networks?.in_use ?? 0} / {s.networks?.total ?? 0}</Text>
              </Card>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Counts title="By platform" counts={s.platforms} filter="platform" />
              <Counts title="By power state" counts={s.power_states} filter="power_state" />
              <Counts title="By OS family" counts={s.os_families} filter="os_family" />
            </SimpleGrid>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">Last sync per source</Title>
              {(s.last_runs ?? []).length === 0 ? (
                <Empty>No sync has run yet.</Empty>
              ) : (
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Platform</Table.Th>
                      <Table.Th>Source</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Finished</Table.Th>
                      <Table.Th ta="right">VMs seen</Table.Th>
                      <Table.Th ta="right">Created / updated / deleted</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(s.last_runs ?? []).map((run) => (
                      <Table.Tr key={run.run_id}>
                        <Table.Td>{run.platform}</Table.Td>
                        <Table.Td>{run.source}</Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLOR[run.status ?? ''] ?? 'gray'} variant="dot">{run.status}</Badge>
                        </Table.Td>
                        <Table.Td>{formatTime(run.finished_at ?? run.started_at)}</Table.Td>
                        <Table.Td ta="right">{run.vm_count_seen}</Table.Td>
                        <Table.Td ta="right">
                          {run.created_count} / {run.updated_count} / {run.deleted_count}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          </>
        )}
      </QueryView>
    </Stack>
  );
}
