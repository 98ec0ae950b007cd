/**
 * Durations drawn from distributions, written the way a learner writes them in a config value:
 * `5ms` (always 5 ms), `exp(5ms)` (exponential, mean 5 ms), `uniform(1ms, 9ms)`, `normal(20ms, 4ms)`
 * (truncated at zero), `lognormal(20ms, 0.5)` (median 20 ms, sigma 0.5, a long right tail).
 *
 * Sampling uses the deterministic ln/exp of detmath.ts and Math.sqrt (exactly rounded), so draws are identical in
 * every JavaScript engine.
 */
import { exp, ln } from './detmath.ts';
import { nextFloat, type Stream } from './random.ts';
import { parseDuration } from './time.ts';

export type Distribution =
  | { type: 'constant'; us: number }
  | { type: 'exponential'; meanUs: number }
  | { type: 'uniform'; minUs: number; maxUs: number }
  | { type: 'normal'; meanUs: number; sdUs: number }
  | { type: 'lognormal'; medianUs: number; sigma: number };

export const constant = (us: number): Distribution => ({ type: 'constant', us });

/**
 * Reads a distribution, or returns an error message saying what is wrong.
 * @example parseDistribution('exp(5ms)') // { type: 'exponential', meanUs: 5000 }
 */
export function parseDistribution(text: string): Distribution | string {
  const t = text.trim();
  const call = /^([a-z]+)\s*\(([^)]*)\)$/i.exec(t);
  if (!call) {
    const us = parseDuration(t);
    return us === undefined || us < 0 ? `'${text}' is not a duration like 5ms or a distribution like exp(5ms)` : constant(us);
  }
  const name = call[1]!.toLowerCase();
  const args = call[2]!.split(/\s*(?:,|\.\.)\s*/).filter((s) => s !== '');
  const dur = (i: number) => parseDuration(args[i] ?? '');
  const bad = (usage: string) => `${name}(...) takes ${usage}, e.g. ${usage.replace(/<[^>]*>/g, (m) => example[m] ?? m)}`;
  switch (name) {
    case 'exp':
    case 'exponential': {
      const m = dur(0);
      return m === undefined || args.length !== 1 || m <= 0 ? bad('<mean>') : { type: 'exponential', meanUs: m };
    }
    case 'uniform': {
      const a = dur(0), b = dur(1);
      return a === undefined || b === undefined || a < 0 || b < a ? bad('<min>, <max>') : { type: 'uniform', minUs: a, maxUs: b };
    }
    case 'normal': {
      const m = dur(0), s = dur(1);
      return m === undefined || s === undefined || s < 0 ? bad('<mean>, <sd>') : { type: 'normal', meanUs: m, sdUs: s };
    }
    case 'lognormal': {
      const m = dur(0), s = Number(args[1]);
      return m === undefined || !(s >= 0) || m <= 0 ? bad('<median>, <sigma>') : { type: 'lognormal', medianUs: m, sigma: s };
    }
    default:
      return `unknown distribution '${name}': use exp, uniform, normal or lognormal`;
  }
}

const example: Record<string, string> = { '<mean>': '5ms', '<min>': '1ms', '<max>': '9ms', '<sd>': '2ms', '<median>': '20ms', '<sigma>': '0.5' };

/** Draws a whole number of microseconds (never negative). */
export function sample(d: Distribution, s: Stream): number {
  switch (d.type) {
    case 'constant':
      return d.us;
    case 'exponential':
      return Math.round(-d.meanUs * ln(1 - nextFloat(s)));
    case 'uniform':
      return Math.round(d.minUs + (d.maxUs - d.minUs) * nextFloat(s));
    case 'normal':
      return Math.max(0, Math.round(d.meanUs + d.sdUs * standardNormal(s)));
    case 'lognormal':
      return Math.round(d.medianUs * exp(d.sigma * standardNormal(s)));
  }
}

/** The distribution's mean in microseconds (for reports and capacity hints). */
export function mean(d: Distribution): number {
  switch (d.type) {
    case 'constant':
      return d.us;
    case 'exponential':
      return d.meanUs;
    case 'uniform':
      return (d.minUs + d.maxUs) / 2;
    case 'normal':
      return d.meanUs;
    case 'lognormal':
      return d.medianUs * exp((d.sigma * d.sigma) / 2);
  }
}

/** Marsaglia's polar method: needs only ln and sqrt. */
function standardNormal(s: Stream): number {
  for (;;) {
    const u = 2 * nextFloat(s) - 1;
    const v = 2 * nextFloat(s) - 1;
    const r = u * u + v * v;
    if (r > 0 && r < 1) return u * Math.sqrt((-2 * ln(r)) / r);
  }
}

/** Formats a distribution back the way it is written. */
export function formatDistribution(d: Distribution): string {
  const ms = (us: number) => `${us / 1000}ms`;
  switch (d.type) {
    case 'constant':
      return ms(d.us);
    case 'exponential':
      return `exp(${ms(d.meanUs)})`;
    case 'uniform':
      return `uniform(${ms(d.minUs)}, ${ms(d.maxUs)})`;
    case 'normal':
      return `normal(${ms(d.meanUs)}, ${ms(d.sdUs)})`;
    case 'lognormal':
      return `lognormal(${ms(d.medianUs)}, ${d.sigma})`;
  }
}
