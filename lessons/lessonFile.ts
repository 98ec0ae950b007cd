/**
 * Reading a `lesson.md`: a front-matter block with the title and the objectives, then the reading itself.
 *
 *   ---
 *   title: Decouple the checkout
 *   objectives:
 *     - Compute the availability of a synchronous chain.
 *   ---
 *   The reading, in markdown...
 */

export interface LessonFile {
  title: string;
  objectives: string[];
  reading: string;
}

/**
 * Splits a lesson file into its header and its reading; throws with the file's name when the header is malformed.
 * @example readLessonFile('---\ntitle: A\nobjectives:\n  - B\n---\nText', 'x').title // 'A'
 */
export function readLessonFile(text: string, name: string): LessonFile {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new Error(`${name}: a lesson file starts with a --- header holding its title and objectives`);
  let title = '';
  const objectives: string[] = [];
  let inObjectives = false;
  for (const line of m[1]!.split(/\r?\n/)) {
    const item = /^\s+-\s+(.+)$/.exec(line);
    const field = /^(\w+):\s*(.*)$/.exec(line);
    if (item && inObjectives) objectives.push(item[1]!.trim());
    else if (field?.[1] === 'title') {
      title = field[2]!.trim();
      inObjectives = false;
    } else if (field?.[1] === 'objectives' && field[2] === '') inObjectives = true;
    else if (line.trim() !== '') throw new Error(`${name}: cannot read header line '${line}'`);
  }
  if (!title) throw new Error(`${name}: the header has no title`);
  if (objectives.length === 0) throw new Error(`${name}: the header lists no objectives`);
  return { title, objectives, reading: text.slice(m[0].length).trim() };
}

/**
 * Replaces `{{name}}` in a reading by the value named; unknown names stay as written.
 * @example fillPlaceholders('A = {{a}}', { a: '99%' }) // 'A = 99%'
 */
export function fillPlaceholders(markdown: string, values: Record<string, string>): string {
  return markdown.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
