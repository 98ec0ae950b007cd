/**
 * Simulated time is an integer number of microseconds held in a double (exact up to 2^53 µs, about 285 years).
 */

export const US = 1;
export const MS = 1_000;
export const SECOND = 1_000_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

const units: Record<string, number> = { us: US, µs: US, ms: MS, s: SECOND, m: MINUTE, min: MINUTE, h: HOUR, d: 24 * HOUR };

/**
 * Parses a duration such as `250us`, `5ms`, `1.5s`, `2m`, `1h` into whole microseconds; a bare number is read in
 * `bareUnit` (milliseconds by default, as Kafka's `*.ms` settings are). Returns undefined when it is not a duration.
 * @example parseDuration('1.5s') // 1_500_000
 */
export function parseDuration(text: string, bareUnit = MS): number | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-zµ]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = m[2] ? units[m[2].toLowerCase()] : bareUnit;
  if (unit === undefined) return undefined;
  return Math.round(Number(m[1]) * unit);
}

/** Formats microseconds for people: `850µs`, `12.5ms`, `3.2s`, `4m05s`. */
export function formatDuration(us: number): string {
  const a = Math.abs(us);
  if (a < MS) return `${us}µs`;
  if (a < SECOND) return `${trim(us / MS)}ms`;
  if (a < MINUTE) return `${trim(us / SECOND)}s`;
  const m = Math.floor(us / MINUTE);
  const s = Math.floor((us - m * MINUTE) / SECOND);
  return `${m}m${String(s).padStart(2, '0')}s`;
}

function trim(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}
