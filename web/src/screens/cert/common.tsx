import { Anchor, Badge, Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { CertificateStatus, DnsResult, RdapResult } from '../../api/cert';
import { useAuth } from '../../auth/AuthContext';
import { hasRole, type Role } from '../../auth/roles';

const STATUS_COLOR: Record<CertificateStatus, string> = { valid: 'green', expiring: 'orange', expired: 'red', replaced: 'gray' };

/** A certificate's status as a coloured badge (the text carries the meaning; colour only repeats it). */
export function StatusBadge({ status }: { status?: CertificateStatus }) {
  return status ? <Badge color={STATUS_COLOR[status]} variant="dot">{status}</Badge> : <>—</>;
}

const RDAP_COLOR: Record<RdapResult, string> = { ok: 'green', not_found: 'orange', rate_limited: 'yellow', malformed: 'red', error: 'red', no_server: 'gray', refused: 'red' };
const DNS_COLOR: Record<DnsResult, string> = { ok: 'green', nxdomain: 'orange', error: 'red' };

/** The outcome of a domain's last RDAP query ("not queried yet" before the first). */
export function RdapBadge({ result }: { result?: RdapResult | null }) {
  return result ? <Badge color={RDAP_COLOR[result]} variant="dot">{result.replace('_', ' ')}</Badge> : <>not queried yet</>;
}

/** The outcome of a domain's last DNS lookup ("not looked up yet" before the first). */
export function DnsBadge({ result }: { result?: DnsResult | null }) {
  return result ? <Badge color={DNS_COLOR[result]} variant="dot">{result}</Badge> : <>not looked up yet</>;
}

const DAY = 86_400_000;

/** @returns whole days from `now` to `instant` (negative once past), or undefined without a value */
export function daysLeft(instant?: string | null, now = Date.now()): number | undefined {
  return instant ? Math.floor((new Date(instant).getTime() - now) / DAY) : undefined;
}

/** "in 12 days", "today", "3 days ago". */
export function describeDays(days?: number): string {
  if (days === undefined) return '—';
  if (days === 0) return 'today';
  return days > 0 ? `in ${days} day${days === 1 ? '' : 's'}` : `${-days} day${days === -1 ? '' : 's'} ago`;
}

/** A link to a certificate's detail, named by its common name (or its id). */
export function CertLink({ id, name }: { id?: number | null; name?: string | null }) {
  if (!id) return <>—</>;
  return <Anchor component={Link} to={`/certs/certificates/${id}`}>{name || `Certificate #${id}`}</Anchor>;
}

/** The common name of a DN (`CN=a,O=b` → `a`), else the DN itself. */
export function cnOf(dn?: string | null): string {
  const match = /(?:^|,)\s*CN=((?:\\,|[^,])*)/i.exec(dn ?? '');
  return match ? match[1].replace(/\\,/g, ',') : dn ?? '—';
}

const SCREENS: { to: string; label: string; role: Role; exact?: boolean }[] = [
  { to: '/certs', label: 'Overview', role: 'viewer', exact: true },
  { to: '/certs/certificates', label: 'Certificates', role: 'viewer' },
  { to: '/certs/domains', label: 'Domains', role: 'viewer' },
  { to: '/certs/upload', label: 'Upload', role: 'editor' },
  { to: '/certs/scan-targets', label: 'Scan targets', role: 'viewer' },
  { to: '/certs/scan-runs', label: 'Scan runs', role: 'viewer' },
  { to: '/certs/hosts', label: 'Hosts and applications', role: 'viewer' },
  { to: '/certs/flows', label: 'Binding flows', role: 'viewer' },
  { to: '/certs/ignore', label: 'Ignore patterns', role: 'viewer' },
];

/** The certificate screens' own navigation (one entry in the app's navigation leads here). */
export function CertNavigation() {
  const { session } = useAuth();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label="Certificate screens" gap={4}>
      {SCREENS.filter((s) => hasRole(session.roles, s.role)).map((s) => {
        const current = s.exact ? pathname === s.to || pathname === `${s.to}/` : pathname.startsWith(s.to);
        return (
          <Button key={s.to} component={Link} to={s.to} size="compact-sm" variant={current ? 'filled' : 'subtle'}
            aria-current={current ? 'page' : undefined}>{s.label}</Button>
        );
      })}
    </Group>
  );
}
