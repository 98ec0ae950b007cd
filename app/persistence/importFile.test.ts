import { describe, expect, it } from 'vitest';
import { checkImport } from './importFile.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('checkImport', () => {
  it('accepts a flowchart, normalising line ends and a byte-order mark', () => {
    expect(checkImport('orders.mmd', bytes('\uFEFF%% mine\r\ngraph LR\r\n A --> B\r\n'))).toEqual({
      ok: true,
      text: '%% mine\ngraph LR\n A --> B\n',
      name: 'orders',
    });
  });

  it('says what is wrong with a file that is not one', () => {
    const reason = (name: string, data: Uint8Array) => {
      const r = checkImport(name, data);
      return r.ok ? '' : r.reason;
    };
    expect(reason('a.mmd', bytes(''))).toBe('a.mmd is empty.');
    expect(reason('a.png', new Uint8Array([0x89, 0x50, 0xff, 0xfe, 0x00]))).toMatch(/not a text file/);
    expect(reason('a.mmd', bytes('graph\u0000'))).toMatch(/binary/);
    expect(reason('seq.mmd', bytes('sequenceDiagram\n A->>B: hi'))).toBe(
      'seq.mmd is not a Mermaid flowchart: it starts with “sequenceDiagram”, where “graph TD” or “flowchart LR” should be.',
    );
    expect(reason('big.mmd', new Uint8Array(2_000_001))).toMatch(/at most 2 MB/);
  });

  it('names the workspace after the file, as one line of at most 200 characters', () => {
    const r = checkImport(`a\nb\u0007${'x'.repeat(300)}.mmd`, bytes('graph LR\n A --> B\n'));
    expect(r.ok && r.name).toBe(`a b ${'x'.repeat(196)}`);
  });
});
