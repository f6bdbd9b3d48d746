/** A timestamp of the API (ISO-8601 UTC) in the user's time zone, or an em dash. */
export function formatTime(value?: string | null, timeZone?: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(value),
  );
}
