/**
 * Config directives: `%% @config <target> key=value key2="a quoted value" ...`, a comment to mermaid, settings to us.
 */
import type { ConfigEntrySyntax, ConfigSyntax } from './syntax.ts';
import { isBlank } from './text.ts';

export interface ConfigProblem {
  message: string;
  from: number;
  to: number;
}

export interface ReadConfig {
  config?: ConfigSyntax;
  problems: ConfigProblem[];
}

const KEY = /[A-Za-z0-9_.-]/;

function skip(text: string, i: number, to: number): number {
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Reads a quoted value at `i` (`"..."`, with `\"` and `\\`), returning its text and end; undefined if unclosed. */
function readQuoted(text: string, i: number, to: number): { value: string; end: number } | undefined {
  let value = '';
  for (let j = i + 1; j < to; j++) {
    const ch = text[j];
    if (ch === '\\' && j + 1 < to) {
      value += text[++j];
    } else if (ch === '"') {
      return { value, end: j + 1 };
    } else {
      value += ch;
    }
  }
  return undefined;
}

/**
 * Reads the comment `text.slice(from, to)` as a config directive. Returns undefined when it is an ordinary comment,
 * otherwise the directive (its well-formed entries) and any problems, each with its position.
 */
export function readConfig(text: string, from: number, to: number): ReadConfig | undefined {
  let i = skip(text, from + 2, to);
  if (!text.startsWith('@config', i)) return undefined;
  const keywordEnd = i + '@config'.length;
  if (keywordEnd < to && !isBlank(text.charCodeAt(keywordEnd))) return undefined;
  const problems: ConfigProblem[] = [];
  i = skip(text, keywordEnd, to);
  const targetFrom = i;
  while (i < to && !isBlank(text.charCodeAt(i))) i++;
  if (i === targetFrom) {
    problems.push({ message: "'@config' needs a target: a node id, topic name or consumer group, then key=value pairs", from, to });
    return { problems };
  }
  const target = text.slice(targetFrom, i);
  if (target.includes('=')) {
    problems.push({ message: `'@config' needs a target before its settings, e.g. '%% @config OrderService ${target}'`, from: targetFrom, to: i });
    return { problems };
  }
  const entries: ConfigEntrySyntax[] = [];
  for (i = skip(text, i, to); i < to; i = skip(text, i, to)) {
    const keyFrom = i;
    while (i < to && KEY.test(text[i] ?? '')) i++;
    if (i === keyFrom || text[i] !== '=') {
      let end = i;
      while (end < to && !isBlank(text.charCodeAt(end))) end++;
      const word = text.slice(keyFrom, Math.max(end, keyFrom + 1));
      problems.push({ message: `expected key=value in '@config ${target}', found '${word}'`, from: keyFrom, to: Math.max(end, keyFrom + 1) });
      i = end;
      continue;
    }
    const key = text.slice(keyFrom, i);
    const valueFrom = i + 1;
    let value: string;
    let end: number;
    if (text[valueFrom] === '"') {
      const quoted = readQuoted(text, valueFrom, to);
      if (!quoted) {
        problems.push({ message: `the quoted value of '${key}' is never closed with '"'`, from: valueFrom, to });
        break;
      }
      ({ value, end } = quoted);
    } else {
      end = valueFrom;
      while (end < to && !isBlank(text.charCodeAt(end))) end++;
      value = text.slice(valueFrom, end);
    }
    entries.push({ key, value, range: { from: keyFrom, to: end }, valueRange: { from: valueFrom, to: end } });
    i = end;
  }
  return { config: { target, targetRange: { from: targetFrom, to: targetFrom + target.length }, entries }, problems };
}

/**
 * A config value as it must be written: bare when it has no blanks or quotes, otherwise quoted.
 *
 * @example encodeConfigValue('all') === 'all'; encodeConfigValue('a b') === '"a b"'
 */
export function encodeConfigValue(value: string): string {
  if (value !== '' && !/[\s"\\]/.test(value)) return value;
  // A line break would end the directive's comment line; a setting value has no use for one.
  return `"${value.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
