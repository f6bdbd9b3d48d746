import type { ReactNode } from 'react';
import { Badge } from '@mantine/core';

/** A badge whose colour tints the background and whose text stays dark (contrast above 4.5:1). */
function Tinted({ color, title, children }: { color: string; title?: string; children: ReactNode }) {
  return <Badge color={color} variant="light" c="dark.9" title={title}>{children}</Badge>;
}

/** Days from `today` (YYYY-MM-DD) to `day`; negative when past. */
export function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in the user's time zone as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * End-of-support state of a model, as the EoS report counts it: ended on or before today, within
 * `horizonDays` after it, later, or unknown (no date).
 */
export function EosBadge({ endOfSupport, horizonDays = 90, asOf = today() }: {
  endOfSupport?: string | null; horizonDays?: number; asOf?: string;
}) {
  if (!endOfSupport) return <Tinted color="gray">EoS unknown</Tinted>;
  const days = daysUntil(endOfSupport, asOf);
  if (days <= 0) return <Tinted color="red" title={`Support ended ${endOfSupport}`}>End of support {endOfSupport}</Tinted>;
  if (days <= horizonDays) return <Tinted color="orange" title={`${days} days left`}>EoS in {days} days</Tinted>;
  return <Tinted color="green">Supported until {endOfSupport}</Tinted>;
}

/** Warranty state: expired, or the end date. */
export function WarrantyBadge({ warrantyEnd, asOf = today() }: { warrantyEnd?: string | null; asOf?: string }) {
  if (!warrantyEnd) return <Tinted color="gray">No warranty date</Tinted>;
  return daysUntil(warrantyEnd, asOf) < 0
    ? <Tinted color="red">Warranty expired {warrantyEnd}</Tinted>
    : <Tinted color="blue">Warranty until {warrantyEnd}</Tinted>;
}
