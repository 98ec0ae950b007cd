/**
 * Kafka's inspector questions, asked of the engine by family and name (engine/kafka/family.ts `inspect`).
 */
import type { GroupDetail, PartitionDetail } from '../../../engine/index.ts';
import { engine } from '../../engine/client.ts';

export const partitionDetail = (pid: number) => engine.sim.inspect('kafka', 'partition', pid) as Promise<PartitionDetail | null>;

export const groupDetail = (gid: number) => engine.sim.inspect('kafka', 'group', gid) as Promise<GroupDetail | null>;
