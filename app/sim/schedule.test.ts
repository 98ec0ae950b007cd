import { describe, expect, it } from 'vitest';
import { readSchedule, readScheduled, sortSchedule, type Scheduled } from './schedule.ts';

describe('schedule', () => {
  it('reads a line into its time and its action, or says what is wrong', () => {
    expect(readScheduled(' 12.5s  crash Kafka/2 ')).toEqual({ atUs: 12_500_000, action: 'crash Kafka/2', line: '12500ms crash Kafka/2' });
    expect((readScheduled('10000ms loss A B 5') as Scheduled).line).toBe('10s loss A B 5%');
    expect(readScheduled('soon crash Kafka/2')).toMatch(/is not a time/);
    expect(readScheduled('10s explode Kafka')).toMatch(/unknown fault 'explode'/);
  });

  it('sorts by time, keeping the order of faults at the same moment', () => {
    expect(sortSchedule(['30s heal', '10s crash B', '10s crash A', '2s cut A B'])).toEqual(['2s cut A B', '10s crash B', '10s crash A', '30s heal']);
  });

  it("reads a schedule from outside: written the engine's way, in time order, lines it cannot read left out", () => {
    expect(readSchedule(['30s heal', '12.5s crash A', 'later crash B'])).toEqual(['12500ms crash A', '30s heal']);
  });
});
