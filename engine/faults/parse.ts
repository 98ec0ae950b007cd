/**
 * Faults written as a timeline, one per line, as on the command line and in lessons:
 *
 *   10s crash Kafka/2                      25s restart Kafka/2
 *   10s crash leader:orders-topic/0        10s crash InventoryService
 *   10s partition Kafka/1 | Kafka/2,Kafka/3   30s heal
 *   10s slow InventoryService 500ms        10s latency OrderService Kafka 200ms
 *   10s loss OrderService Kafka 5%         10s cut OrderService Kafka
 *   10s reject NotificationService         40s accept NotificationService
 *   10s poison InventoryService key=customer-7
 *   10s crash-after-processing InventoryService
 *   10s crash-between-writes OrderService
 *   20s upgrade InventoryService reader.schema=OrderPlacedEvent:v2
 *   30s upgrade OrderService schema=OrderPlacedEvent:v2
 *
 * and as objects in the API, in the form DESIGN.md shows: `{ at: '10s', crash: 'Kafka/2' }`.
 */
import { parseDuration } from '../sim/time.ts';
import type { Fault } from './types.ts';

/** Reads one fault line, or returns a message saying what is wrong with it. */
export function parseFault(line: string): Fault | string {
  const m = /^\s*(\S+)\s+(\S+)\s*(.*)$/.exec(line);
  if (!m) return `'${line}' is not a fault: write '<time> <action> <target>', e.g. '10s crash Kafka/2'`;
  const at = parseDuration(m[1]!, 1_000_000);
  if (at === undefined || at < 0) return `'${m[1]}' is not a time: write it like 10s, 1500ms or 2m`;
  const action = m[2]!.toLowerCase();
  const rest = m[3]!.trim();
  const words = rest.split(/\s+/).filter(Boolean);
  const need = (n: number, usage: string) => (words.length < n ? `${action} needs ${usage}, e.g. '${m[1]} ${action} ${usage}'` : null);
  switch (action) {
    case 'crash':
    case 'restart':
    case 'reject':
    case 'accept':
    case 'crash-after-processing':
    case 'crash-before-processing':
    case 'crash-between-writes':
    case 'rebuild':
      return need(1, '<node>') ?? { at, action, target: words[0]! };
    case 'heal':
      return { at, action: 'heal' };
    case 'partition': {
      const sides = rest.split('|').map((s) => s.split(/[\s,]+/).filter(Boolean));
      if (sides.length < 2 || sides.some((s) => s.length === 0)) return `partition needs two sides, e.g. '${m[1]} partition Kafka/1 | Kafka/2,Kafka/3'`;
      return { at, action: 'partition', sides };
    }
    case 'slow': {
      const err = need(2, '<node> <extra latency>');
      if (err) return err;
      const by = parseDuration(words[1]!);
      return by === undefined ? `'${words[1]}' is not a duration` : { at, action: 'slow', target: words[0]!, byUs: by };
    }
    case 'latency': {
      const err = need(3, '<node> <node> <latency>');
      if (err) return err;
      const l = parseDuration(words[2]!);
      return l === undefined ? `'${words[2]}' is not a duration` : { at, action: 'latency', between: [words[0]!, words[1]!], latencyUs: l };
    }
    case 'loss': {
      const err = need(3, '<node> <node> <percent>');
      if (err) return err;
      const p = Number(words[2]!.replace('%', ''));
      return !(p >= 0 && p <= 100) ? `'${words[2]}' is not a percentage` : { at, action: 'loss', between: [words[0]!, words[1]!], probability: p / 100 };
    }
    case 'cut':
      return need(2, '<node> <node>') ?? { at, action: 'cut', between: [words[0]!, words[1]!] };
    case 'reset-offsets': {
      const err = need(2, '<group> earliest|latest|shift=-100');
      if (err) return err;
      const to = words[1]!;
      if (to === 'earliest' || to === 'latest') return { at, action: 'reset-offsets', group: words[0]!, to };
      const shift = /^shift=(-?\d+)$/.exec(to);
      return shift ? { at, action: 'reset-offsets', group: words[0]!, to: Number(shift[1]) } : `reset-offsets goes to earliest, latest or shift=<n>, not '${to}'`;
    }
    case 'add-partitions': {
      const err = need(2, '<topic> <partitions>');
      if (err) return err;
      const count = Number(words[1]);
      return Number.isInteger(count) && count > 0 ? { at, action: 'add-partitions', topic: words[0]!, count } : `add-partitions takes the topic's new number of partitions, not '${words[1]}'`;
    }
    case 'poison': {
      const err = need(2, '<service> key=<key> (or type=<event type>)');
      if (err) return err;
      const kv = /^(key|type)=(.+)$/.exec(words[1]!);
      if (!kv) return `poison needs key=<key> or type=<event type>, e.g. '${m[1]} poison InventoryService key=customer-7'`;
      return kv[1] === 'key' ? { at, action: 'poison', target: words[0]!, key: kv[2]! } : { at, action: 'poison', target: words[0]!, type: kv[2]! };
    }
    case 'upgrade': {
      // The same keys as the service's own settings: `schema=` (what it writes, and reads with when it has no
      // `reader.schema`) and `reader.schema=`.
      const usage = '<service> schema=<Name:vN> (or reader.schema=<Name:vN>)';
      const err = need(2, usage);
      if (err) return err;
      const f: Fault = { at, action: 'upgrade', target: words[0]! };
      for (const word of words.slice(1)) {
        const kv = /^(schema|reader\.schema)=(\S+)$/.exec(word);
        if (!kv) return `upgrade takes schema=<Name:vN> or reader.schema=<Name:vN>, not '${word}', e.g. '${m[1]} upgrade InventoryService reader.schema=OrderPlacedEvent:v2'`;
        if (kv[1] === 'schema') f.schema = kv[2]!;
        else f.reader = kv[2]!;
      }
      return f;
    }
    default:
      return `unknown fault '${action}': use crash, restart, partition, heal, slow, latency, loss, cut, reject, accept, poison, crash-after-processing, crash-before-processing, crash-between-writes, reset-offsets, add-partitions, rebuild or upgrade`;
  }
}

/** A fault in the object form of the API: `{ at: '10s', crash: 'Kafka/2' }`, `{ at: '12s', partition: [[...], [...]] }`. */
export type FaultInput = Fault | ({ at: string | number } & Record<string, unknown>);

/** Normalises an API fault (object or text line) to a Fault, or returns what is wrong. */
export function toFault(given: FaultInput | string): Fault | string {
  if (typeof given === 'string') return parseFault(given);
  if ('action' in given && typeof given.action === 'string' && typeof given.at === 'number') return given as Fault;
  const input = given as Record<string, unknown>;
  const at = typeof input.at === 'number' ? input.at : parseDuration(String(input.at), 1_000_000);
  if (at === undefined) return `'${String(input.at)}' is not a time`;
  const t = `${at}us`;
  if (Array.isArray(input['partition'])) return { at, action: 'partition', sides: input['partition'] as string[][] };
  if (input['heal']) return { at, action: 'heal' };
  for (const key of ['crash', 'restart', 'reject', 'accept', 'crash-after-processing', 'crash-before-processing', 'crash-between-writes', 'rebuild']) {
    if (typeof input[key] === 'string') return parseFault(`${t} ${key} ${input[key]}`);
  }
  if (typeof input['slow'] === 'string') return parseFault(`${t} slow ${input['slow']} ${input['by'] ?? '100ms'}`);
  if (typeof input['add-partitions'] === 'string') return parseFault(`${t} add-partitions ${input['add-partitions']} ${input['count']}`);
  if (typeof input['poison'] === 'string') return parseFault(`${t} poison ${input['poison']} ${input['key'] ? `key=${input['key']}` : `type=${input['type']}`}`);
  if (typeof input['upgrade'] === 'string') {
    const parts = [input['schema'] !== undefined ? `schema=${String(input['schema'])}` : '', input['reader.schema'] !== undefined ? `reader.schema=${String(input['reader.schema'])}` : ''];
    return parseFault(`${t} upgrade ${input['upgrade']} ${parts.join(' ')}`);
  }
  for (const key of ['latency', 'loss', 'cut']) {
    const v = input[key];
    if (Array.isArray(v)) return parseFault(`${t} ${key} ${v.join(' ')}`);
  }
  return `cannot read fault ${JSON.stringify(input)}`;
}

/** Writes a fault back as a timeline line. */
export function formatFault(f: Fault): string {
  const t = f.at % 1_000_000 === 0 ? `${f.at / 1_000_000}s` : `${f.at / 1000}ms`;
  switch (f.action) {
    case 'partition':
      return `${t} partition ${f.sides.map((s) => s.join(',')).join(' | ')}`;
    case 'heal':
      return `${t} heal`;
    case 'slow':
      return `${t} slow ${f.target} ${f.byUs / 1000}ms`;
    case 'latency':
      return `${t} latency ${f.between.join(' ')} ${f.latencyUs / 1000}ms`;
    case 'loss':
      return `${t} loss ${f.between.join(' ')} ${Math.round(f.probability * 1000) / 10}%`;
    case 'cut':
      return `${t} cut ${f.between.join(' ')}`;
    case 'poison':
      return `${t} poison ${f.target} ${f.key !== undefined ? `key=${f.key}` : `type=${f.type}`}`;
    case 'add-partitions':
      return `${t} add-partitions ${f.topic} ${f.count}`;
    case 'upgrade':
      return `${t} upgrade ${f.target}${f.schema !== undefined ? ` schema=${f.schema}` : ''}${f.reader !== undefined ? ` reader.schema=${f.reader}` : ''}`;
    case 'reset-offsets':
      return `${t} reset-offsets ${f.group} ${typeof f.to === 'number' ? `shift=${f.to}` : f.to}`;
    default:
      return `${t} ${f.action} ${f.target}`;
  }
}
