/** The VM list's columns a person can show or hide, in table order (Name always shows). */
export const VM_COLUMNS = [
  { id: 'platform', label: 'Platform' },
  { id: 'power_state', label: 'Power' },
  { id: 'cluster', label: 'Cluster' },
  { id: 'host', label: 'Host' },
  { id: 'hostname', label: 'Hostname' },
  { id: 'os_type', label: 'OS' },
  { id: 'total_vcpus', label: 'vCPUs' },
  { id: 'memory_mb', label: 'Memory (MB)' },
  { id: 'total_disk_gb', label: 'Disk (GB)' },
  { id: 'ips', label: 'IP addresses' },
  { id: 'tags', label: 'Tags' },
  { id: 'technical_owner', label: 'Technical owner' },
  { id: 'business_owner', label: 'Business owner' },
  { id: 'project', label: 'Project' },
  { id: 'environment', label: 'Environment' },
  { id: 'source', label: 'Source' },
  { id: 'first_seen_at', label: 'First seen' },
  { id: 'last_seen_at', label: 'Last seen' },
] as const;

export type VmColumnId = (typeof VM_COLUMNS)[number]['id'];

/** Shown until a person chooses otherwise. */
export const DEFAULT_COLUMNS: VmColumnId[] = [
  'platform', 'power_state', 'cluster', 'os_type', 'total_vcpus', 'memory_mb', 'ips', 'tags', 'technical_owner',
  'last_seen_at',
];

/** Where the browser keeps the chosen columns (one list per browser profile, not per user). */
export const COLUMNS_KEY = 'infra.vm-list.columns';

const KNOWN = new Set<string>(VM_COLUMNS.map((c) => c.id));

/** @returns the stored choice, or the default when none (or an unreadable one) is stored */
export function loadColumns(storage: Storage = localStorage): VmColumnId[] {
  try {
    const stored: unknown = JSON.parse(storage.getItem(COLUMNS_KEY) ?? 'null');
    if (Array.isArray(stored)) return stored.filter((id): id is VmColumnId => typeof id === 'string' && KNOWN.has(id));
  } catch {
    // not JSON: fall back to the default
  }
  return DEFAULT_COLUMNS;
}

export function saveColumns(columns: VmColumnId[], storage: Storage = localStorage): void {
  storage.setItem(COLUMNS_KEY, JSON.stringify(columns));
}
