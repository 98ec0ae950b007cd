/**
 * Label text: from what is written between brackets to what mermaid shows, and back.
 */

/** Named entities a learner is likely to write as `#name;` (mermaid's own escape, as `&name;` in HTML). */
const NAMED: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  lbrace: '{',
  rbrace: '}',
  lsqb: '[',
  rsqb: ']',
  lpar: '(',
  rpar: ')',
  vert: '|',
  num: '#',
  semi: ';',
};

const ENTITY = /#(\w+);/g;
const LINE_BREAK = /<\/?br\s*\/?>/gi;

function decodeEntity(match: string, name: string): string {
  if (/^\d+$/.test(name)) {
    const code = Number(name);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  }
  // Mermaid hands unknown names to the browser as `&name;`, which shows them literally.
  return NAMED[name] ?? `&${name};`;
}

/**
 * What mermaid shows for label text as written: trimmed, `#quot;`-style entities decoded, `<br>` as a line break.
 *
 * @example decodeLabel(' Order<br/>Service ') === 'Order\nService'
 */
export function decodeLabel(raw: string): string {
  if (!/[\r"#<]/.test(raw)) return raw.trim();
  let text = raw.replace(/\r\n?/g, '\n').trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  // Line breaks first: `#lt;br>` is an escaped, literal `<br>` (mermaid shows `&lt;br>` as text).
  return text.replace(LINE_BREAK, '\n').replace(ENTITY, decodeEntity);
}

/** Characters that may stand unquoted inside brackets and still read back as the same label. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .,:_'!?+*@$=&-]*$/u;

/** Mermaid reads any line holding these words as a direction statement, whatever else the line holds. */
const DIRECTION_WORDS = /direction(\s+)(TB|BT|RL|LR|TD)/g;

/** Writes the blanks of `direction LR` as entities, so the printed line reads as a label, not a direction. */
function guardDirection(body: string): string {
  return body.replace(DIRECTION_WORDS, (_m, blanks: string, dir: string) => `direction${[...blanks].map((c) => `#${c.codePointAt(0)};`).join('')}${dir}`);
}

/**
 * The label as it should be written inside brackets: bare when that is safe, otherwise quoted with `#quot;` for
 * quotes, `<br>` for line breaks, `#35;` for a `#` that would read as an entity, `#96;` for a leading backtick
 * (which would open a markdown string) and entities for the blanks of `direction LR`.
 *
 * @example encodeLabel('Orders DB') === 'Orders DB'; encodeLabel('a (b)') === '"a (b)"'
 */
export function encodeLabel(label: string): string {
  if (PLAIN.test(label) && !label.endsWith(' ') && !/#\w+;/.test(label) && !/--|==|~~|\.-/.test(label) && !/direction\s+(TB|BT|RL|LR|TD)/.test(label)) {
    return label;
  }
  return `"${guardDirection(escapeText(label).replace(/^`/, '#96;'))}"`;
}

/** Quotes, entity-like text, literal `<br>` tags and line breaks, escaped for a quoted label. */
function escapeText(label: string): string {
  return label
    .replace(/#(?=\w+;)/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(LINE_BREAK, (tag) => `#lt;${tag.slice(1)}`)
    .replace(/\r?\n/g, '<br>');
}

/** The label written as a markdown string: "`text`". */
export function encodeMarkdownLabel(label: string): string {
  return `"\`${guardDirection(escapeText(label))}\`"`;
}

/** The label as the quoted value of a node's data (`A@{ label: "..." }`). */
export function encodeDataLabel(label: string): string {
  return `"${guardDirection(escapeText(label))}"`;
}
