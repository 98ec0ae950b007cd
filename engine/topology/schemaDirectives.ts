/**
 * Schema directives: `%% @schema <Name> v<N> avro { ...Avro schema JSON... }`. The JSON may continue on the
 * following `%%` lines (each line's `%%` and one blank after it are not part of it), so a learner pastes a schema
 * as written and the text stays valid Mermaid. Reading them needs no Avro library: the JSON is checked here (its
 * syntax errors at their own line and column); what the JSON means as Avro is checked where the library is loaded.
 */

export interface SchemaDirective {
  name: string;
  version: number;
  format: 'avro';
  /** The schema JSON, parsed (undefined when it did not parse). */
  json?: unknown;
  /** Offsets of the directive in the text, from its `%%` to the end of its JSON. */
  from: number;
  to: number;
}

export interface SchemaProblem {
  message: string;
  from: number;
  to: number;
}

const HEAD = /^[ \t]*%%[ \t]*@schema\b/;

/** The JSON text of a block: the lines' text with their `%%` prefixes blanked, offsets kept (so positions map back). */
interface Block {
  json: string;
  /** `offsets[i]` is the text offset of `json[i]`. */
  offsets: number[];
  end: number;
}

/** Collects JSON from offset `i` (just after the head) until its braces balance, across following `%%` lines. */
function collect(text: string, i: number): Block | { problem: string; at: number } {
  let json = '';
  const offsets: number[] = [];
  let depth = 0;
  let started = false;
  let inString = false;
  let escaped = false;
  let pos = i;
  for (;;) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    for (let j = pos; j < eol; j++) {
      const ch = text[j]!;
      if (!started) {
        if (ch === ' ' || ch === '\t' || ch === '\r') continue;
        if (ch !== '{') return { problem: `'@schema' needs the schema's JSON after its format, starting with '{'`, at: j };
        started = true;
      }
      json += ch;
      offsets.push(j);
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return { json, offsets, end: j + 1 };
      }
    }
    json += '\n';
    offsets.push(eol);
    if (eol >= text.length) break;
    // The next line continues the schema only when it is a `%%` comment (and not another directive).
    const next = eol + 1;
    const m = /^[ \t]*%%[ \t]?/.exec(text.slice(next, next + 64));
    if (!m || /^[ \t]*%%[ \t]*@/.test(text.slice(next, next + 64)) || text.startsWith('%%{', next + m[0].indexOf('%%'))) break;
    pos = next + m[0].length;
  }
  return { problem: started ? "the schema's JSON never closes: every '{' needs its '}' on a '%%' line" : "'@schema' needs the schema's JSON after its format, starting with '{'", at: started ? offsets[0]! : i };
}

/** Where JSON.parse's error points, as an index into the JSON text, if its message says. */
function errorIndex(message: string, json: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Math.min(Number(pos[1]), json.length - 1);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    let line = 1;
    let i = 0;
    while (line < Number(lc[1]) && i < json.length) if (json[i++] === '\n') line++;
    return Math.min(i + Number(lc[2]) - 1, json.length - 1);
  }
  return json.length - 1;
}

/**
 * Reads every `@schema` directive of a text. Returns undefined (and costs one search) when there is none.
 *
 * @example readSchemas('%% @schema A v1 avro {"type":"string"}').schemas[0].version === 1
 */
export function readSchemas(text: string): { schemas: SchemaDirective[]; problems: SchemaProblem[] } | undefined {
  if (!text.includes('@schema')) return undefined;
  const schemas: SchemaDirective[] = [];
  const problems: SchemaProblem[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let eol = text.indexOf('\n', lineStart);
    if (eol < 0) eol = text.length;
    const head = HEAD.exec(text.slice(lineStart, eol));
    if (!head) {
      lineStart = eol + 1;
      continue;
    }
    const from = lineStart + head[0].indexOf('%%');
    let i = lineStart + head[0].length;
    const word = (): { value: string; from: number; to: number } => {
      while (i < eol && (text[i] === ' ' || text[i] === '\t')) i++;
      const start = i;
      while (i < eol && !/[\s{]/.test(text[i]!)) i++;
      return { value: text.slice(start, i), from: start, to: i };
    };
    const name = word();
    const version = word();
    const format = word();
    const bad = (message: string, at: { from: number; to: number }) => {
      problems.push({ message, from: at.from, to: Math.max(at.to, at.from + 1) });
      lineStart = eol + 1;
    };
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name.value)) {
      bad("'@schema' needs a name, a version and a format: '%% @schema OrderPlacedEvent v1 avro { ... }'", name.value ? name : { from, to: eol });
      continue;
    }
    if (!/^v\d+$/.test(version.value) || Number(version.value.slice(1)) < 1) {
      bad(`the version of schema '${name.value}' must read v1, v2, ...; found '${version.value}'`, version.value ? version : name);
      continue;
    }
    if (format.value !== 'avro') {
      bad(`schema '${name.value}' ${version.value}: the format must be 'avro'${format.value ? `, not '${format.value}'` : ''}`, format.value ? format : version);
      continue;
    }
    const block = collect(text, i);
    if ('problem' in block) {
      bad(block.problem, { from: block.at, to: block.at + 1 });
      continue;
    }
    const d: SchemaDirective = { name: name.value, version: Number(version.value.slice(1)), format: 'avro', from, to: block.end };
    try {
      d.json = JSON.parse(block.json);
    } catch (e) {
      const at = block.offsets[errorIndex((e as Error).message, block.json)] ?? from;
      problems.push({ message: `schema '${d.name}' v${d.version} is not valid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/s, '')}`, from: at, to: at + 1 });
    }
    if (schemas.some((s) => s.name === d.name && s.version === d.version)) problems.push({ message: `schema '${d.name}' v${d.version} is declared twice`, from: name.from, to: version.to });
    else schemas.push(d);
    const endLine = text.indexOf('\n', block.end);
    lineStart = endLine < 0 ? text.length + 1 : endLine + 1;
  }
  return { schemas, problems };
}
