import { Anchor, Badge, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { certApi } from '../../api/cert';
import { QueryView } from '../../components/Query';
import { Empty } from '../../components/States';
import { formatTime } from '../../components/time';
import { CertLink } from './common';
import { RunBadge } from './ScanRuns';

/** While a run scans, it is read again this often (ms) besides the refresh each `cert.scan_run.progress` event brings. */
export const RUN_POLL_MS = 3000;

/** One scan run: progress while it runs (live events, polling as a fallback), then every target's result with its error. */
export default function ScanRunDetail() {
  const id = Number(useParams().id);
  const run = useQuery({
    queryKey: ['cert', 'scan-runs', 'detail', id],
    queryFn: () => certApi.scanRun(id),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? RUN_POLL_MS : false),
  });
  const running = run.data?.status === 'running';
  const results = useQuery({
    queryKey: ['cert', 'scans', 'run', id, run.data?.succeeded_count, run.data?.failed_count],
    queryFn: () => certApi.scans({ scan_run_id: id, limit: 1000 }),
    enabled: run.isSuccess,
    placeholderData: (previous) => previous,
  });
  const ids = [...new Set((results.data?.results ?? []).map((s) => s.certificate_id).filter((c): c is number => !!c))].sort((a, b) => a - b);
  const names = useQuery({
    queryKey: ['cert', 'certificates', 'ids', ids],
    queryFn: () => certApi.certificatesByIds(ids),
    enabled: ids.length > 0,
  });
  const nameOf = new Map((names.data?.results ?? []).map((c) => [c.id, c.common_name || c.subject_dn]));
  return (
    <QueryView query={run}>
      {(r) => {
        const total = r.target_count ?? 0;
        const done = (r.succeeded_count ?? 0) + (r.failed_count ?? 0);
        const percent = total === 0 ? 100 : Math.round((done / total) * 100);
        return (
          <Stack>
            <Group justify="space-between">
              <Title order={2}>Scan run {r.id}</Title>
              <Anchor component={Link} to="/certs/scan-runs">All runs</Anchor>
            </Group>
            <Card withBorder>
              <Stack gap="xs">
                <Group><RunBadge run={r} /><Text size="sm">requested by {r.requested_by ?? '—'}, started {formatTime(r.started_at)}{r.finished_at ? `, finished ${formatTime(r.finished_at)}` : ''}</Text></Group>
                <Progress value={percent} aria-label={`Scan progress: ${done} of ${total} targets`} animated={running} />
                <Text size="sm" role="status" aria-live="polite">
                  {done} of {total} targets scanned: {r.succeeded_count ?? 0} succeeded, {r.failed_count ?? 0} failed, {r.pending_count ?? 0} pending
                </Text>
              </Stack>
            </Card>
            <Title order={3} size="h4">Results</Title>
            <QueryView query={results}>
              {(page) => (page.results ?? []).length === 0 ? <Empty>No target has been scanned yet.</Empty> : (
                <Table.ScrollContainer minWidth={1000}>
                  <Table striped aria-label="Scan results">
                    <Table.Thead>
                      <Table.Tr><Table.Th>Target</Table.Th><Table.Th>Result</Table.Th><Table.Th>Certificate</Table.Th><Table.Th>TLS</Table.Th><Table.Th>Trusted</Table.Th><Table.Th>Hostname match</Table.Th><Table.Th>Error</Table.Th><Table.Th>When</Table.Th></Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {(page.results ?? []).map((s) => (
                        <Table.Tr key={s.id}>
                          <Table.Td>{s.host}:{s.port}{s.sni ? ` (SNI ${s.sni})` : ''}{s.peer_address ? ` · ${s.peer_address}` : ''}</Table.Td>
                          <Table.Td><Badge color={s.result === 'success' ? 'green' : 'red'} variant="dot">{s.result}</Badge></Table.Td>
                          <Table.Td><CertLink id={s.certificate_id} name={nameOf.get(s.certificate_id)} /></Table.Td>
                          <Table.Td>{s.tls_version ?? '—'}{s.cipher_suite ? ` ${s.cipher_suite}` : ''}</Table.Td>
                          <Table.Td>{s.result !== 'success' ? '—' : s.trusted ? 'yes' : `no${s.trust_error ? `: ${s.trust_error}` : ''}`}</Table.Td>
                          <Table.Td>{s.result !== 'success' ? '—' : s.hostname_match ? 'yes' : 'no'}</Table.Td>
                          <Table.Td>{s.error ?? '—'}</Table.Td>
                          <Table.Td>{formatTime(s.scanned_at)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </QueryView>
          </Stack>
        );
      }}
    </QueryView>
  );
}
