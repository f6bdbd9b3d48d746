import type { components } from './generated/cert-service';
import { api, crudCalls, download, upload, withQuery, type Page, type Query } from './client';

type Schemas = components['schemas'];
export type Certificate = Schemas['CertificateDto'];
export type CertificateStatus = Schemas['CertificateStatus'];
export type SubjectAltName = Schemas['SubjectAltName'];
export type MonthCount = Schemas['MonthCount'];
export type Host = Schemas['HostDto'];
export type HostInput = Schemas['HostInput'];
export type HostType = Schemas['HostType'];
export type HostEnvironment = Schemas['HostEnvironment'];
export type Application = Schemas['ApplicationDto'];
export type ApplicationInput = Schemas['ApplicationInput'];
export type ApplicationType = Schemas['ApplicationType'];
export type Binding = Schemas['BindingDto'];
export type Domain = Schemas['DomainDto'];
export type Registration = Schemas['RegistrationDto'];
export type RdapResult = Schemas['RdapResult'];
export type DnsResult = Schemas['DnsResult'];
export type DnsRecord = Schemas['DnsRecordDto'];
export type DnsRecordChange = Schemas['DnsRecordChangeDto'];
export type CaaReport = Schemas['CaaReport'];
export type CaaVerdict = Schemas['CertificateVerdict'];
export type DomainNode = Schemas['Node'];
export type DomainHost = Schemas['DomainHost'];
export type ScanTarget = Schemas['ScanTargetDto'];
export type ScanTargetInput = Schemas['ScanTargetInput'];
export type StartTls = Schemas['StartTls'];
export type ScanRun = Schemas['ScanRunDto'];
export type Scan = Schemas['CertificateScanDto'];
export type Tracking = Schemas['TrackingDto'];
export type TrackingInput = Schemas['TrackingInput'];
export type TrackingStatus = Schemas['TrackingStatus'];
export type IgnorePattern = Schemas['IgnorePatternDto'];
export type IgnorePatternInput = Schemas['IgnorePatternInput'];
export type MatchType = Schemas['MatchType'];
export type { Page } from './client';

export const CERT_STATUSES: CertificateStatus[] = ['valid', 'expiring', 'expired', 'replaced'];
export const HOST_TYPES: HostType[] = ['server', 'load_balancer', 'appliance', 'cloud', 'container', 'other'];
export const ENVIRONMENTS: HostEnvironment[] = ['production', 'staging', 'development', 'test', 'other'];
export const APP_TYPES: ApplicationType[] = ['web', 'api', 'mail', 'database', 'middleware', 'other'];
export const STARTTLS: StartTls[] = ['none', 'smtp', 'imap', 'pop3'];
export const TRACKING_STATUSES: TrackingStatus[] = ['planned', 'in_progress', 'completed', 'cancelled'];
export const MATCH_TYPES: MatchType[] = ['exact', 'glob', 'regex'];
export const RDAP_RESULTS: RdapResult[] = ['ok', 'not_found', 'rate_limited', 'malformed', 'error', 'no_server', 'refused'];
export const DNS_RESULTS: DnsResult[] = ['ok', 'nxdomain', 'error'];
export const DNS_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'CAA', 'SOA'];

/** What an upload did with one certificate of the file (the document leaves the answer untyped; shape of `UploadResult`). */
export interface UploadedCertificate {
  id?: number | null;
  sha256_thumbprint: string;
  common_name?: string | null;
  outcome: 'created' | 'existing' | 'ignored';
  domains?: string[];
  /** The id of the ignored-certificate pattern that matched. */
  ignored_by?: number | null;
}
export interface UploadResult { created: number; existing: number; ignored: number; certificates: UploadedCertificate[] }

/** The two kinds of ignore patterns: domain names (SAN association) and certificates (CN, subject, thumbprint). */
export type IgnoreKind = 'ignored-domains' | 'ignored-certificates';

const BASE = '/api/cert';

/**
 * cert-service (types from its OpenAPI document; single resources are untyped there and typed
 * here by their DTO). Query keys of these calls start with `['cert']`, so every `cert.*` live
 * event (a scan run's progress included) refreshes them (see `live/LiveUpdates.tsx`).
 */
export const certApi = {
  certificates: crudCalls<Certificate, Schemas['CertificateInput']>(`${BASE}/certificates`),
  /** The certificates of the given ids (the `id` filter repeated: any of them), e.g. to name a run's results. */
  certificatesByIds: (ids: number[]) =>
    api<Page<Certificate>>('GET', `${BASE}/certificates?${ids.map((id) => `id=${id}`).join('&')}&limit=${Math.max(ids.length, 1)}`),
  /** The list's CSV export with the same filters (SANs of a cell as `dns:a; ip:b`). */
  /** Certificates ending per calendar month of `zone` from `from` (YYYY-MM) on, within the list's filters: one call. */
  expiryMonths: (query: Query) => api<MonthCount[]>('GET', withQuery(`${BASE}/certificates/expiry-months`, query)),
  exportCsv: (query: Query) => download(withQuery(`${BASE}/certificates/export.csv`, query), 'text/csv'),
  /** Adds the certificates of a PEM, DER or PKCS#7 file (sent as it is) or of pasted PEM text; 400 with nothing kept when any part is bad. */
  upload: (body: Blob | string) =>
    upload<UploadResult>(`${BASE}/certificates/upload`, body, typeof body === 'string' ? 'text/plain' : 'application/octet-stream'),
  hosts: crudCalls<Host, HostInput>(`${BASE}/hosts`),
  applications: crudCalls<Application, ApplicationInput>(`${BASE}/applications`),
  bindings: crudCalls<Binding, Schemas['BindingInput']>(`${BASE}/bindings`),
  domains: crudCalls<Domain, Schemas['DomainInput']>(`${BASE}/domains`),
  /** The domain list's CSV export with the same filters (registration and DNS state per domain). */
  exportDomainsCsv: (query: Query) => download(withQuery(`${BASE}/domains/export.csv`, query), 'text/csv'),
  /** The domain and its subdomains, nested. */
  domainTree: (id: number) => api<DomainNode>('GET', `${BASE}/domains/${id}/subdomains`),
  /** Hosts named as the domain or below it, and those serving its certificates (`via`). */
  domainHosts: (id: number) => api<DomainHost[]>('GET', `${BASE}/domains/${id}/hosts`),
  /** The CAA records that apply to the domain next to its certificates' issuers. */
  domainCaa: (id: number) => api<CaaReport>('GET', `${BASE}/domains/${id}/caa`),
  /** Queries RDAP now (registrable domains; 409 for a subdomain); answers the domain. */
  refreshRegistration: (id: number) => api<Domain>('POST', `${BASE}/domains/${id}/refresh-registration`),
  /** Looks up the DNS records now; answers the domain. */
  refreshDns: (id: number) => api<Domain>('POST', `${BASE}/domains/${id}/refresh-dns`),
  /** Current DNS records (`domain_id`, `domain`, `record_type`, `value`, …). */
  dnsRecords: (query: Query) => api<Page<DnsRecord>>('GET', withQuery(`${BASE}/dns-records`, query)),
  /** DNS record changes, newest first (`domain_id`, `record_type`, `action`: added|removed, …). */
  dnsChanges: (query: Query) => api<Page<DnsRecordChange>>('GET', withQuery(`${BASE}/dns-record-changes`, query)),
  scanTargets: crudCalls<ScanTarget, ScanTargetInput>(`${BASE}/scan-targets`),
  tracking: crudCalls<Tracking, TrackingInput>(`${BASE}/tracking`),
  ignore: (kind: IgnoreKind) => crudCalls<IgnorePattern, IgnorePatternInput>(`${BASE}/${kind}`),
  /** Starts a run of the given targets (none: every enabled target); answers the run, `running` (202). */
  startScan: (targetIds: number[]) => api<ScanRun>('POST', `${BASE}/scan-runs`, { target_ids: targetIds }),
  scanRuns: (query: Query) => api<Page<ScanRun>>('GET', withQuery(`${BASE}/scan-runs`, query)),
  scanRun: (id: number) => api<ScanRun>('GET', `${BASE}/scan-runs/${id}`),
  /** Scan results, newest first (`scan_run_id`, `scan_target_id`, `certificate_id`, `result`: success|failure). */
  scans: (query: Query) => api<Page<Scan>>('GET', withQuery(`${BASE}/scans`, query)),
};
