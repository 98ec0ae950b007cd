import { describe, expect, it } from 'vitest';
import { parseFault } from '../../engine/ui.ts';
import { atTime, clockText, linkFaultLine, nodeFaultLine, partitionLine, timeToken } from './faultLines.ts';

describe('fault lines', () => {
  it('writes what a click means in the timeline syntax', () => {
    expect(nodeFaultLine({ action: 'crash', target: 'Kafka/2' })).toBe('crash Kafka/2');
    expect(nodeFaultLine({ action: 'slow', target: 'Billing', ms: 499.6 })).toBe('slow Billing 500ms');
    expect(nodeFaultLine({ action: 'poison', target: 'Billing', key: ' customer-7 ' })).toBe('poison Billing key=customer-7');
    expect(linkFaultLine({ action: 'loss', between: ['Orders', 'Kafka'], percent: 150 })).toBe('loss Orders Kafka 100%');
    expect(partitionLine([['Kafka/1'], ['Kafka/2', 'Kafka/3']])).toBe('partition Kafka/1 | Kafka/2,Kafka/3');
  });

  it('writes lines the engine reads back as the same fault, at the same time', () => {
    const lines = [
      atTime(nodeFaultLine({ action: 'reject', target: 'Billing' }), 12_500_000),
      atTime(linkFaultLine({ action: 'latency', between: ['Orders', 'Kafka'], ms: 200 }), 3_000_000),
      atTime(linkFaultLine({ action: 'cut', between: ['Orders', 'Kafka'] }), 0),
      atTime(partitionLine([['Kafka/1'], ['Kafka/2', 'Kafka/3']]), 61_000_000),
    ];
    const faults = lines.map(parseFault);
    expect(faults.map((f) => (typeof f === 'string' ? f : f.at))).toEqual([12_500_000, 3_000_000, 0, 61_000_000]);
    expect(faults.map((f) => (typeof f === 'string' ? f : f.action))).toEqual(['reject', 'latency', 'cut', 'partition']);
  });

  it('formats times for the clock and for lines', () => {
    expect(timeToken(12_000_000)).toBe('12s');
    expect(timeToken(12_345_678)).toBe('12346ms');
    expect(clockText(0)).toBe('0.000s');
    expect(clockText(12_345_678)).toBe('12.345s');
    expect(clockText(125_100_000)).toBe('2m05.100s');
  });
});
