import type { Binding } from '../../api/cert';

/** A binding placed in the flow graph: column (depth behind the entry point) and row (may be fractional). */
export interface Placed { binding: Binding; column: number; row: number; parentId?: number }

/**
 * Lays bindings with parent links out as trees, left to right: an entry point (a binding with no
 * parent among `bindings`) in column 0, what is behind it in the next column. Each leaf takes a row
 * of its own; a parent sits at the middle of its children. Only trees with at least one link are
 * placed (a lone binding is no flow). Cycles are cut where they close.
 *
 * @returns the placed bindings and the number of rows used
 */
export function layoutFlows(bindings: Binding[]): { nodes: Placed[]; rows: number } {
  const byId = new Map(bindings.map((b) => [b.id ?? 0, b]));
  const children = new Map<number, Binding[]>();
  for (const b of bindings) {
    const parent = b.parent_binding_id;
    if (parent && byId.has(parent)) children.set(parent, [...(children.get(parent) ?? []), b]);
  }
  const roots = bindings.filter((b) => !(b.parent_binding_id && byId.has(b.parent_binding_id)) && children.has(b.id ?? 0));
  const nodes: Placed[] = [];
  const seen = new Set<number>();
  let next = 0;
  const place = (b: Binding, column: number, parentId?: number): number => {
    seen.add(b.id ?? 0);
    const kids = (children.get(b.id ?? 0) ?? []).filter((k) => !seen.has(k.id ?? 0));
    let row: number;
    if (kids.length === 0) {
      row = next++;
    } else {
      const rows = kids.map((k) => place(k, column + 1, b.id));
      row = (rows[0] + rows[rows.length - 1]) / 2;
    }
    nodes.push({ binding: b, column, row, parentId });
    return row;
  };
  for (const root of roots) {
    place(root, 0);
    next += 0.5; // a gap between flows
  }
  return { nodes, rows: Math.max(0, Math.ceil(next - 0.5)) };
}
