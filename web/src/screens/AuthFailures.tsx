import { Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { gatewayApi } from '../api/gateway';
import { QueryView } from '../components/Query';
import { Empty } from '../components/States';
import { formatTime } from '../components/time';

/** Admin: the gateway's log of refused credentials, newest first. */
export default function AuthFailures() {
  const failures = useQuery({ queryKey: ['gateway', 'auth-failures'], queryFn: () => gatewayApi.authFailures({ limit: 100 }) });
  return (
    <Stack>
      <Title order={2}>Authentication failures</Title>
      <QueryView query={failures}>
        {(page) =>
          (page.results?.length ?? 0) === 0 ? (
            <Empty>No refused credential.</Empty>
          ) : (
            <Table aria-label="Authentication failures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Credential</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>Client</Table.Th>
                  <Table.Th>Request</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(page.results ?? []).map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{formatTime(f.occurred_at)}</Table.Td>
                    <Table.Td>{f.credential_type} {f.credential_hint}</Table.Td>
                    <Table.Td>{f.reason}</Table.Td>
                    <Table.Td>{f.client_ip}</Table.Td>
                    <Table.Td>{f.method} {f.path}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryView>
    </Stack>
  );
}
