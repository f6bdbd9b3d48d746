import type { Elevation, Face, Occupant } from '../../api/inventory';

/** The rack's shape as the elevation reports it. */
export interface RackShape {
  u_height: number;
  starting_unit: number;
  /** true: unit numbers grow downwards (unit `starting_unit` at the top). */
  desc_units: boolean;
}

/** Height of one half unit in the drawing, in pixels (a 42U rack is 924 px high). */
export const HALF_UNIT_PX = 11;

export function shapeOf(elevation: Elevation): RackShape {
  return {
    u_height: elevation.u_height ?? 42,
    starting_unit: elevation.starting_unit ?? 1,
    desc_units: elevation.desc_units ?? false,
  };
}

/**
 * The drawing's CSS grid row (1-based, from the top) of the half unit starting at `value`
 * (e.g. 10 or 10.5). Positions follow NetBox: a device's `position` is its lowest unit.
 */
export function rowOf(shape: RackShape, value: number): number {
  return shape.desc_units
    ? (value - shape.starting_unit) * 2 + 1
    : (shape.starting_unit + shape.u_height - value - 0.5) * 2 + 1;
}

/** The grid rows a device of `height` units at `position` takes: first row and span (half units). */
export function rowsOf(shape: RackShape, position: number, height: number): { start: number; span: number } {
  const span = Math.max(1, Math.round(height * 2));
  const start = shape.desc_units ? rowOf(shape, position) : rowOf(shape, position + height - 0.5);
  return { start, span };
}

/** Every half-unit value of the rack, top of the drawing first. */
export function halfUnits(shape: RackShape): number[] {
  const values: number[] = [];
  for (let i = 0; i < shape.u_height * 2; i++) values.push(shape.starting_unit + i / 2);
  return values.sort((a, b) => rowOf(shape, a) - rowOf(shape, b));
}

/** "U10" for 10, "U10.5" for 10.5. */
export function unitLabel(value: number): string {
  return `U${Number.isInteger(value) ? value : value.toFixed(1)}`;
}

/** "U10–U11" for a 2U device at 10; "U10.5" for a half-unit device at 10.5. */
export function unitRange(position: number, height: number): string {
  const top = position + Math.max(height, 0.5) - (height % 1 === 0 ? 1 : 0.5);
  return top === position ? unitLabel(position) : `${unitLabel(position)}–${unitLabel(top)}`;
}

/** A device as drawn: where it is and what it is. */
export interface Device {
  asset_id: number;
  label: string;
  model: string;
  position: number;
  u_height: number;
  face: Face;
  is_full_depth: boolean;
  version?: number;
}

/** How the app names an asset, as the API's messages do: hostname, else asset tag, else #id. */
export function assetLabel(a: { hostname?: string; asset_tag?: string; asset_id?: number; id?: number }): string {
  return a.hostname || a.asset_tag || `#${a.asset_id ?? a.id}`;
}

function device(o: Occupant): Device {
  return {
    asset_id: o.asset_id ?? 0,
    label: assetLabel(o),
    model: o.model_name ?? '',
    position: Number(o.position),
    u_height: Number(o.u_height),
    face: o.face ?? 'front',
    is_full_depth: o.is_full_depth ?? false,
  };
}

/** The mounted devices of one or more elevations of a rack, each once (by asset id). */
export function mountedDevices(...elevations: (Elevation | undefined)[]): Device[] {
  const seen = new Map<number, Device>();
  for (const elevation of elevations) {
    for (const unit of elevation?.units ?? []) {
      for (const o of unit.occupants ?? []) {
        if (o.asset_id !== undefined && !seen.has(o.asset_id)) seen.set(o.asset_id, device(o));
      }
    }
  }
  return [...seen.values()];
}

/** The devices drawn on `face`: those mounted on it, and full-depth ones from either face. */
export function devicesOn(devices: Device[], face: Face): Device[] {
  return devices.filter((d) => d.face === face || d.is_full_depth);
}

/** A drop target's id: a half-unit slot of a face (`slot:front:10.5`) or the unplaced list. */
export type DropTarget = { kind: 'slot'; face: Face; position: number } | { kind: 'unplaced' };

export const UNPLACED = 'unplaced';

export function slotId(face: Face, value: number): string {
  return `slot:${face}:${value}`;
}

export function parseTarget(id: string | number | undefined | null): DropTarget | undefined {
  if (id === UNPLACED) return { kind: 'unplaced' };
  const match = /^slot:(front|rear):(\d+(?:\.5)?)$/.exec(String(id ?? ''));
  return match ? { kind: 'slot', face: match[1] as Face, position: Number(match[2]) } : undefined;
}

/** The half-unit values a device of `height` dropped at `position` would take (for the drop preview). */
export function coveredHalfUnits(position: number, height: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < Math.max(1, Math.round(height * 2)); i++) values.push(position + i / 2);
  return values;
}

/**
 * The moves of a multi-selection dragged as one: every selected device keeps its distance to the
 * dragged one (`to` is where the dragged device goes); all of them take the target face. The
 * dragged device comes first, so a refusal's `moves[0]` is about it.
 */
export function groupMoves(dragged: Device, selected: Device[], to: { position: number; face: Face }, rackId: number) {
  const offset = to.position - dragged.position;
  const ordered = [dragged, ...selected.filter((d) => d.asset_id !== dragged.asset_id)];
  return ordered.map((d) => ({ asset_id: d.asset_id, rack_id: rackId, position: d.position + offset, face: to.face }));
}
