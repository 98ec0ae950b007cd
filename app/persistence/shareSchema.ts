/**
 * What a share link may hold, checked field by field before anything reaches the editor: a link is written by
 * whoever sent it, so its contents are untrusted input. Fields a later version may add are dropped, not refused.
 */
import type { SharedTopology } from './share.ts';

/** A shared text larger than this is refused rather than loaded into the editor. */
export const SHARE_TEXT_CHARS_MAX = 2_000_000;
/** Workspace names are a line in the switcher. */
export const SHARE_NAME_CHARS_MAX = 200;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The topology in `value`, or why it is not one (a phrase: "its name is not text"). */
export function readShared(value: unknown): SharedTopology | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'it holds no topology text' };
  const { text, name } = value as Record<string, unknown>;
  if (typeof text !== 'string') return { problem: 'it holds no topology text' };
  if (text.length > SHARE_TEXT_CHARS_MAX) return { problem: 'its text is far larger than any topology (over 2 million characters)' };
  if (text.includes('\u0000')) return { problem: 'its text looks binary, not like a flowchart' };
  if (name === undefined) return { text };
  if (typeof name !== 'string') return { problem: 'its name is not text' };
  if (name.length > SHARE_NAME_CHARS_MAX) return { problem: `its name is longer than ${SHARE_NAME_CHARS_MAX} characters` };
  if (CONTROL.test(name)) return { problem: 'its name holds control characters' };
  return { text, name };
}
