import { describe, expect, it } from 'vitest';
import type { SagaPath } from '../../../engine/index.ts';
import { parseTraceQuery, traceQueryText } from '../traceQuery.ts';
import { layoutSaga, sagaMarkKind } from './sagaSpacetime.ts';

/** An orchestrated saga whose Inventory command was lost (Inventory down), retried after the timeout, then rejected and compensated. */
const path: SagaPath = {
  saga: 12, flow: 'Orch', verdict: 'compensated', startedAtMs: 1000, failed: { node: 'Inv', how: 'rejected' }, mode: 'orchestrated',
  steps: [{ node: 'Pay', effect: 'undone' }, { node: 'Inv', effect: 'rejected' }],
  lanes: ['Orch', 'Pay', 'Inv'],
  moves: [
    { kind: 'command', step: 'Pay', from: 0, to: 1, sentMs: 1000, arrivedMs: 1001 },
    { kind: 'reply', step: 'Pay', from: 1, to: 0, sentMs: 1051, arrivedMs: 1052 },
    { kind: 'command', step: 'Inv', from: 0, to: 2, sentMs: 1052, arrivedMs: null },
    { kind: 'command', step: 'Inv', from: 0, to: 2, sentMs: 2052, arrivedMs: 2053 },
    { kind: 'reply', step: 'Inv', from: 2, to: 0, sentMs: 2073, arrivedMs: 2074 },
    { kind: 'compensate', step: 'Pay', from: 0, to: 1, sentMs: 2074, arrivedMs: 2075 },
    { kind: 'reply', step: 'Pay', from: 1, to: 0, sentMs: 2125, arrivedMs: 2126 },
  ],
  marks: [
    { what: 'started', step: 'Pay', lane: 0, atMs: 1000 },
    { what: 'done', step: 'Pay', lane: 1, atMs: 1051 },
    { what: 'lost: it was down', step: 'Inv', lane: 2, atMs: 1052 },
    { what: 'timeout', step: 'Inv', lane: 0, atMs: 2052 },
    { what: 'rejected', step: 'Inv', lane: 2, atMs: 2073 },
    { what: 'undone', step: 'Pay', lane: 1, atMs: 2125 },
    { what: 'compensated', step: '', lane: 0, atMs: 2126 },
  ],
};

describe('a saga in the trace', () => {
  it('draws each command, reply and compensation between the lanes, in µs, a lost one dropping onto its lane', () => {
    const st = layoutSaga(path);
    expect(st.saga).toBe(true);
    expect(st.lanes).toEqual([{ host: 'Orch', role: 'orchestrator' }, { host: 'Pay', role: 'service' }, { host: 'Inv', role: 'service' }]);
    expect(st.hops.map((h) => `${h.kind} ${h.from}->${h.to} ${h.t0}-${h.t1}`)).toEqual([
      'command 0->1 1000000-1001000', 'reply 1->0 1051000-1052000', 'command 0->2 1052000-1052000', 'command 0->2 2052000-2053000',
      'reply 2->0 2073000-2074000', 'compensate 0->1 2074000-2075000', 'reply 1->0 2125000-2126000',
    ]);
    expect(st.marks.map((m) => m.kind)).toEqual(['started', 'done', 'lost', 'timeout', 'rejected', 'undone', 'ended']);
    expect(st.marks[1]!.note).toBe('done, step Pay');
  });

  it("shows each service's local transaction as a bar from the arrival to its outcome, none for a lost command", () => {
    const st = layoutSaga(path);
    expect(st.spans.map((s) => `${s.group} ${s.t0}-${s.t1}`)).toEqual(['Pay 1001000-1051000', 'Inv 2053000-2073000', 'Pay 2075000-2125000']);
    expect(st.times[0]).toBe(1_000_000);
    expect(st.times.at(-1)).toBe(2_126_000);
  });

  it('draws a choreography from its trigger event, and reads what each mark is', () => {
    const st = layoutSaga({ ...path, mode: 'choreographed', lanes: ['Order Created', 'Pay', 'Inv'], moves: [{ kind: 'compensating event', step: 'Pay', from: 2, to: 1, sentMs: 5, arrivedMs: 6 }], marks: [] });
    expect(st.lanes[0]).toEqual({ host: 'Order Created', role: 'client' });
    expect(st.hops[0]!.kind).toBe('compensating');
    expect(['undo failed', 'forgotten', 'lost: it crashed during the transaction', 'completed'].map(sagaMarkKind)).toEqual(['failed', 'lost', 'lost', 'ended']);
  });

  it('is asked for as `saga 12` or `saga #12`', () => {
    expect(parseTraceQuery('saga 12')).toEqual({ kind: 'saga', id: 12 });
    expect(parseTraceQuery(' Saga #7 ')).toEqual({ kind: 'saga', id: 7 });
    expect(parseTraceQuery('#12')).toEqual({ kind: 'message', id: 12 });
    expect(parseTraceQuery('sagas')).toEqual({ kind: 'key', key: 'sagas' });
    expect(traceQueryText({ kind: 'saga', id: 12 })).toBe('saga #12');
  });
});
