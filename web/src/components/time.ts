/** A timestamp of the API (ISO-8601 UTC) in the user's time zone, or an em dash. */
export function formatTime(value?: string | null, timeZone?: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(value),
  );
}

/** @returns the start of a day (YYYY-MM-DD) in the user's time zone as an ISO-8601 instant, or undefined */
export function dayStart(day?: string): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

/** @returns the start of the day after `day` in the user's time zone (an exclusive upper bound), or undefined */
export function nextDayStart(day?: string): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + 1).toISOString();
}
