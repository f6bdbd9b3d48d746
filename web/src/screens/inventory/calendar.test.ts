import { describe, expect, it } from 'vitest';
import { gridRange, monthGrid, monthKey, parseMonth, startsOn, touches } from './calendar';

describe('maintenance calendar grid', () => {
  it('draws whole weeks from Monday, the 1st of the month in the first one', () => {
    const weeks = monthGrid(2026, 11); // December 2026: Tuesday the 1st, Thursday the 31st
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0][0]).toEqual(new Date(2026, 10, 30));
    expect(weeks[0][1]).toEqual(new Date(2026, 11, 1));
    expect(weeks[4][6]).toEqual(new Date(2027, 0, 3));
    expect(monthGrid(2021, 1)).toHaveLength(4); // February 2021 starts on a Monday and has 28 days
  });

  it('bounds the grid for the API and names months as the URL does', () => {
    const range = gridRange(monthGrid(2026, 11));
    expect(range.from).toBe(new Date(2026, 10, 30).toISOString());
    expect(range.to).toBe(new Date(2027, 0, 4).toISOString());
    expect(monthKey(2026, 12)).toBe('2027-01');
    expect(monthKey(2026, -1)).toBe('2025-12');
    expect(parseMonth('2026-12')).toEqual({ year: 2026, month: 11 });
    expect(parseMonth('2026-13', new Date(2025, 4, 9))).toEqual({ year: 2025, month: 4 });
  });

  it('puts a window on every local day it touches, and not on the day it ends at midnight', () => {
    const start = new Date(2026, 11, 3, 22, 0).toISOString();
    const end = new Date(2026, 11, 5, 0, 0).toISOString();
    expect(touches(new Date(2026, 11, 2), start, end)).toBe(false);
    expect(touches(new Date(2026, 11, 3), start, end)).toBe(true);
    expect(touches(new Date(2026, 11, 4), start, end)).toBe(true);
    expect(touches(new Date(2026, 11, 5), start, end)).toBe(false);
    expect(startsOn(new Date(2026, 11, 3), start)).toBe(true);
    expect(startsOn(new Date(2026, 11, 4), start)).toBe(false);
  });
});
