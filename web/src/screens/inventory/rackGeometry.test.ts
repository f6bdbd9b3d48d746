import { describe, expect, it } from 'vitest';
import { coveredHalfUnits, devicesOn, groupMoves, halfUnits, isUnchanged, mountedDevices, parseTarget, rowOf, rowsOf, slotId, unitRange, withPendingMove, type Device } from './rackGeometry';
import type { Elevation } from '../../api/inventory';

const RACK42 = { u_height: 42, starting_unit: 1, desc_units: false };
const TOP_DOWN = { u_height: 42, starting_unit: 1, desc_units: true };

describe('rack geometry', () => {
  it('draws U42 at the top of a rack numbered upwards and U1 at the bottom', () => {
    expect(rowOf(RACK42, 42.5)).toBe(1);
    expect(rowOf(RACK42, 42)).toBe(2);
    expect(rowOf(RACK42, 1)).toBe(84);
    expect(halfUnits(RACK42).slice(0, 3)).toEqual([42.5, 42, 41.5]);
    expect(halfUnits(RACK42)).toHaveLength(84);
  });

  it('puts a 2U device at U10 over the rows of U11 and U10, and a half-unit one in one row', () => {
    expect(rowsOf(RACK42, 10, 2)).toEqual({ start: rowOf(RACK42, 11.5), span: 4 });
    expect(rowsOf(RACK42, 10.5, 0.5)).toEqual({ start: rowOf(RACK42, 10.5), span: 1 });
    expect(rowsOf(RACK42, 1, 1)).toEqual({ start: 83, span: 2 });
  });

  it('draws a rack numbered from the top with its first unit first', () => {
    expect(rowOf(TOP_DOWN, 1)).toBe(1);
    expect(rowsOf(TOP_DOWN, 10, 2)).toEqual({ start: 19, span: 4 });
    expect(halfUnits(TOP_DOWN).slice(0, 2)).toEqual([1, 1.5]);
  });

  it('names unit ranges as the API does', () => {
    expect(unitRange(10, 2)).toBe('U10–U11');
    expect(unitRange(10, 1)).toBe('U10');
    expect(unitRange(10.5, 0.5)).toBe('U10.5');
    expect(unitRange(3, 1.5)).toBe('U3–U4');
    expect(coveredHalfUnits(10, 1.5)).toEqual([10, 10.5, 11]);
  });

  it('reads drop targets back from their ids and refuses anything else', () => {
    expect(parseTarget(slotId(7, 'rear', 10.5))).toEqual({ kind: 'slot', rack_id: 7, face: 'rear', position: 10.5 });
    expect(parseTarget('unplaced')).toEqual({ kind: 'unplaced' });
    expect(parseTarget('slot:7:side:3')).toBeUndefined();
    expect(parseTarget('slot:front:3')).toBeUndefined();
    expect(parseTarget(undefined)).toBeUndefined();
  });

  it('lists each mounted device once and shows full-depth ones on both faces', () => {
    const server = { asset_id: 1, hostname: 'srv-a', model_name: 'R650', position: 10, u_height: 2, face: 'front' as const, is_full_depth: true };
    const patch = { asset_id: 2, asset_tag: 'PP-1', model_name: 'Panel', position: 20, u_height: 1, face: 'front' as const, is_full_depth: false };
    const front: Elevation = {
      units: [{ unit: 11, occupants: [server] }, { unit: 10, occupants: [server] }, { unit: 20, occupants: [patch] }],
    };
    const devices = mountedDevices(front);
    expect(devices.map((d) => [d.label, d.position, d.u_height])).toEqual([['srv-a', 10, 2], ['PP-1', 20, 1]]);
    expect(devicesOn(devices, 'rear').map((d) => d.label)).toEqual(['srv-a']);
    expect(devicesOn(devices, 'front')).toHaveLength(2);
  });

  const device = (asset_id: number, rack_id: number | undefined, position: number, u_height = 1): Device =>
    ({ asset_id, rack_id, label: `a${asset_id}`, model: 'M', position, u_height, face: 'front', is_full_depth: false });

  it('tells a drop that moves nothing from one to another rack, face or unit', () => {
    expect(isUnchanged(device(1, 7, 10), { kind: 'slot', rack_id: 7, face: 'front', position: 10 })).toBe(true);
    expect(isUnchanged(device(1, 7, 10), { kind: 'slot', rack_id: 8, face: 'front', position: 10 })).toBe(false);
    expect(isUnchanged(device(1, 7, 10), { kind: 'slot', rack_id: 7, face: 'rear', position: 10 })).toBe(false);
    expect(isUnchanged(device(1, 7, 10), { kind: 'unplaced' })).toBe(false);
    expect(isUnchanged(device(1, undefined, Number.NaN), { kind: 'unplaced' })).toBe(true);
    expect(isUnchanged(device(1, 7, Number.NaN, 0), { kind: 'slot', rack_id: 7, face: 'rear', position: 3 })).toBe(true);
  });

  it('moves a selection to another rack keeping the distances, the dragged device first', () => {
    const moves = groupMoves(device(2, 7, 20), [device(1, 7, 10), device(2, 7, 20)], { rack_id: 8, position: 30, face: 'rear' });
    expect(moves).toEqual([
      { asset_id: 2, rack_id: 8, position: 30, face: 'rear' },
      { asset_id: 1, rack_id: 8, position: 20, face: 'rear' },
    ]);
  });

  it('draws a move on its way: gone from the old rack at once, already in the new one', () => {
    const a = device(1, 7, 10);
    const b = device(2, 7, 12);
    const target = { kind: 'slot' as const, rack_id: 8, face: 'front' as const, position: 30 };
    expect(withPendingMove([a, b], 7, [a], target).map((d) => d.asset_id)).toEqual([2]);
    expect(withPendingMove([], 8, [a], target)).toEqual([{ ...a, rack_id: 8, position: 30 }]);
    expect(withPendingMove([], 8, [a, b], target, b).map((d) => [d.asset_id, d.position])).toEqual([[1, 28], [2, 30]]);
    expect(withPendingMove([], 8, [device(3, undefined, Number.NaN)], target).map((d) => d.position)).toEqual([30]);
    expect(withPendingMove([a], 7, [a], { kind: 'unplaced' })).toEqual([]);
    expect(withPendingMove([a], 7, [], undefined)).toEqual([a]);
  });
});
