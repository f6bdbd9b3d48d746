import { type ReactNode } from 'react';
import { Anchor, Badge, Button, Card, Code, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { certApi, type CaaReport, type CaaVerdict, type Domain, type DomainNode } from '../../api/cert';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert } from '../../components/States';
import { formatTime } from '../../components/time';
import { CertLink, DnsBadge, RdapBadge, StatusBadge, cnOf, daysLeft, describeDays } from './common';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={200}>{label}</Table.Th>
      <Table.Td style={{ wordBreak: 'break-word' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">{title}</Title>
      {children}
    </Card>
  );
}

/** RDAP registration data and the state of the last query. */
function RegistrationFacts({ domain }: { domain: Domain }) {
  if (!domain.registrable) {
    return <Text size="sm">A subdomain: its registration is that of <Anchor component={Link} to={`/certs/domains/${domain.parent_id}`}>{domain.parent_name}</Anchor> and the domains above it.</Text>;
  }
  const r = domain.registration;
  return (
    <Table aria-label="Registration">
      <Table.Tbody>
        <Row label="Registrar">{r?.registrar ?? '—'}{r?.registrar_iana_id && <Text span size="sm"> (IANA ID {r.registrar_iana_id})</Text>}</Row>
        <Row label="Registered">{formatTime(r?.registered_at)}</Row>
        <Row label="Expires">{r?.expires_at ? `${formatTime(r.expires_at)} (${describeDays(daysLeft(r.expires_at))})` : '—'}</Row>
        <Row label="Last changed">{formatTime(r?.last_changed_at)}</Row>
        <Row label="Status">{(r?.status ?? []).length ? (r?.status ?? []).map((s) => <Badge key={s} variant="default" mr={4} tt="none">{s}</Badge>) : '—'}</Row>
        <Row label="Name servers">{(r?.nameservers ?? []).join(', ') || '—'}</Row>
        <Row label="Last query">
          <RdapBadge result={r?.result} /> {r?.checked_at && <>at {formatTime(r.checked_at)}</>}
          {r?.error && <Text size="sm" c="red.9">{r.error}</Text>}
          {r?.retry_at && <Text size="sm">Not queried again before {formatTime(r.retry_at)}.</Text>}
          {r?.succeeded_at && r.result !== 'ok' && <Text size="sm">The data shown are from {formatTime(r.succeeded_at)}.</Text>}
        </Row>
        <Row label="RDAP URL">{r?.rdap_url ? <Code>{r.rdap_url}</Code> : '—'}</Row>
      </Table.Tbody>
    </Table>
  );
}

/** The current records and the lookup's state. */
function DnsRecords({ domain }: { domain: Domain }) {
  const records = useQuery({ queryKey: ['cert', 'dns-records', domain.id], queryFn: () => certApi.dnsRecords({ domain_id: domain.id, limit: 1000, ordering: 'record_type' }) });
  return (
    <Stack gap="xs">
      <Text size="sm" component="div">Last lookup: <DnsBadge result={domain.dns?.result} /> {domain.dns?.checked_at && <>at {formatTime(domain.dns.checked_at)}</>}</Text>
      {domain.dns?.error && <Text size="sm" c="red.9">{domain.dns.error}</Text>}
      <QueryView query={records}>
        {(page) => (page.results ?? []).length === 0 ? <Empty>No DNS record is known for this name.</Empty> : (
          <Table aria-label="DNS records">
            <Table.Thead><Table.Tr><Table.Th>Type</Table.Th><Table.Th>Value</Table.Th><Table.Th>TTL (s)</Table.Th><Table.Th>First seen</Table.Th><Table.Th>Last seen</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(page.results ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.record_type}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}><Code>{r.value}</Code></Table.Td>
                  <Table.Td>{r.ttl}</Table.Td>
                  <Table.Td>{formatTime(r.first_seen_at)}</Table.Td>
                  <Table.Td>{formatTime(r.last_seen_at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}

/** What changed in the records, newest first (the latest 100). */
function DnsHistory({ domain }: { domain: Domain }) {
  const changes = useQuery({ queryKey: ['cert', 'dns-record-changes', domain.id], queryFn: () => certApi.dnsChanges({ domain_id: domain.id, limit: 100 }) });
  return (
    <QueryView query={changes}>
      {(page) => (page.results ?? []).length === 0 ? <Empty>No change recorded yet.</Empty> : (
        <Stack gap="xs">
          <Table aria-label="DNS record history">
            <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Change</Table.Th><Table.Th>Type</Table.Th><Table.Th>Value</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(page.results ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatTime(c.changed_at)}</Table.Td>
                  <Table.Td><Badge variant="dot" color={c.action === 'added' ? 'green' : 'red'}>{c.action}</Badge></Table.Td>
                  <Table.Td>{c.record_type}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}><Code>{c.value}</Code></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {(page.count ?? 0) > 100 && <Text size="sm">The latest 100 of {page.count} changes.</Text>}
        </Stack>
      )}
    </QueryView>
  );
}

const VERDICT: Record<string, { label: string; color: string }> = {
  allowed: { label: 'allowed by CAA', color: 'green' },
  not_allowed: { label: 'not allowed by CAA', color: 'red' },
  unknown_issuer: { label: 'CA not known', color: 'gray' },
  no_caa: { label: 'no CAA: any CA', color: 'gray' },
};

function Verdict({ v }: { v: CaaVerdict }) {
  const shown = VERDICT[v.verdict ?? ''] ?? { label: v.verdict ?? '—', color: 'gray' };
  return <Badge color={shown.color} variant={v.mismatch ? 'filled' : 'dot'}>{v.mismatch ? `Mismatch: ${shown.label}` : shown.label}</Badge>;
}

/** The CAA records that apply, and each certificate's issuer judged against them. */
function Caa({ report }: { report: CaaReport }) {
  return (
    <Stack gap="xs">
      {report.caa_domain
        ? <Text size="sm">CAA records of <b>{report.caa_domain}</b>{report.caa_domain !== report.domain && ' (the nearest parent that has some)'}: issue {report.issue?.length ? report.issue.join(', ') : 'none'}; issuewild {report.issuewild?.length ? report.issuewild.join(', ') : (report.records ?? []).some((r) => r.tag === 'issuewild') ? 'no CA' : 'as issue'}.</Text>
        : <Text size="sm">{report.dns_checked_at ? 'No CAA record applies: every CA may issue.' : 'DNS not looked up yet: CAA unknown.'}</Text>}
      {report.mismatch && <Text size="sm" c="red.9" fw={700}>A certificate in use was issued by a CA that these CAA records do not allow: its renewal would be refused.</Text>}
      {(report.certificates ?? []).length === 0 ? <Empty>No certificate secures this domain.</Empty> : (
        <Table aria-label="Certificates and CAA">
          <Table.Thead><Table.Tr><Table.Th>Certificate</Table.Th><Table.Th>Issuer</Table.Th><Table.Th>CA's CAA names</Table.Th><Table.Th>Ends</Table.Th><Table.Th>Status</Table.Th><Table.Th>CAA</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(report.certificates ?? []).map((c) => (
              <Table.Tr key={c.certificate_id}>
                <Table.Td><CertLink id={c.certificate_id} name={c.common_name} />{c.wildcard && <Badge ml={4} size="xs" variant="default">wildcard</Badge>}</Table.Td>
                <Table.Td>{cnOf(c.issuer_dn)}</Table.Td>
                <Table.Td>{(c.issuer_caa ?? []).join(', ') || '—'}</Table.Td>
                <Table.Td>{formatTime(c.not_after)}</Table.Td>
                <Table.Td><StatusBadge status={c.status} /></Table.Td>
                <Table.Td><Verdict v={c} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Tree({ node, root }: { node: DomainNode; root?: boolean }) {
  const label = root ? <b>{node.name}</b> : <Anchor component={Link} to={`/certs/domains/${node.id}`}>{node.name}</Anchor>;
  return (
    <List.Item>
      {label} <Text span size="sm">({node.certificate_count} certificate{node.certificate_count === 1 ? '' : 's'})</Text>
      {(node.children ?? []).length > 0 && (
        <List withPadding listStyleType="disc">{(node.children ?? []).map((c) => <Tree key={c.id} node={c} />)}</List>
      )}
    </List.Item>
  );
}

/** A domain: registration (RDAP), DNS records with their history and CAA, subdomains, certificates and hosts. */
export default function DomainDetail() {
  const id = Number(useParams().id);
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const client = useQueryClient();
  const domain = useQuery({ queryKey: ['cert', 'domains', 'detail', id], queryFn: () => certApi.domains.get(id) });
  const caa = useQuery({ queryKey: ['cert', 'domains', 'caa', id], queryFn: () => certApi.domainCaa(id) });
  const tree = useQuery({ queryKey: ['cert', 'domains', 'tree', id], queryFn: () => certApi.domainTree(id) });
  const hosts = useQuery({ queryKey: ['cert', 'domains', 'hosts', id], queryFn: () => certApi.domainHosts(id) });
  const refreshed = () => { void client.invalidateQueries({ queryKey: ['cert'] }); };
  const rdap = useMutation({ mutationFn: () => certApi.refreshRegistration(id), onSuccess: refreshed });
  const dns = useMutation({ mutationFn: () => certApi.refreshDns(id), onSuccess: refreshed });

  return (
    <QueryView query={domain}>
      {(d) => (
        <Stack>
          <Group justify="space-between">
            <div>
              <Title order={2}>{d.name}</Title>
              <Text size="sm">{d.parent_id ? <>Subdomain of <Anchor component={Link} to={`/certs/domains/${d.parent_id}`}>{d.parent_name}</Anchor></> : 'Registrable domain'}</Text>
            </div>
            {editor && (
              <Group>
                {d.registrable && <Button variant="default" onClick={() => rdap.mutate()} loading={rdap.isPending}>Query RDAP now</Button>}
                <Button variant="default" onClick={() => dns.mutate()} loading={dns.isPending}>Look up DNS now</Button>
              </Group>
            )}
          </Group>
          {rdap.isError && <ProblemAlert error={rdap.error} />}
          {dns.isError && <ProblemAlert error={dns.error} />}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Section title="Registration"><RegistrationFacts domain={d} /></Section>
            <Section title="Subdomains">
              <QueryView query={tree}>
                {(t) => (t.children ?? []).length === 0 ? <Empty>No subdomain is known.</Empty> : <List listStyleType="none"><Tree node={t} root /></List>}
              </QueryView>
            </Section>
          </SimpleGrid>
          <Section title="DNS records"><DnsRecords domain={d} /></Section>
          <Section title="DNS record history"><DnsHistory domain={d} /></Section>
          <Section title="Certificates and CAA"><QueryView query={caa}>{(r) => <Caa report={r} />}</QueryView></Section>
          <Section title="Hosts">
            <QueryView query={hosts}>
              {(list) => list.length === 0 ? <Empty>No host is named in this domain or serves its certificates.</Empty> : (
                <Table aria-label="Hosts of the domain">
                  <Table.Thead><Table.Tr><Table.Th>Host</Table.Th><Table.Th>Type</Table.Th><Table.Th>Addresses</Table.Th><Table.Th>Why</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {list.map((h) => (
                      <Table.Tr key={h.host?.id}>
                        <Table.Td>{h.host?.name}</Table.Td>
                        <Table.Td>{h.host?.host_type}</Table.Td>
                        <Table.Td>{(h.host?.ip_addresses ?? []).map((i) => i.ip_address).join(', ') || '—'}</Table.Td>
                        <Table.Td>{(h.via ?? []).map((v) => (v === 'name' ? 'named in the domain' : 'serves its certificate')).join('; ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </QueryView>
          </Section>
        </Stack>
      )}
    </QueryView>
  );
}
