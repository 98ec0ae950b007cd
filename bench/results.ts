/**
 * bench/RESULTS.md holds one section per benchmark, each under its own `# ` heading; a benchmark rewrites its own
 * section and keeps the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const path = new URL('./RESULTS.md', import.meta.url);

/** Replaces (or appends) the section starting with `# ${heading}` by `section`. */
export function writeSection(heading: string, section: string): void {
  const others = (existsSync(path) ? readFileSync(path, 'utf8') : '').split(/^(?=# )/m).filter((part) => part.trim() && !part.startsWith(`# ${heading}\n`));
  writeFileSync(path, `${[...others.map((part) => part.trimEnd()), section.trimEnd()].join('\n\n')}\n`);
}
