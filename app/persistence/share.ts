/**
 * Share links: `#v1:` + base64url(deflate(JSON)). The version prefix lets a later format be told apart, and a link
 * that does not decode is reported, never half-loaded. A link is untrusted input: it is unpacked only up to a ceiling
 * (shareInflate.ts) and its contents checked against a schema (shareSchema.ts) before use.
 */
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { SHARE_HASH } from './shareHash.ts';
import { inflateAtMost } from './shareInflate.ts';
import { readShared } from './shareSchema.ts';

/** What a share link carries. */
export interface SharedTopology {
  text: string;
  name?: string;
}

export type ShareDecode = { kind: 'none' } | { kind: 'ok'; shared: SharedTopology } | { kind: 'damaged'; reason: string };

const PREFIX = '#v1:';
/** The most a link may unpack to: the JSON of the largest text accepted (2 million characters) with room for UTF-8. */
export const SHARE_JSON_BYTES_MAX = 8 * 2 ** 20;

/** The URL hash that carries `shared`, e.g. `#v1:eJyrVkrOz...`. */
export function encodeShare(shared: SharedTopology): string {
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(shared)), { level: 9 }));
}

/** Reads a URL hash: no share link, a topology, or why the link is damaged. */
export function decodeShare(hash: string): ShareDecode {
  const version = SHARE_HASH.exec(hash);
  if (!version) return { kind: 'none' };
  if (version[1] !== '1') return { kind: 'damaged', reason: `it uses format v${version[1]}, which this version of EventLab does not know` };
  const body = hash.slice(PREFIX.length);
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
  const shared = readShared(value);
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
