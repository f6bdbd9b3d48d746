import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Card, Code, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { TRACKING_STATUSES, certApi, type Certificate, type Tracking, type TrackingInput, type TrackingStatus } from '../../api/cert';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ResultTable } from '../../components/ResultTable';
import { QueryView } from '../../components/Query';
import { Empty, fieldError } from '../../components/States';
import { formatTime } from '../../components/time';
import { BindingForm } from './BindingForm';
import { CertLink, StatusBadge, cnOf, daysLeft, describeDays } from './common';
import { DialogForm, useSave } from '../../components/Form';

/** The issuers above a certificate, nearest first, as far as they are stored (at most 8, no loops). */
async function issuersOf(cert: Certificate): Promise<Certificate[]> {
  const chain: Certificate[] = [];
  const seen = new Set([cert.id]);
  let next = cert.self_signed ? undefined : cert.issuer_id;
  while (next && !seen.has(next) && chain.length < 8) {
    const issuer = await certApi.certificates.get(next);
    chain.push(issuer);
    seen.add(issuer.id);
    next = issuer.self_signed ? undefined : issuer.issuer_id;
  }
  return chain;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={200}>{label}</Table.Th>
      <Table.Td style={{ wordBreak: 'break-all' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

function keyOf(c: Certificate): string {
  const size = c.key_curve ?? (c.key_size ? `${c.key_size} bits` : undefined);
  return [c.key_algorithm?.toUpperCase(), size].filter(Boolean).join(' ') || '—';
}

/** Subject, issuer and validity, key and thumbprints. */
function Facts({ cert }: { cert: Certificate }) {
  return (
    <Table aria-label="Certificate facts">
      <Table.Tbody>
        <Row label="Subject">{cert.subject_dn}</Row>
        <Row label="Issuer">
          {cert.self_signed ? <>{cert.issuer_dn} <Badge variant="dot" color="gray">self-signed</Badge></>
            : cert.issuer_id ? <CertLink id={cert.issuer_id} name={cert.issuer_dn} /> : <>{cert.issuer_dn} (not stored)</>}
        </Row>
        <Row label="Status"><StatusBadge status={cert.status} />{cert.replaced_by_id && <> by <CertLink id={cert.replaced_by_id} name="its successor" /></>}</Row>
        <Row label="Valid from">{formatTime(cert.not_before)}</Row>
        <Row label="Valid until">{formatTime(cert.not_after)} ({describeDays(daysLeft(cert.not_after))})</Row>
        <Row label="Key">{keyOf(cert)}</Row>
        <Row label="Signature algorithm">{cert.signature_algorithm ?? '—'}</Row>
        <Row label="CA">{cert.is_ca ? 'yes' : 'no'}</Row>
        <Row label="Serial number"><Code>{cert.serial_number}</Code></Row>
        <Row label="SHA-256 thumbprint"><Code>{cert.sha256_thumbprint}</Code></Row>
        <Row label="SHA-1 thumbprint"><Code>{cert.sha1_thumbprint}</Code></Row>
        <Row label="SPKI SHA-256"><Code>{cert.spki_sha256}</Code></Row>
        <Row label="Source">{cert.source}; first seen {formatTime(cert.first_seen_at)}, last seen {formatTime(cert.last_seen_at)}</Row>
        <Row label="Tags">{(cert.tags ?? []).length ? (cert.tags ?? []).join(', ') : '—'}</Row>
      </Table.Tbody>
    </Table>
  );
}

const SAN_LABEL: Record<string, string> = { dns: 'DNS names', ip: 'IP addresses', email: 'Email addresses', uri: 'URIs', other: 'Other names' };

/** The SANs grouped by type, in the certificate's order. */
function Sans({ cert }: { cert: Certificate }) {
  const sans = cert.sans ?? [];
  if (sans.length === 0) return <Empty>No subject alternative name.</Empty>;
  const types = [...new Set(sans.map((s) => s.type ?? 'other'))];
  return (
    <Stack gap="xs">
      {types.map((type) => (
        <div key={type}>
          <Text fw={700} size="sm">{SAN_LABEL[type] ?? type}</Text>
          <Text size="sm" component="ul" m={0}>
            {sans.filter((s) => (s.type ?? 'other') === type).map((s) => <li key={s.value}>{s.value}</li>)}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

/** Create (no entry given) or edit a tracking entry of the certificate. */
function TrackingForm({ certificateId, entry, onDone }: { certificateId: number; entry?: Tracking; onDone: () => void }) {
  const [input, setInput] = useState<TrackingInput>({
    certificate_id: certificateId,
    change_number: entry?.change_number ?? '',
    planned_date: entry?.planned_date ?? '',
    status: entry?.status ?? 'planned',
    notes: entry?.notes ?? '',
  });
  const save = useSave(() => {
    const body: TrackingInput = {
      certificate_id: certificateId,
      status: input.status,
      change_number: input.change_number?.trim() || undefined,
      planned_date: input.planned_date || undefined,
      notes: input.notes?.trim() || undefined,
    };
    return entry ? certApi.tracking.replace(entry.id ?? 0, entry.version ?? 0, body) : certApi.tracking.create(body);
  }, ['cert', 'tracking'], onDone);
  return (
    <DialogForm save={save} onCancel={onDone} submit={entry ? 'Save' : 'Add entry'}>
      <TextInput label="Change number" value={input.change_number ?? ''} error={fieldError(save.error, 'change_number')}
        onChange={(e) => setInput({ ...input, change_number: e.currentTarget.value })} />
      <TextInput label="Planned date" type="date" value={input.planned_date ?? ''} error={fieldError(save.error, 'planned_date')}
        onChange={(e) => setInput({ ...input, planned_date: e.currentTarget.value })} />
      <Select label="Status" data={TRACKING_STATUSES} value={input.status} allowDeselect={false}
        onChange={(v) => setInput({ ...input, status: (v ?? 'planned') as TrackingStatus })} />
      <Textarea label="Notes" value={input.notes ?? ''} onChange={(e) => setInput({ ...input, notes: e.currentTarget.value })} />
    </DialogForm>
  );
}

type Dialog = { kind: 'tracking'; entry?: Tracking } | { kind: 'binding' } | null;

/** One certificate: facts, SANs, chain, where it is bound, the domains it secures, scans that saw it, tracking entries. */
export default function CertificateDetail() {
  const id = Number(useParams().id);
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const cert = useQuery({ queryKey: ['cert', 'certificates', 'detail', id], queryFn: () => certApi.certificates.get(id) });
  const chain = useQuery({ queryKey: ['cert', 'certificates', 'chain', id, cert.data?.issuer_id], queryFn: () => issuersOf(cert.data!), enabled: cert.isSuccess });
  const issued = useQuery({ queryKey: ['cert', 'certificates', 'issued', id], queryFn: () => certApi.certificates.list({ issuer_id: id, limit: 20 }) });
  const bindings = useQuery({ queryKey: ['cert', 'bindings', 'certificate', id], queryFn: () => certApi.bindings.list({ certificate_id: id, limit: 200 }) });
  const domains = useQuery({ queryKey: ['cert', 'domains', 'certificate', id], queryFn: () => certApi.domains.list({ certificate_id: id, limit: 200 }) });
  const scans = useQuery({ queryKey: ['cert', 'scans', 'certificate', id], queryFn: () => certApi.scans({ certificate_id: id, limit: 20 }) });
  const tracking = useQuery({ queryKey: ['cert', 'tracking', 'certificate', id], queryFn: () => certApi.tracking.list({ certificate_id: id, limit: 100 }) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <QueryView query={cert}>
      {(c) => (
        <Stack>
          <Group justify="space-between">
            <Title order={2}>Certificate {c.common_name || cnOf(c.subject_dn)}</Title>
            <Anchor component={Link} to="/certs/certificates">All certificates</Anchor>
          </Group>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder><Title order={3} size="h4" mb="xs">Details</Title><Facts cert={c} /></Card>
            <Stack>
              <Card withBorder><Title order={3} size="h4" mb="xs">Subject alternative names</Title><Sans cert={c} /></Card>
              <Card withBorder>
                <Title order={3} size="h4" mb="xs">Chain</Title>
                <QueryView query={chain}>
                  {(issuers) => (
                    <Text component="ol" size="sm" m={0} aria-label="Chain, this certificate first">
                      <li>{c.common_name || c.subject_dn} (this certificate)</li>
                      {issuers.map((i) => <li key={i.id}><CertLink id={i.id} name={i.common_name || i.subject_dn} />{i.self_signed ? ' (root)' : ''}</li>)}
                      {!c.self_signed && !(issuers.at(-1)?.self_signed ?? false) && <li>{cnOf(issuers.at(-1)?.issuer_dn ?? c.issuer_dn)} (not stored)</li>}
                    </Text>
                  )}
                </QueryView>
                {(issued.data?.count ?? 0) > 0 && (
                  <Text size="sm" mt="xs">
                    Issued by this certificate: {(issued.data?.results ?? []).map((i, n) => <span key={i.id}>{n > 0 && ', '}<CertLink id={i.id} name={i.common_name} /></span>)}
                  </Text>
                )}
              </Card>
              <Card withBorder>
                <Title order={3} size="h4" mb="xs">Domains</Title>
                <QueryView query={domains}>
                  {(page) => (page.results ?? []).length === 0 ? <Empty>No domain is associated.</Empty>
                    : <Text size="sm">{(page.results ?? []).map((d) => d.name).join(', ')}</Text>}
                </QueryView>
              </Card>
            </Stack>
          </SimpleGrid>
          <Card withBorder>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h4">Bindings</Title>
              {editor && <Button size="xs" onClick={() => setDialog({ kind: 'binding' })}>Add binding</Button>}
            </Group>
            <ResultTable query={bindings} label="Bindings" empty="Not bound anywhere yet."
              headers={['Host', 'Address', 'Port', 'SNI', 'Platform', 'Application', 'Behind', 'Last seen']}
              row={(b) => (
                <>
                  <Table.Td>{b.host_name ?? '—'}</Table.Td>
                  <Table.Td>{b.ip_address ?? '—'}</Table.Td>
                  <Table.Td>{b.port ?? '—'}</Table.Td>
                  <Table.Td>{b.sni ?? '—'}</Table.Td>
                  <Table.Td>{b.platform}</Table.Td>
                  <Table.Td>{b.application_name ?? '—'}</Table.Td>
                  <Table.Td>{b.parent_binding_id ? <Anchor component={Link} to={`/certs/flows#binding-${b.parent_binding_id}`}>binding {b.parent_binding_id}</Anchor> : '—'}</Table.Td>
                  <Table.Td>{formatTime(b.last_seen_at)}</Table.Td>
                </>
              )} />
          </Card>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">Scan history</Title>
            <ResultTable query={scans} label="Scan history" empty="No scan has seen this certificate."
              headers={['When', 'Target', 'TLS', 'Trusted', 'Hostname match', 'Run']}
              row={(s) => (
                <>
                  <Table.Td>{formatTime(s.scanned_at)}</Table.Td>
                  <Table.Td>{s.host}:{s.port}{s.sni ? ` (SNI ${s.sni})` : ''}</Table.Td>
                  <Table.Td>{s.tls_version ?? '—'} {s.cipher_suite ?? ''}</Table.Td>
                  <Table.Td>{s.trusted ? 'yes' : `no${s.trust_error ? `: ${s.trust_error}` : ''}`}</Table.Td>
                  <Table.Td>{s.hostname_match ? 'yes' : 'no'}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/certs/scan-runs/${s.scan_run_id}`}>Run {s.scan_run_id}</Anchor></Table.Td>
                </>
              )} />
          </Card>
          <Card withBorder>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h4">Tracking</Title>
              {editor && <Button size="xs" onClick={() => setDialog({ kind: 'tracking' })}>Add tracking entry</Button>}
            </Group>
            <ResultTable query={tracking} label="Tracking entries" empty="No tracking entry."
              headers={['Change', 'Planned', 'Status', 'Notes', ...(editor ? ['Actions'] : [])]}
              row={(t) => (
                <>
                  <Table.Td>{t.change_number || '—'}</Table.Td>
                  <Table.Td>{t.planned_date ?? '—'}</Table.Td>
                  <Table.Td>{t.status}</Table.Td>
                  <Table.Td>{t.notes ?? ''}</Table.Td>
                  {editor && (
                    <Table.Td>
                      <Button size="xs" variant="light" aria-label={`Edit tracking entry ${t.change_number || t.id}`}
                        onClick={() => setDialog({ kind: 'tracking', entry: t })}>Edit</Button>
                    </Table.Td>
                  )}
                </>
              )} />
          </Card>
          <Modal opened={dialog !== null} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }}
            title={dialog?.kind === 'binding' ? 'New binding' : dialog?.entry ? 'Edit tracking entry' : 'New tracking entry'}>
            {dialog?.kind === 'tracking' && <TrackingForm certificateId={id} entry={dialog.entry} onDone={close} />}
            {dialog?.kind === 'binding' && <BindingForm certificateId={id} onDone={close} />}
          </Modal>
        </Stack>
      )}
    </QueryView>
  );
}
