import type { Manual, ManualPatch } from '../../api/vm';

/** The manual data as the form holds it: texts never null (empty = no value), owners by id. */
export interface ManualValues {
  business_owner_id: number | null;
  technical_owner_id: number | null;
  project_name: string;
  environment: string;
  notes: string;
  override_power_state: boolean;
  manual_power_state: string | null;
  override_cluster: boolean;
  manual_cluster_name: string;
  override_hostname: boolean;
  manual_hostname: string;
  override_os_type: boolean;
  manual_os_type: string;
}

export type ManualKey = keyof ManualValues;

/** The fields in form order with the names the conflict dialog shows. */
export const MANUAL_FIELDS: [ManualKey, string][] = [
  ['business_owner_id', 'Business owner'],
  ['technical_owner_id', 'Technical owner'],
  ['project_name', 'Project'],
  ['environment', 'Environment'],
  ['notes', 'Notes'],
  ['override_power_state', 'Override power state'],
  ['manual_power_state', 'Manual power state'],
  ['override_cluster', 'Override cluster'],
  ['manual_cluster_name', 'Manual cluster name'],
  ['override_hostname', 'Override hostname'],
  ['manual_hostname', 'Manual hostname'],
  ['override_os_type', 'Override OS type'],
  ['manual_os_type', 'Manual OS type'],
];

export function valuesOf(m: Manual | undefined): ManualValues {
  return {
    business_owner_id: m?.business_owner_id ?? null,
    technical_owner_id: m?.technical_owner_id ?? null,
    project_name: m?.project_name ?? '',
    environment: m?.environment ?? '',
    notes: m?.notes ?? '',
    override_power_state: m?.override_power_state ?? false,
    manual_power_state: m?.manual_power_state ?? null,
    override_cluster: m?.override_cluster ?? false,
    manual_cluster_name: m?.manual_cluster_name ?? '',
    override_hostname: m?.override_hostname ?? false,
    manual_hostname: m?.manual_hostname ?? '',
    override_os_type: m?.override_os_type ?? false,
    manual_os_type: m?.manual_os_type ?? '',
  };
}

const norm = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** @returns the keys whose value differs between the two (texts compared trimmed) */
export function changedKeys(from: ManualValues, to: ManualValues): ManualKey[] {
  return MANUAL_FIELDS.map(([key]) => key).filter((key) => norm(from[key]) !== norm(to[key]));
}

/**
 * The JSON Merge Patch from `base` to `mine`: only the fields the person changed, so a save never
 * resets what it did not touch; an emptied text is sent as null (no value).
 */
export function patchOf(base: ManualValues, mine: ManualValues): ManualPatch {
  const patch: Record<string, unknown> = {};
  for (const key of changedKeys(base, mine)) {
    const value = norm(mine[key]);
    patch[key] = value === '' ? null : value;
  }
  return patch as ManualPatch;
}
