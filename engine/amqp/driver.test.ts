/**
 * The model plays every scenario of the differential suite and observes what the reference predicts (the real
 * server is held to the same in tools/rabbit/differential.test.ts, and the model to the real server there).
 */
import { describe, expect, it } from 'vitest';
import { runModel } from './driver.ts';
import { SCENARIOS } from './scenarios.ts';

describe('the RabbitMQ model, scenario by scenario', () => {
  for (const s of SCENARIOS) {
    it(`${s.name} (${s.rows.join(', ')})`, () => {
      expect(runModel(s)).toEqual(s.expected);
    });
  }

  it('plays a scenario the same way every time', () => {
    const s = SCENARIOS.find((x) => x.rows.includes('Q18'))!;
    expect(runModel(s)).toEqual(runModel(s));
  });
});
