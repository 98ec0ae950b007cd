/**
 * Reading setting values: `16kb`, `1s`, `50/s`, `true`, `exp(5ms)`. Each reader returns the value or a message
 * that says what is wrong, in the learner's terms.
 */
import { parseDistribution, type Distribution } from '../sim/distribution.ts';
import { parseDuration, SECOND } from '../sim/time.ts';
import { setting, type Setting } from './schema.ts';

export type Value = number | boolean | string | Distribution;

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, k: 1024, kib: 1024, mb: 1 << 20, m: 1 << 20, mib: 1 << 20, gb: 1 << 30, g: 1 << 30, gib: 1 << 30 };

/** Bytes from `16384`, `16kb`, `1mib`. */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = m[2] ? BYTE_UNITS[m[2].toLowerCase()] : 1;
  return unit === undefined ? undefined : Math.round(Number(m[1]) * unit);
}

/** Events per second from `50/s`, `3000/min`, `2/ms`, or a bare number (per second). */
export function parseRate(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(us|ms|s|sec|m|min|h))?\s*$/i.exec(text);
  if (!m) return undefined;
  const per: Record<string, number> = { us: 1e-6, ms: 1e-3, s: 1, sec: 1, m: 60, min: 60, h: 3600 };
  return Number(m[1]) / (per[(m[2] ?? 's').toLowerCase()] ?? 1);
}

/** Parses `text` as a value of `s`, or returns a message saying what is wrong. */
export function parseValue(s: Setting, text: string): Value | { error: string } {
  const v = s.value;
  const err = (what: string) => ({ error: `${s.key}=${text}: ${what}` });
  switch (v.type) {
    case 'int':
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) return err(`expected a number`);
      if (v.type === 'int' && !Number.isInteger(n)) return err('expected a whole number');
      if (v.min !== undefined && n < v.min) return err(`must be at least ${v.min}`);
      if (v.max !== undefined && n > v.max) return err(`must be at most ${v.max}`);
      return n;
    }
    case 'bool':
      if (text === 'true' || text === 'false') return text === 'true';
      return err('expected true or false');
    case 'enum':
      return v.values.includes(text) ? text : err(`expected one of ${v.values.join(', ')}`);
    case 'ms': {
      if (v.forever && text.trim() === '-1') return -1;
      const us = parseDuration(text);
      return us === undefined || us < 0 ? err(`expected a duration such as 500ms, 30s or 30000${v.forever ? ', or -1 for no limit' : ''}`) : us / 1000;
    }
    case 'bytes': {
      const b = parseBytes(text);
      return b === undefined ? err('expected a size such as 16384, 16kb or 1mb') : b;
    }
    case 'rate': {
      const r = parseRate(text);
      return r === undefined ? err('expected a rate such as 50/s or 3000/min') : r;
    }
    case 'distribution': {
      const d = parseDistribution(text);
      return typeof d === 'string' ? err(d) : d;
    }
    case 'stages': {
      const st = parseStages(text);
      return typeof st === 'string' ? err(st) : text;
    }
    case 'string':
      return text;
  }
}

/** A retry stage: a topic and how long a record waits there before it is tried again. */
export interface Stage {
  topic: string;
  delayUs: number;
}

/** `orders-retry-1:5s,orders-retry-2:30s` read as stages in order; an empty text is none; a message when malformed. */
export function parseStages(text: string): Stage[] | string {
  if (text.trim() === '') return [];
  const out: Stage[] = [];
  for (const part of text.split(',')) {
    const i = part.lastIndexOf(':');
    const topic = (i >= 0 ? part.slice(0, i) : part).trim();
    const delayUs = i >= 0 ? parseDuration(part.slice(i + 1).trim()) : undefined;
    if (topic === '' || delayUs === undefined || delayUs < 0) return `expected topic:delay pairs such as orders-retry-1:5s,orders-retry-2:30s`;
    if (out.some((s) => s.topic === topic)) return `${topic} is named twice`;
    out.push({ topic, delayUs });
  }
  return out;
}

/**
 * Reads the settings of one component from its raw `key=value` map, filling in defaults.
 * Unknown keys and bad values come back as messages; the default is used in their place.
 */
export function readSettings(raw: Record<string, string>, keys: string[]): { values: Record<string, Value>; errors: string[] } {
  const values: Record<string, Value> = {};
  const errors: string[] = [];
  for (const key of keys) {
    const st = setting(key);
    if (!st) throw new Error(`no setting ${key}`);
    const text = raw[key];
    const parsed = parseValue(st, text ?? st.default);
    if (typeof parsed === 'object' && 'error' in parsed) {
      errors.push(parsed.error);
      values[key] = parseValue(st, st.default) as Value;
    } else {
      values[key] = parsed;
    }
  }
  return { values, errors };
}

/** Microseconds per event at `rate` events per second. */
export function intervalUs(rate: number): number {
  return rate > 0 ? SECOND / rate : Infinity;
}
