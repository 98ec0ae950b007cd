/** The second half of the outbox and inbox property seeds (see property.test.ts). */
import { describe, expect, it } from 'vitest';
import { checkSeeds } from '../testing/outboxProperty.ts';

describe('outbox and inbox under random crashes', () => {
  it("seeds 251-500: never loses a committed row's event, never publishes a phantom, never applies an effect twice with an inbox table", () => {
    expect(checkSeeds(251, 500)).toEqual([]);
  }, 300_000);
});
