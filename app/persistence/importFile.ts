/**
 * Reads a `.mmd` file a learner picked, and says plainly what is wrong with one that is not a flowchart.
 */

import { SHARE_NAME_CHARS_MAX } from './shareSchema.ts';

/** Larger files are refused: no topology a learner writes comes near it. */
export const IMPORT_BYTES_MAX = 2_000_000;

export type ImportCheck = { ok: true; text: string; name: string } | { ok: false; reason: string };

/** Checks a file's name and bytes; on success gives its text and a workspace name from the file name. */
export function checkImport(fileName: string, bytes: Uint8Array): ImportCheck {
  // A file name can hold anything its file system allows (newlines, bells); a workspace name is one short line.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
  const stem = fileName.replace(/\.(mmd|mermaid|md|txt)$/i, '').replace(/[\u0000-\u001f\u007f]/g, ' ');
  const name = stem.slice(0, SHARE_NAME_CHARS_MAX) || 'Imported';
  if (bytes.length === 0) return { ok: false, reason: `${fileName} is empty.` };
  if (bytes.length > IMPORT_BYTES_MAX) {
    return { ok: false, reason: `${fileName} is ${(bytes.length / 1e6).toFixed(1)} MB; a topology file is at most 2 MB.` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `${fileName} is not a text file (it is not valid UTF-8).` };
  }
  if (text.includes('\u0000')) return { ok: false, reason: `${fileName} looks binary, not like a text file.` };
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('%%'));
  if (!first || !/^\s*(graph|flowchart)\b/.test(first)) {
    const seen = first ? `it starts with “${first.trim().slice(0, 40)}”` : 'it has no diagram';
    return { ok: false, reason: `${fileName} is not a Mermaid flowchart: ${seen}, where “graph TD” or “flowchart LR” should be.` };
  }
  return { ok: true, text, name };
}
