import type { MonthCount } from '../../api/cert';

/** One month of the expiry timeline: its first instant (local time), the next month's, and a label. */
export interface Month { start: Date; end: Date; label: string }

/** @returns the month of `date` in the user's calendar as YYYY-MM (the API's `from`) */
export function localMonth(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** @returns the user's IANA time zone (the API's `zone`), so the API's months are the user's calendar months */
export function userZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** @returns the API's month counts as the timeline's months, labelled in the user's locale */
export function toMonths(counts: MonthCount[]): { month: Month; count: number }[] {
  const format = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
  return counts.map((c) => {
    const start = new Date(c.start ?? '');
    return { month: { start, end: new Date(c.end ?? ''), label: format.format(start) }, count: c.count ?? 0 };
  });
}

/** @returns the day of `date` in the user's calendar as YYYY-MM-DD */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
