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
  return text.replace(ENTITY, decodeEntity).replace(LINE_BREAK, '\n');
}

/** Characters that may stand unquoted inside brackets and still read back as the same label. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .,:_'!?+*@$=&-]*$/u;

/**
 * The label as it should be written inside brackets: bare when that is safe, otherwise quoted with `#quot;` for
 * quotes, `<br>` for line breaks and `#35;` for a `#` that would read as an entity.
 *
 * @example encodeLabel('Orders DB') === 'Orders DB'; encodeLabel('a (b)') === '"a (b)"'
 */
export function encodeLabel(label: string): string {
  if (PLAIN.test(label) && !label.endsWith(' ') && !/#\w+;/.test(label) && !/--|==|~~|\.-/.test(label)) {
    return label;
  }
  const body = label
    .replace(/#(?=\w+;)/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/\n/g, '<br>');
  return `"${body}"`;
}

/** The label written as a markdown string: "`text`". */
export function encodeMarkdownLabel(label: string): string {
  return `"\`${label.replace(/"/g, '#quot;')}\`"`;
}
