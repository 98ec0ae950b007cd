/**
 * What the learner's clicks become: fault lines in the timeline syntax the engine, the command line and lessons
 * share (README "Faults"), so a fault made with the mouse reads exactly like one written by hand.
 */
import { formatDuration } from '../../engine/ui.ts';

/** Faults on a node. `slow` takes extra latency in ms (0 ends it); `poison` a key. */
export type NodeFault =
  | { action: 'crash' | 'restart' | 'reject' | 'accept' | 'crash-after-processing' | 'crash-before-processing' | 'crash-between-writes' | 'rebuild'; target: string }
  | { action: 'slow'; target: string; ms: number }
  | { action: 'poison'; target: string; key: string };

/** Faults on the links between two nodes. `latency` takes ms, `loss` a percentage. */
export type LinkFault =
  | { action: 'cut'; between: [string, string] }
  | { action: 'latency'; between: [string, string]; ms: number }
  | { action: 'loss'; between: [string, string]; percent: number };

/** A node fault as a line without a time (the engine reads that as "now"), e.g. `slow Billing 500ms`. */
export function nodeFaultLine(f: NodeFault): string {
  switch (f.action) {
    case 'slow':
      return `slow ${f.target} ${Math.max(0, Math.round(f.ms))}ms`;
    case 'poison':
      return `poison ${f.target} key=${f.key.trim()}`;
    default:
      return `${f.action} ${f.target}`;
  }
}

/** A link fault as a line, e.g. `loss Orders Kafka 5%`. */
export function linkFaultLine(f: LinkFault): string {
  const [a, b] = f.between;
  switch (f.action) {
    case 'cut':
      return `cut ${a} ${b}`;
    case 'latency':
      return `latency ${a} ${b} ${Math.max(0, Math.round(f.ms))}ms`;
    case 'loss':
      return `loss ${a} ${b} ${Math.min(100, Math.max(0, f.percent))}%`;
  }
}

/** A network split between two sides of hosts or nodes, e.g. `partition Kafka/1 | Kafka/2,Kafka/3`. */
export function partitionLine(sides: readonly [readonly string[], readonly string[]]): string {
  return `partition ${sides[0].join(',')} | ${sides[1].join(',')}`;
}

/** A line scheduled at simulated time `atUs`, e.g. `atTime('crash Kafka/2', 12_500_000)` is `12.5s crash Kafka/2`. */
export function atTime(line: string, atUs: number): string {
  return `${timeToken(atUs)} ${line}`;
}

/** A time as the fault syntax writes it: whole seconds as `12s`, else milliseconds (`12500ms` reads as 12.5 s). */
export function timeToken(us: number): string {
  const t = Math.max(0, Math.round(us / 1000) * 1000);
  return t % 1_000_000 === 0 ? `${t / 1_000_000}s` : `${t / 1000}ms`;
}

/** Simulated time for people, to the millisecond: `0.000s`, `12.345s`, `2m05.100s`. */
export function clockText(us: number): string {
  const ms = Math.max(0, Math.floor(us / 1000));
  const m = Math.floor(ms / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3);
  return m > 0 ? `${m}m${s.padStart(6, '0')}s` : `${s}s`;
}

/** A short duration for marks and tooltips (`850µs`, `3.2s`, `4m05s`). */
export const shortTime = (us: number) => formatDuration(Math.round(us));
