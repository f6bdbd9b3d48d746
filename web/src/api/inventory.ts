import type { components } from './generated/inventory-service';
import { api, download, upload, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type Site = Schemas['SiteDto'];
export type SiteInput = Schemas['SiteInput'];
export type SiteStatus = Schemas['SiteStatus'];
export type Rack = Schemas['RackDto'];
export type RackInput = Schemas['RackInput'];
export type RackStatus = Schemas['RackStatus'];
export type Asset = Schemas['AssetDto'];
export type Elevation = Schemas['Elevation'];
export type Occupant = Schemas['Occupant'];
export type Face = Schemas['Face'];
export type PlacementInput = Schemas['PlacementInput'];
export type Page<T> = { count?: number; results?: T[] };

export const SITE_STATUSES: SiteStatus[] = ['planned', 'staging', 'active', 'decommissioning', 'retired'];
export const RACK_STATUSES: RackStatus[] = ['reserved', 'available', 'planned', 'active', 'deprecated'];

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const BASE = '/api/inventory';

/**
 * inventory-service's sites, racks, assets and placements (types from its OpenAPI document; creates
 * and replaces answer the DTO, which the document leaves untyped). Writes send `If-Match` with the
 * version the user saw. Query keys of these calls start with `['inventory']`, so every
 * `inventory.*` live event refreshes them (see `live/LiveUpdates.tsx`).
 */
export const inventoryApi = {
  sites: (query: Query) => api<Schemas['PageSiteDto']>('GET', withQuery(`${BASE}/sites`, query)),
  createSite: (input: SiteInput) => api<Site>('POST', `${BASE}/sites`, input),
  replaceSite: (id: number, version: number, input: SiteInput) =>
    api<Site>('PUT', `${BASE}/sites/${id}`, input, ifMatch(version)),
  removeSite: (id: number, version: number) => api<void>('DELETE', `${BASE}/sites/${id}`, undefined, ifMatch(version)),

  racks: (query: Query) => api<Schemas['PageRackDto']>('GET', withQuery(`${BASE}/racks`, query)),
  rack: (id: number) => api<Rack>('GET', `${BASE}/racks/${id}`),
  createRack: (input: RackInput) => api<Rack>('POST', `${BASE}/racks`, input),
  replaceRack: (id: number, version: number, input: RackInput) =>
    api<Rack>('PUT', `${BASE}/racks/${id}`, input, ifMatch(version)),
  removeRack: (id: number, version: number) => api<void>('DELETE', `${BASE}/racks/${id}`, undefined, ifMatch(version)),
  elevation: (id: number, face: Face) => api<Elevation>('GET', withQuery(`${BASE}/racks/${id}/elevation`, { face })),

  assets: (query: Query) => api<Schemas['PageAssetDto']>('GET', withQuery(`${BASE}/assets`, query)),
  /** Places (or, without rack, unplaces) an asset; a 409 names the blocking asset and its units. */
  place: (assetId: number, input: PlacementInput) => api<Asset>('POST', `${BASE}/assets/${assetId}/placement`, input),
  /** Moves several assets at once, all or none; a 409 names each blocking asset (fields `moves[i]…`). */
  placeAll: (moves: Schemas['Move'][]) => api<Asset[]>('POST', `${BASE}/assets/placements`, { moves }),
};

export type ImportKind = 'assets' | 'racks' | 'models';
export type ImportResult = Schemas['ImportResult'];
export type BackupInfo = Schemas['BackupInfo'];
export type RestoreResult = Schemas['RestoreResult'];

/**
 * Admins' data tools: CSV import (a 400's problem carries every bad row's `line`, `column`,
 * `field` and `message`), backups and restores (a restore dry run verifies an archive and answers
 * its manifest: schema version and rows per table).
 */
export const dataApi = {
  importCsv: (kind: ImportKind, csv: Blob | string, dryRun: boolean) =>
    upload<ImportResult>(withQuery(`${BASE}/import/${kind}`, { dry_run: dryRun }), csv, 'text/csv'),
  backups: () => api<BackupInfo[]>('GET', `${BASE}/backups`),
  createBackup: () => api<BackupInfo>('POST', `${BASE}/backups`),
  downloadBackup: (name: string) => download(`${BASE}/backups/${encodeURIComponent(name)}`, 'application/zip'),
  restore: (archive: Blob, dryRun: boolean) =>
    upload<RestoreResult>(withQuery(`${BASE}/restore`, { dry_run: dryRun }), archive, 'application/zip'),
};

export type AssetInput = Schemas['AssetInput'];
export type AssetStatus = Schemas['AssetStatus'];
export type Model = Schemas['ModelDto'];
export const ASSET_STATUSES: AssetStatus[] = ['planned', 'active', 'maintenance', 'offline', 'decommissioned'];
export const CATEGORIES: Schemas['DeviceCategory'][] = ['server', 'switch', 'router', 'firewall', 'storage', 'pdu', 'patch_panel', 'other'];

/** Assets and the models they name (for end-of-support dates). */
export const assetApi = {
  list: inventoryApi.assets,
  get: (id: number) => api<Asset>('GET', `${BASE}/assets/${id}`),
  create: (input: AssetInput) => api<Asset>('POST', `${BASE}/assets`, input),
  replace: (id: number, version: number, input: AssetInput) =>
    api<Asset>('PUT', `${BASE}/assets/${id}`, input, ifMatch(version)),
  remove: (id: number, version: number) => api<void>('DELETE', `${BASE}/assets/${id}`, undefined, ifMatch(version)),
  model: (id: number) => api<Model>('GET', `${BASE}/models/${id}`),
  /** The models of the given ids (the `id` filter repeated: any of them). */
  modelsByIds: (ids: number[]) =>
    api<Schemas['PageModelDto']>('GET', `${BASE}/models?${ids.map((id) => `id=${id}`).join('&')}&limit=${Math.max(ids.length, 1)}`),
  models: (query: Query) => api<Schemas['PageModelDto']>('GET', withQuery(`${BASE}/models`, query)),
};

/** One asset of the End-of-Support report. */
export interface EosAsset { id: number; hostname?: string; asset_tag?: string; serial?: string; status?: AssetStatus; rack_name?: string }
/** One model of the report with its assets by site (the document leaves the report untyped; shape of `EosReport`). */
export interface EosModel {
  model_id: number; manufacturer?: string; model?: string; part_number?: string; end_of_sale?: string; end_of_support?: string;
  /** past: ended on or before `as_of`; within: ends within `within_days` after it; unknown: no date. */
  state: 'past' | 'within' | 'unknown';
  days_left?: number | null;
  asset_count: number;
  sites: { site_id?: number | null; site_name?: string; asset_count: number; assets: EosAsset[] }[];
}
export interface EosReport {
  as_of: string; within_days: number; horizon: string;
  models: EosModel[]; unknown_end_of_support: EosModel[];
  totals: { models: number; assets: number; unknown_models: number; unknown_assets: number };
}
export type EosNotice = Schemas['Notice'];

/** The End-of-Support report for a date and horizon (days), as JSON or CSV; "send now" for admins. */
export const eosApi = {
  report: (asOf: string, withinDays: number) =>
    api<EosReport>('GET', withQuery(`${BASE}/reports/eos`, { as_of: asOf, within_days: withinDays, format: 'json' })),
  csv: (asOf: string, withinDays: number) =>
    download(withQuery(`${BASE}/reports/eos`, { as_of: asOf, within_days: withinDays, format: 'csv' }), 'text/csv'),
  notify: (asOf: string, withinDays: number) =>
    api<EosNotice>('POST', withQuery(`${BASE}/reports/eos/notify`, { as_of: asOf, within_days: withinDays })),
};

export type Manufacturer = Schemas['ManufacturerDto'];
export type ManufacturerInput = Schemas['ManufacturerInput'];
export type DeviceType = Schemas['DeviceTypeDto'];
export type DeviceTypeInput = Schemas['DeviceTypeInput'];
export type DeviceCategory = Schemas['DeviceCategory'];
export type ModelInput = Schemas['ModelInput'];
export type DeviceTypeImportResult = Schemas['DeviceTypeImportResult'];

/** The catalogue: manufacturers, device types, models (with EoS dates), devicetype-library import. */
export const catalogueApi = {
  manufacturers: (query: Query) => api<Schemas['PageManufacturerDto']>('GET', withQuery(`${BASE}/manufacturers`, query)),
  createManufacturer: (input: ManufacturerInput) => api<Manufacturer>('POST', `${BASE}/manufacturers`, input),
  deviceTypes: (query: Query) => api<Schemas['PageDeviceTypeDto']>('GET', withQuery(`${BASE}/device-types`, query)),
  createDeviceType: (input: DeviceTypeInput) => api<DeviceType>('POST', `${BASE}/device-types`, input),
  models: (query: Query) => api<Schemas['PageModelDto']>('GET', withQuery(`${BASE}/models`, query)),
  createModel: (input: ModelInput) => api<Model>('POST', `${BASE}/models`, input),
  replaceModel: (id: number, version: number, input: ModelInput) =>
    api<Model>('PUT', `${BASE}/models/${id}`, input, ifMatch(version)),
  /** NetBox devicetype-library YAML (one or several `---` documents); new models get the category's device type. */
  importLibrary: (yaml: string, category: DeviceCategory) =>
    upload<DeviceTypeImportResult>(withQuery(`${BASE}/models/import/devicetype-library`, { category }), yaml, 'application/yaml'),
};

export type StorageArray = Schemas['StorageArrayDto'];
export type StorageArrayInput = Schemas['StorageArrayInput'];
export type MaintenanceWindow = Schemas['MaintenanceWindowDto'];
export type MaintenanceWindowInput = Schemas['MaintenanceWindowInput'];
export type WindowState = Schemas['WindowState'];

/** Storage arrays (capacities in terabytes, 10^12 bytes) and maintenance windows (state derived from the clock). */
export const facilityApi = {
  storageArrays: (query: Query) => api<Schemas['PageStorageArrayDto']>('GET', withQuery(`${BASE}/storage-arrays`, query)),
  createStorageArray: (input: StorageArrayInput) => api<StorageArray>('POST', `${BASE}/storage-arrays`, input),
  windows: (query: Query) => api<Schemas['PageMaintenanceWindowDto']>('GET', withQuery(`${BASE}/maintenance-windows`, query)),
  createWindow: (input: MaintenanceWindowInput) => api<MaintenanceWindow>('POST', `${BASE}/maintenance-windows`, input),
};
