import { describe, expect, it } from 'vitest';
import { readStoredWorkspace } from './storedWorkspace.ts';

const good = { id: 'w1', name: 'Orders', text: 'graph LR\n A --> B', positions: { A: { x: 1, y: 2 } }, updatedAt: 5, version: 3, writer: 't' };

describe('readStoredWorkspace', () => {
  it('accepts a record as saved, and keeps only the fields it knows', () => {
    expect(readStoredWorkspace({ ...good, extra: 'ignored', positions: { A: { x: 1, y: 2, z: 9 } } })).toEqual({ ok: true, workspace: good });
  });

  it('reads a record from before versions as version 0 by nobody', () => {
    const { version: _v, writer: _w, ...old } = good;
    expect(readStoredWorkspace(old)).toMatchObject({ ok: true, workspace: { version: 0, writer: '' } });
  });

  it('drops the positions that are not points and keeps the workspace', () => {
    const positions = { A: { x: 1, y: 2 }, B: { x: '1" onload="x', y: 0 }, C: { x: Number.NaN, y: 0 }, D: null };
    expect(readStoredWorkspace({ ...good, positions })).toMatchObject({ ok: true, workspace: { positions: { A: { x: 1, y: 2 } } } });
    expect(readStoredWorkspace({ ...good, positions: 'none' })).toMatchObject({ ok: true, workspace: { positions: {} } });
  });

  it.each([
    [42, 'it is not a workspace record'],
    [null, 'it is not a workspace record'],
    [{ ...good, id: '' }, 'it has no id'],
    [{ ...good, name: ['x'] }, 'its name is not text'],
    [{ ...good, text: 42 }, 'its text is not text'],
    [{ ...good, text: 'x'.repeat(4_000_001) }, 'its text is far larger than any topology'],
    [{ ...good, updatedAt: 'yesterday' }, 'it has no time of change'],
    [{ ...good, version: -1 }, 'its version is not a count'],
    [{ ...good, writer: 7 }, 'its writer is not text'],
  ])('refuses %j: %s', (value, reason) => {
    expect(readStoredWorkspace(value)).toEqual({ ok: false, reason });
  });
});
