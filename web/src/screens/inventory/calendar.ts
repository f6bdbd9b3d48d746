/**
 * Month grids of the maintenance calendar, in the user's time zone: weeks from Monday to Sunday,
 * and which days a time span touches.
 */

/** A month as the URL names it (`2026-12`), or the current month when absent or malformed. */
export function parseMonth(value: string | undefined, now = new Date()): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? '');
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { year: Number(match[1]), month: Number(match[2]) - 1 };
  return { year: now.getFullYear(), month: now.getMonth() };
}

/** `2026-12` for December 2026 (`month` 0-based, overflowing into the next or previous year). */
export function monthKey(year: number, month: number): string {
  const d = new Date(year, month, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The days drawn for a month: whole weeks, Monday first, from the week of the 1st to that of the last day. */
export function monthGrid(year: number, month: number): Date[][] {
  const first = new Date(year, month, 1);
  const start = new Date(year, month, 1 - ((first.getDay() + 6) % 7));
  const last = new Date(year, month + 1, 0);
  const weeks: Date[][] = [];
  for (let day = start; day <= last || weeks.length === 0 || weeks[weeks.length - 1].length < 7;) {
    if (weeks.length === 0 || weeks[weeks.length - 1].length === 7) weeks.push([]);
    weeks[weeks.length - 1].push(day);
    day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  }
  return weeks;
}

/** The instants bounding a grid, for the API's `ends_at__gte` and `starts_at__lt` (ISO-8601). */
export function gridRange(weeks: Date[][]): { from: string; to: string } {
  const lastDay = weeks[weeks.length - 1][6];
  return {
    from: weeks[0][0].toISOString(),
    to: new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1).toISOString(),
  };
}

/** Whether the span from `startsAt` to `endsAt` (exclusive) touches the local day `day`. */
export function touches(day: Date, startsAt: string, endsAt: string): boolean {
  const dayStart = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  const dayEnd = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  return start < dayEnd && (end > dayStart || (end === start && start >= dayStart));
}

/** Whether the span starts on the local day `day` (else it continues from an earlier day). */
export function startsOn(day: Date, startsAt: string): boolean {
  const start = new Date(startsAt);
  return start.getFullYear() === day.getFullYear() && start.getMonth() === day.getMonth() && start.getDate() === day.getDate();
}
