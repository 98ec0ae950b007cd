/**
 * Share links: `#v2:` + base64url(deflate(JSON)). The version prefix lets a format be told apart: v1 carried the text
 * and a name; v2 adds the run (its seed and fault schedule), so whoever opens it replays the same run. v1 links stay
 * readable. A version this EventLab does not know is refused with that reason rather than read without what it
 * added. A link that does not decode is reported, never half-loaded. A link is untrusted input: it is unpacked only
 * up to a ceiling (shareInflate.ts) and its contents checked against a schema (shareSchema.ts) before use.
 */
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { SHARE_HASH } from './shareHash.ts';
import { inflateAtMost } from './shareInflate.ts';
import { readShared } from './shareSchema.ts';

/** What a share link carries: the topology, and (from v2) the run to replay on it. */
export interface SharedTopology {
  text: string;
  name?: string;
  run?: SharedRun;
}

/** The seed and the fault schedule (timeline lines, `10s crash Kafka/2`) of the run a link was made from. */
export interface SharedRun {
  seed: number;
  faults: string[];
}

export type ShareDecode = { kind: 'none' } | { kind: 'ok'; shared: SharedTopology } | { kind: 'damaged'; reason: string };

/** The format links are written in; every version up to it is read. */
const VERSION = 2;
/** The most a link may unpack to: the JSON of the largest text accepted (2 million characters) with room for UTF-8. */
export const SHARE_JSON_BYTES_MAX = 8 * 2 ** 20;

/** The URL hash that carries `shared`, e.g. `#v1:eJyrVkrOz...`. */
export function encodeShare(shared: SharedTopology): string {
  return `#v${VERSION}:` + toBase64Url(deflateSync(strToU8(JSON.stringify(shared)), { level: 9 }));
}

/** Reads a URL hash: no share link, a topology, or why the link is damaged. */
export function decodeShare(hash: string): ShareDecode {
  const version = SHARE_HASH.exec(hash);
  if (!version) return { kind: 'none' };
  const v = Number(version[1]);
  if (!(v >= 1 && v <= VERSION)) return { kind: 'damaged', reason: `it uses format v${version[1]}, which this version of EventLab does not know` };
  const body = hash.slice(version[0].length);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) return { kind: 'damaged', reason: 'it contains characters a share link never has' };
  let json: string;
  try {
    const bytes = inflateAtMost(fromBase64Url(body), SHARE_JSON_BYTES_MAX);
    if (!bytes) return { kind: 'damaged', reason: 'it unpacks to more than 8 MB, far more than any topology: ask whoever sent it for the .mmd file instead' };
    json = strFromU8(bytes);
  } catch {
    return { kind: 'damaged', reason: 'its compressed data is cut short or corrupted' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { kind: 'damaged', reason: 'its contents are not readable' };
  }
  const shared = readShared(value, v);
  return 'problem' in shared ? { kind: 'damaged', reason: shared.problem } : { kind: 'ok', shared };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
