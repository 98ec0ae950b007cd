/**
 * What a share link may hold, checked field by field before anything reaches the editor: a link is written by
 * whoever sent it, so its contents are untrusted input. Fields a later version may add are dropped, not refused.
 */
import { parseFault } from '../../engine/ui.ts';
import type { SharedRun, SharedTopology } from './share.ts';

/** A shared text larger than this is refused rather than loaded into the editor. */
export const SHARE_TEXT_CHARS_MAX = 2_000_000;
/** Workspace names are a line in the switcher. */
export const SHARE_NAME_CHARS_MAX = 200;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A schedule longer than this is not one a learner built. */
export const SHARE_FAULTS_MAX = 500;
const FAULT_LINE_CHARS_MAX = 1000;

/**
 * The topology in `value` as format `version` has it (v2 adds the run), or why it is not one (a phrase: "its name
 * is not text").
 */
export function readShared(value: unknown, version = 1): SharedTopology | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'it holds no topology text' };
  const { text, name, run } = value as Record<string, unknown>;
  if (typeof text !== 'string') return { problem: 'it holds no topology text' };
  if (text.length > SHARE_TEXT_CHARS_MAX) return { problem: 'its text is far larger than any topology (over 2 million characters)' };
  if (text.includes('\u0000')) return { problem: 'its text looks binary, not like a flowchart' };
  const shared: SharedTopology = { text };
  if (name !== undefined) {
    if (typeof name !== 'string') return { problem: 'its name is not text' };
    if (name.length > SHARE_NAME_CHARS_MAX) return { problem: `its name is longer than ${SHARE_NAME_CHARS_MAX} characters` };
    if (CONTROL.test(name)) return { problem: 'its name holds control characters' };
    shared.name = name;
  }
  if (version >= 2 && run !== undefined) {
    const read = readRun(run);
    if ('problem' in read) return read;
    shared.run = read;
  }
  return shared;
}

/** The run a v2 link carries: a whole seed, and fault lines EventLab can read. */
function readRun(run: unknown): SharedRun | { problem: string } {
  if (typeof run !== 'object' || run === null || Array.isArray(run)) return { problem: 'its run is not a seed and a fault schedule' };
  const { seed, faults } = run as Record<string, unknown>;
  if (!Number.isSafeInteger(seed)) return { problem: 'its seed is not a whole number' };
  if (!Array.isArray(faults) || faults.some((f) => typeof f !== 'string')) return { problem: 'its fault schedule is not a list of lines' };
  if (faults.length > SHARE_FAULTS_MAX) return { problem: `its fault schedule has more than ${SHARE_FAULTS_MAX} lines` };
  for (const line of faults as string[]) {
    if (line.length > FAULT_LINE_CHARS_MAX || CONTROL.test(line)) return { problem: 'its fault schedule holds a line no fault has' };
    const f = parseFault(line);
    if (typeof f === 'string') return { problem: `its fault schedule has a line EventLab cannot read (${line.slice(0, 60)}: ${f})` };
  }
  return { seed: seed as number, faults: [...(faults as string[])] };
}
