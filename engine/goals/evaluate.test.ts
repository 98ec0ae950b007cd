import { describe, expect, it } from 'vitest';
import { evaluateLesson } from './evaluate.ts';
import type { LessonGoals } from './types.ts';

const text = `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka Broker: orders]
  Kafka --> Billing[Billing Service]
  %% @config Orders rate=50/s key=customerId
  %% @config Billing auto.offset.reset=earliest session.timeout.ms=6s heartbeat.interval.ms=2s
`;

const lesson: LessonGoals = {
  run: { seed: 9, durationS: 30, faults: ['5s crash {Billing}', '14s reset-offsets {Billing} earliest', '15s restart {Billing}'] },
  goals: [
    { id: 'replay', text: 'Billing replays.', check: { kind: 'replayed', service: '{Billing}', afterS: 14 } },
    { id: 'topic', text: 'A broker hosts orders.', check: { kind: 'hosts-topic', topic: 'orders' } },
    { id: 'all', text: 'Billing gets everything.', check: { kind: 'delivered', to: '{Billing}', sentBeforeS: 20, byS: 30 } },
  ],
};

describe('evaluateLesson', () => {
  it('answers every goal in the lesson\'s order, and reports the faults as run', () => {
    const r = evaluateLesson(text, lesson);
    expect(r.results.map((x) => [x.id, x.pass, x.ran])).toEqual([['replay', true, true], ['topic', true, true], ['all', true, true]]);
    expect(r.faults).toEqual([
      { at: '5.0 s', line: '5s crash Billing', note: 'crashed Billing', ok: true },
      { at: '14.0 s', line: '14s reset-offsets Billing earliest', note: 'offsets of group Billing reset to earliest', ok: true },
      { at: '15.0 s', line: '15s restart Billing', note: 'restarted Billing', ok: true },
    ]);
  });

  it('gives the same verdicts for the same text, run after run', () => {
    expect(evaluateLesson(text, lesson)).toEqual(evaluateLesson(text, lesson));
  });

  it('explains a fault the topology refused with the goal it spoils', () => {
    // The reset comes before the crashed member's session (6 s) has expired, so Kafka refuses it.
    const early = { ...lesson, run: { ...lesson.run, faults: ['10s crash {Billing}', '13s reset-offsets {Billing} earliest', '14s restart {Billing}'] } };
    const r = evaluateLesson(text, { ...early, goals: [{ ...lesson.goals[0]!, check: { kind: 'replayed', service: '{Billing}', afterS: 13 } }] });
    expect(r.results[0]!.pass).toBe(false);
    expect(r.results[0]!.explanation).toMatch(/at 13\.0 s the lesson's fault could not apply: group Billing has active members/);
    expect(r.faults[1]).toMatchObject({ ok: false });
  });

  it('checks only the structure when asked, marking the rest as not run', () => {
    const r = evaluateLesson(text, lesson, { behavioural: false });
    expect(r.results.map((x) => x.ran)).toEqual([false, true, false]);
    expect(r.results[0]!.explanation).toBe('Run the simulation to check this goal.');
    expect(r.faults).toEqual([]);
  });

  it('runs nothing on a text with errors, and says where the error is', () => {
    const r = evaluateLesson('graph LR\n  A[Order Service --> B\n', lesson);
    expect(r.results.every((x) => !x.pass && !x.ran)).toBe(true);
    expect(r.results[1]!.explanation).toMatch(/^The topology has an error at line 2: /);
  });

  it('does not run a fault schedule whose service is missing, since the goals would mean nothing', () => {
    const r = evaluateLesson(text.replaceAll('Billing', 'Invoicing'), lesson);
    expect(r.results.map((x) => x.ran)).toEqual([false, true, false]);
    expect(r.results[0]!.explanation).toMatch(/^The lesson's fault '5s crash \{Billing\}' needs a service to act on\. No service's id or label contains 'Billing'/);
  });

  it('does not run a topology the simulator cannot build', () => {
    const r = evaluateLesson(`${text}  %% @config orders replication.factor=5\n`, lesson);
    expect(r.results[0]!.ran).toBe(false);
    expect(r.results[0]!.explanation).toMatch(/^The simulation cannot run: replication.factor 5 for topic orders is more than the 3 broker\(s\) of Kafka/);
  });
});
