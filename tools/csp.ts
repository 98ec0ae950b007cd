/**
 * The Content-Security-Policy of the built page, as a <meta> tag (the build is static files: no server to send a
 * header). Only the build gets it: the dev server injects inline scripts for hot reload, which it would block.
 *
 * What the app needs, and nothing more: its own scripts (no inline script, no eval), its own engine worker, styles
 * set inline by React Flow, CodeMirror and mermaid, images from blob: and data: URLs (mermaid's drawings, PNG export),
 * no plugins, no framing of forms or other origins. `frame-ancestors` cannot be set from a <meta> tag: a host that
 * wants to forbid framing sends it as a header.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const CHARSET = /<meta charset="UTF-8" \/>/i;

/** Puts the policy right after the charset, before any script or stylesheet it governs (it covers only what follows). */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'eventlab:content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      if (!CHARSET.test(html)) throw new Error('index.html: the Content-Security-Policy goes after <meta charset="UTF-8" />, which is missing');
      return html.replace(CHARSET, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}
