import { describe, expect, it } from 'vitest';
import type { Frame } from '../../engine/index.ts';
import { faultMarks } from './marks.ts';

const frame = (headUs: number, faults: Frame['faults'], pending: string[] = []) => ({ headUs, timeUs: headUs, faults, pending }) as Pick<Frame, 'faults' | 'timeUs' | 'pending'>;

describe('faultMarks', () => {
  it('lists applied faults with their notes and the schedule still ahead, in time order', () => {
    const f = frame(
      12_000_000,
      [
        { atUs: 10_000_000, text: '10s crash Kafka/2', note: 'crashed Kafka/2', ok: true },
        { atUs: 11_000_000, text: '11s crash Nope', note: "nothing is named 'Nope'", ok: false },
      ],
      ['30s heal'],
    );
    const marks = faultMarks(f, ['10s crash Kafka/2', '30s heal', '5s cut A B']);
    expect(marks.map((m) => [m.text, m.state])).toEqual([
      ['5s cut A B', 'next-run'],
      ['10s crash Kafka/2', 'applied'],
      ['11s crash Nope', 'refused'],
      ['30s heal', 'due'],
    ]);
    expect(marks[1]!.note).toBe('crashed Kafka/2');
  });

  it('shows every scheduled line as due before a run starts', () => {
    expect(faultMarks(null, ['20s heal'])[0]!.state).toBe('due');
  });

  it('is due only when the run meets it: a line ahead of the moment the run does not have is for the next run', () => {
    // Scheduled for the next run at 40 s, then scrubbed back to 5 s: the run still does not have it.
    expect(faultMarks(frame(5_000_000, [], []), ['10s crash A'])[0]!.state).toBe('next-run');
  });

  it('lists faults the run meets later that are not on the schedule (injected live after this moment)', () => {
    const marks = faultMarks(frame(5_000_000, [], ['12500ms crash Billing']), []);
    expect(marks.map((m) => [m.text, m.state])).toEqual([['12500ms crash Billing', 'due']]);
  });
});
