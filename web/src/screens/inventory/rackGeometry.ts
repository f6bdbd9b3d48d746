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
  /** The rack it is mounted in (zero-U devices included); undefined for an unplaced asset. */
  rack_id?: number;
  label: string;
  model: string;
  position: number;
  u_height: number;
  face: Face;
  is_full_depth: boolean;
  version?: number;
  /** The model's colour, six hex digits without `#`, when the catalogue sets one. */
  colour?: string;
}

/** How the app names an asset, as the API's messages do: hostname, else asset tag, else #id. */
export function assetLabel(a: { hostname?: string; asset_tag?: string; asset_id?: number; id?: number }): string {
  return a.hostname || a.asset_tag || `#${a.asset_id ?? a.id}`;
}

function device(o: Occupant, rackId: number | undefined): Device {
  return {
    asset_id: o.asset_id ?? 0,
    rack_id: rackId,
    label: assetLabel(o),
    model: o.model_name ?? '',
    position: Number(o.position),
    u_height: Number(o.u_height),
    face: o.face ?? 'front',
    is_full_depth: o.is_full_depth ?? false,
    colour: o.model_colour ?? undefined,
  };
}

/** The mounted devices of one or more elevations of a rack, each once (by asset id). */
export function mountedDevices(...elevations: (Elevation | undefined)[]): Device[] {
  const seen = new Map<number, Device>();
  for (const elevation of elevations) {
    for (const unit of elevation?.units ?? []) {
      for (const o of unit.occupants ?? []) {
        if (o.asset_id !== undefined && !seen.has(o.asset_id)) seen.set(o.asset_id, device(o, elevation?.rack_id));
      }
    }
  }
  return [...seen.values()];
}

/** The devices drawn on `face`: those mounted on it, and full-depth ones from either face. */
export function devicesOn(devices: Device[], face: Face): Device[] {
  return devices.filter((d) => d.face === face || d.is_full_depth);
}

/**
 * A drop target: a half-unit slot of a face of a rack (id `slot:7:front:10.5`; any slot of a
 * rack for a zero-U device, which has no unit) or the unplaced list.
 */
export type DropTarget = { kind: 'slot'; rack_id: number; face: Face; position: number } | { kind: 'unplaced' };

export const UNPLACED = 'unplaced';

export function slotId(rackId: number, face: Face, value: number): string {
  return `slot:${rackId}:${face}:${value}`;
}

export function parseTarget(id: string | number | undefined | null): DropTarget | undefined {
  if (id === UNPLACED) return { kind: 'unplaced' };
  const match = /^slot:(\d+):(front|rear):(\d+(?:\.5)?)$/.exec(String(id ?? ''));
  return match ? { kind: 'slot', rack_id: Number(match[1]), face: match[2] as Face, position: Number(match[3]) } : undefined;
}

/** Whether dropping `device` on `target` leaves it where it is (no API call then). */
export function isUnchanged(device: Device, target: DropTarget): boolean {
  if (target.kind === 'unplaced') return device.rack_id === undefined;
  if (device.rack_id !== target.rack_id) return false;
  return device.u_height === 0 || (target.position === device.position && target.face === device.face);
}

/** The half-unit values a device of `height` dropped at `position` would take (for the drop preview). */
export function coveredHalfUnits(position: number, height: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < Math.max(1, Math.round(height * 2)); i++) values.push(position + i / 2);
  return values;
}

/**
 * The moves of a multi-selection dragged as one: every selected device keeps its distance to the
 * dragged one (`to` is where the dragged device goes, in its rack, which may be another one); all
 * of them take the target face. The dragged device comes first, so a refusal's `moves[0]` is about it.
 */
export function groupMoves(dragged: Device, selected: Device[], to: { rack_id: number; position: number; face: Face }) {
  const offset = to.position - dragged.position;
  const ordered = [dragged, ...selected.filter((d) => d.asset_id !== dragged.asset_id)];
  return ordered.map((d) => ({ asset_id: d.asset_id, rack_id: to.rack_id, position: d.position + offset, face: to.face }));
}

/**
 * The devices of rack `rackId` as drawn while a move is on its way to the API: the moving ones
 * leave their old place at once and, when their target is a unit of this rack, appear there.
 */
export function withPendingMove(devices: Device[], rackId: number, moving: Device[], target: DropTarget | undefined, dragged?: Device): Device[] {
  if (!target || moving.length === 0) return devices;
  const ids = new Set(moving.map((d) => d.asset_id));
  const rest = devices.filter((d) => !ids.has(d.asset_id));
  if (target.kind !== 'slot' || target.rack_id !== rackId) return rest;
  const anchor = dragged ?? moving[0];
  const offset = target.position - anchor.position;
  const arrived = moving
    .filter((d) => d.u_height > 0)
    .map((d) => ({
      ...d,
      rack_id: rackId,
      face: target.face,
      position: Number.isNaN(d.position) || moving.length === 1 ? target.position : d.position + offset,
    }));
  return [...rest, ...arrived];
}
