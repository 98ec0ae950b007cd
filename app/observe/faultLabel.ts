/**
 * A fault line as a short label for a chart or a timeline: the time goes (the axis shows it), long host lists are
 * cut. `faultLabel('10s partition Kafka/1 | Kafka/2,Kafka/3')` is `partition Kafka/1 | Kafka/2,…`.
 */
export function faultLabel(line: string, max = 24): string {
  const body = line.replace(/^\s*\d+(\.\d+)?(us|µs|ms|s|m|min)\s+/, '').trim();
  return body.length <= max ? body : `${body.slice(0, max - 1).trimEnd()}…`;
}
