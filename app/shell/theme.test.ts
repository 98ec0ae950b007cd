/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every stylesheet of the app, but the theme itself. */
function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return stylesheets(path);
    return path.endsWith('.css') && !path.endsWith('theme.css') ? [path] : [];
  });
}

describe('colours', () => {
  it('come from the theme variables: no stylesheet but theme.css names a colour of its own', () => {
    const literal = /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(|:\s*(white|black)\b/i;
    const offenders = stylesheets('app').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => !line.trim().startsWith('/*') && literal.test(line))
        .map(([line, n]) => `${file}:${n}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('each have a light and a dark value', () => {
    const theme = readFileSync('app/shell/theme.css', 'utf8');
    const themed = [...theme.matchAll(/^\s*(--[\w-]+):\s*light-dark\(/gm)].map((m) => m[1]);
    expect(themed.length).toBeGreaterThan(60);
    for (const name of ['--panel', '--text', '--muted', '--accent', '--on-accent', '--danger']) expect(themed).toContain(name);
  });
});
