import { describe, expect, it } from 'vitest';
import { examples, practiceTemplate } from './index.ts';

describe('examples', () => {
  it('start with the practice template, exactly as the course prints it', () => {
    expect(practiceTemplate.id).toBe('practice-decouple-checkout');
    const lines = practiceTemplate.text.split('\n');
    expect(lines).toHaveLength(18); // 17 lines and the final newline
    expect(lines[0]).toBe('graph TD');
    expect(lines[9]).toBe('OrderServiceAsync[Order Service] -->|1. Async Publish| KafkaBroker[Kafka Broker: orders-topic]');
    expect(lines[16]).toBe('end');
  });

  it('are all flowcharts with unique ids', () => {
    expect(new Set(examples.map((e) => e.id)).size).toBe(examples.length);
    for (const e of examples) expect(e.text).toMatch(/^(graph|flowchart)\b/);
  });
});
