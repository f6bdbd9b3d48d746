/** One month of the expiry timeline: its first instant (local time), the next month's, and a label. */
export interface Month { start: Date; end: Date; label: string }

/** @returns the `count` calendar months (user's time zone) starting with the month of `now` */
export function months(now: Date, count = 12): Month[] {
  const format = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(now.getFullYear(), now.getMonth() + i, 1);
    const end = new Date(now.getFullYear(), now.getMonth() + i + 1, 1);
    return { start, end, label: format.format(start) };
  });
}

/** @returns the day of `date` in the user's calendar as YYYY-MM-DD */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
