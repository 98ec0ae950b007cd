/**
 * A fault line as a short label for a chart or a timeline: the time goes (the axis shows it), long host lists are
 * cut. `faultLabel('10s partition Kafka/1 | Kafka/2,Kafka/3')` is `partition Kafka/1 | Kafka/2,…`.
 */
export function faultLabel(line: string, max = 24): string {
  const body = line.replace(/^\s*\d+(\.\d+)?(us|µs|ms|s|m|min)\s+/, '').trim();
  return body.length <= max ? body : `${body.slice(0, max - 1).trimEnd()}…`;
}

/** The time of a fault line in seconds (`10s`, `1500ms`, `2m`), or null when it has none. */
export function faultSeconds(line: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)(us|µs|ms|s|m|min)?(?=\s)/.exec(line);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return unit === 'ms' ? n / 1000 : unit === 'us' || unit === 'µs' ? n / 1e6 : unit === 'm' || unit === 'min' ? n * 60 : n;
}
