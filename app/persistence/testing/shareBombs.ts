/**
 * Hostile share links for tests, built the way an attacker would: a "zip bomb" whose few megabytes of deflate
 * unpack to gigabytes, and a short text nested a thousand subgraphs deep.
 */
import { Deflate, strToU8 } from 'fflate';

const MIB = 2 ** 20;

/**
 * `#v1:` + a deflated `{"text":"aaa…"}` that unpacks to about `mib` MiB, at about 1 KB of link per MiB. One
 * megabyte of `a` is deflated once, sync-flushed (so it ends on a byte boundary), and the same bytes repeated:
 * they only refer back to earlier `a`s, so each copy unpacks to another megabyte.
 */
export function bombLink(mib: number): string {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  deflate.push(strToU8('{"text":"'));
  const run = new Uint8Array(MIB).fill(0x61);
  deflate.push(run);
  deflate.flush(true);
  const head = concat(parts.splice(0));
  deflate.push(run);
  deflate.flush(true);
  const repeat = concat(parts.splice(0));
  deflate.push(strToU8('"}'), true);
  const tail = concat(parts.splice(0));
  return '#v1:' + base64Url(concat([head, ...Array.from({ length: Math.max(0, mib - 1) }, () => repeat), tail]));
}

/** A flowchart with `depth` subgraphs, each inside the one before: about 3 KB of link for 1,000 levels. */
export function nestedText(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `subgraph S${i}`);
  return ['graph TD', ...open, 'A --> B', ...open.map(() => 'end')].join('\n');
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
