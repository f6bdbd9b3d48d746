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
