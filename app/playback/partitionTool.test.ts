import { beforeEach, describe, expect, it } from 'vitest';
import { closePartitionTool, cycleSide, partitionTool, setSide, splitLine } from './partitionTool.ts';

describe('partition tool', () => {
  beforeEach(closePartitionTool);

  it('cycles a clicked node through side A, side B and neither', () => {
    cycleSide('Kafka/1');
    expect(partitionTool.getState().sides).toEqual({ 'Kafka/1': 'a' });
    cycleSide('Kafka/1');
    expect(partitionTool.getState().sides).toEqual({ 'Kafka/1': 'b' });
    cycleSide('Kafka/1');
    expect(partitionTool.getState().sides).toEqual({});
  });

  it('makes a split only once both sides have a host', () => {
    setSide('Kafka/1', 'a');
    expect(splitLine(partitionTool.getState().sides)).toBeNull();
    setSide('Kafka/2', 'b');
    setSide('Kafka/3', 'b');
    expect(splitLine(partitionTool.getState().sides)).toBe('partition Kafka/1 | Kafka/2,Kafka/3');
  });
});
