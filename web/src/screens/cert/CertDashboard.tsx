import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { certApi } from '../../api/cert';
import { ResultTable } from '../../components/ResultTable';
import { QueryView } from '../../components/Query';
import { formatTime } from '../../components/time';
import { CertLink, daysLeft, describeDays } from './common';
import { localDay, localMonth, toMonths, userZone, type Month } from './timeline';

/** A count of certificates of a status, linking to the list with that filter. */
function StatusCount({ status, label }: { status: 'expiring' | 'expired'; label: string }) {
  const count = useQuery({ queryKey: ['cert', 'certificates', 'count', status], queryFn: () => certApi.certificates.list({ status, limit: 1 }) });
  return (
    <Card withBorder miw={180}>
      <Text size="sm">{label}</Text>
      <Anchor component={Link} to={`/certs/certificates?status=${status}`} size="xl" fw={700} aria-label={`${count.data?.count ?? '…'} ${label.toLowerCase()}`}>
        {count.isSuccess ? count.data.count ?? 0 : '…'}
      </Anchor>
    </Card>
  );
}

const WIDTH = 720;
const HEIGHT = 200;
const AXIS = 36;

/**
 * Certificates (not replaced) ending in each of the next 12 months (one call of the API's
 * `expiry-months`), as bars; the SVG is named by a
 * summary of every month, and each bar links to the list of that month.
 */
export function ExpiryTimeline({ data }: { data: { month: Month; count: number }[] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const slot = WIDTH / data.length;
  const chart = HEIGHT - AXIS;
  const summary = data.map((d) => `${d.month.label}: ${d.count}`).join(', ');
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="group" aria-label={`Certificates ending per month: ${summary}`} style={{ maxWidth: WIDTH }}>
      {data.map((d, i) => {
        const h = (d.count / max) * (chart - 18);
        const x = i * slot + slot * 0.15;
        const query = `expires_after=${localDay(d.month.start)}&expires_before=${localDay(d.month.end)}`;
        return (
          <Link key={d.month.label} to={`/certs/certificates?${query}`} aria-label={`${d.month.label}: ${d.count} certificate${d.count === 1 ? '' : 's'}`}>
            <rect x={x} y={chart - h} width={slot * 0.7} height={Math.max(h, 1)} fill="var(--mantine-color-blue-7)" />
            <text x={x + slot * 0.35} y={chart - h - 4} textAnchor="middle" fontSize="12" fill="var(--mantine-color-text)">{d.count}</text>
            <text x={x + slot * 0.35} y={HEIGHT - 14} textAnchor="middle" fontSize="11" fill="var(--mantine-color-text)">{d.month.label}</text>
          </Link>
        );
      })}
      <line x1={0} x2={WIDTH} y1={chart} y2={chart} stroke="var(--mantine-color-gray-6)" />
    </svg>
  );
}

/** cert-service's overview: expiring and expired counts, the 12-month expiry timeline, the next to expire, recent scan failures. */
export default function CertDashboard() {
  const now = new Date();
  const monthKey = `${now.getFullYear()}-${now.getMonth()}`;
  const timeline = useQuery({
    queryKey: ['cert', 'certificates', 'timeline', monthKey],
    queryFn: async () =>
      toMonths(await certApi.expiryMonths({ from: localMonth(now), months: 12, zone: userZone(), status__n: 'replaced' })),
  });
  const expiring = useQuery({
    queryKey: ['cert', 'certificates', 'expiring-next'],
    queryFn: () => certApi.certificates.list({ status: 'expiring', ordering: 'not_after', limit: 10 }),
  });
  const failures = useQuery({
    queryKey: ['cert', 'scans', 'failures'],
    queryFn: () => certApi.scans({ result: 'failure', limit: 10 }),
  });
  return (
    <Stack>
      <Title order={2}>Certificates overview</Title>
      <Group>
        <StatusCount status="expiring" label="Expiring" />
        <StatusCount status="expired" label="Expired" />
      </Group>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">Expiry timeline (next 12 months)</Title>
        <QueryView query={timeline}>{(data) => <ExpiryTimeline data={data} />}</QueryView>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Expiring soon</Title>
          <ResultTable query={expiring} label="Expiring soon" empty="No certificate is expiring."
            headers={['Certificate', 'Ends', 'Left']}
            row={(c) => (
              <>
                <Table.Td><CertLink id={c.id} name={c.common_name} /></Table.Td>
                <Table.Td>{formatTime(c.not_after)}</Table.Td>
                <Table.Td>{describeDays(daysLeft(c.not_after))}</Table.Td>
              </>
            )} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Recent scan failures</Title>
          <ResultTable query={failures} label="Recent scan failures" empty="No scan failed."
            headers={['Target', 'When', 'Error']}
            row={(s) => (
              <>
                <Table.Td>
                  <Anchor component={Link} to={`/certs/scan-runs/${s.scan_run_id}`}>{s.host}:{s.port}</Anchor>
                </Table.Td>
                <Table.Td>{formatTime(s.scanned_at)}</Table.Td>
                <Table.Td>{s.error ?? '—'}</Table.Td>
              </>
            )} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
