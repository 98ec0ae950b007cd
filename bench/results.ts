/**
 * bench/RESULTS.md holds one section per benchmark, each under its own `# ` heading; a benchmark rewrites its own
 * section and keeps the others. Each benchmark also appends a row to its history section (`# <name> history`), which
 * is never rewritten: a regression shows as a row worse than the ones above it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// From the package root, where npm runs every script: `npm run bench` runs a bundle in node_modules/.cache
// (tools/run-ts.mjs), where import.meta.url would put the file beside the bundle, not in bench/.
const path = resolve(process.cwd(), 'bench/RESULTS.md');

const read = () => (existsSync(path) ? readFileSync(path, 'utf8') : '');
const sections = (text: string) => text.split(/^(?=# )/m).filter((part) => part.trim());

/** Replaces (or appends) the section starting with `# ${heading}` by `section`. */
export function writeSection(heading: string, section: string): void {
  writeFileSync(path, replaceSection(read(), heading, section));
}

/** `text` with the section under `# ${heading}` replaced by `section` (appended when there is none). */
export function replaceSection(text: string, heading: string, section: string): string {
  const parts = sections(text);
  const at = parts.findIndex((part) => part.startsWith(`# ${heading}\n`));
  const out = parts.map((part) => part.trimEnd());
  if (at >= 0) out[at] = section.trimEnd();
  else out.push(section.trimEnd());
  return `${out.join('\n\n')}\n`;
}

/**
 * `text` with one row appended to the table of `# ${heading}`: the section is created with its header when missing;
 * when the columns changed since the last row, a new header starts a new table below the old rows (kept as written).
 */
export function appendRow(text: string, heading: string, columns: readonly string[], values: readonly string[]): string {
  const header = `| ${columns.join(' | ')} |\n|${columns.map(() => ' --- |').join('')}`;
  const row = `| ${values.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
  const old = sections(text).find((part) => part.startsWith(`# ${heading}\n`));
  if (!old) return replaceSection(text, heading, `# ${heading}\n\nOne row per run, newest last.\n\n${header}\n${row}`);
  const body = old.trimEnd();
  const tables = body.split(/\n\n(?=\| )/);
  const last = tables[tables.length - 1]!;
  const joined = last.startsWith(header) ? `${body}\n${row}` : `${body}\n\n${header}\n${row}`;
  return replaceSection(text, heading, joined);
}

/** Appends one row (date and commit first, then `figures`) to the history of the benchmark named `name`. */
export function recordHistory(name: string, figures: Readonly<Record<string, string>>): void {
  const columns = ['date', 'commit', ...Object.keys(figures)];
  const values = [new Date().toISOString().slice(0, 16).replace('T', ' '), commit(), ...Object.values(figures)];
  writeFileSync(path, appendRow(read(), `${name} history`, columns, values));
}

/** The commit measured, short, with `+changes` when the working tree differed from it (its figures are not HEAD's). */
function commit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    // The results file itself does not count: each benchmark writes its section before its history row.
    return git('status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/RESULTS.md') ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}
