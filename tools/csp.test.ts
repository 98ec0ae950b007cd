import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './csp.ts';

const plugin = contentSecurityPolicy();
const transform = (html: string) => (plugin.transformIndexHtml as (html: string) => string)(html);

describe('the Content-Security-Policy plugin', () => {
  it('applies to builds only: the dev server injects inline scripts for hot reload', () => {
    expect(plugin.apply).toBe('build');
  });

  it('puts the policy right after the charset of index.html, before anything it governs', () => {
    const html = transform(readFileSync('index.html', 'utf8'));
    expect(html).toMatch(/<meta charset="UTF-8" \/>\n\s*<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';/);
    expect(() => transform('<html><head></head></html>')).toThrow(/charset/);
  });

  it('allows no inline script and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});
