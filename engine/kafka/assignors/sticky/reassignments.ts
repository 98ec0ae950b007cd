/**
 * The balancing loop of the general sticky algorithm (`performReassignments`): walk the movable partitions, and
 * while the assignment is not balanced move a partition to a member that is two or more lighter, back to its owner
 * from an older generation when that one is, else to the lightest member subscribed to its topic. Repeat until a
 * pass moves nothing.
 */
import type { Group } from '../group.ts';
import type { PartitionRegistry, TopicPartition } from '../topicPartition.ts';
import { isBalanced } from './balance.ts';
import type { MembersByLoad } from './membersByLoad.ts';
import { removeFrom } from './ownership.ts';
import { PartitionMovements } from './partitionMovements.ts';

export interface PreviousOwner {
  readonly memberId: string;
  readonly generation: number;
}

/** Who holds what, updated in place as partitions move. */
export interface Holdings {
  readonly group: Group;
  readonly registry: PartitionRegistry;
  readonly current: Map<string, TopicPartition[]>;
  readonly ownerOf: Map<TopicPartition, string>;
  readonly byLoad: MembersByLoad;
}

export class Reassigner {
  private readonly movements = new PartitionMovements();

  constructor(
    private readonly view: Holdings,
    private readonly consumersOf: ReadonlyMap<string, readonly string[]>,
    private readonly previousOwners: ReadonlyMap<TopicPartition, PreviousOwner>,
  ) {}

  private size(memberId: string): number {
    return this.view.current.get(memberId)!.length;
  }

  /** Runs passes over `partitions` until one moves nothing; returns whether anything moved. */
  perform(partitions: readonly TopicPartition[]): boolean {
    const { ownerOf, byLoad, group } = this.view;
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (let i = 0; i < partitions.length && !isBalanced(this.view); i++) {
        const tp = partitions[i]!;
        const owner = ownerOf.get(tp)!;
        const previous = this.previousOwners.get(tp);
        // Kafka throws here when the previous owner was set aside as unable to move; we skip the preference.
        // Note that Kafka does not check that the previous owner still subscribes to the topic, and neither do we.
        if (previous !== undefined && this.view.current.has(previous.memberId) && this.size(owner) > this.size(previous.memberId) + 1) {
          this.move(tp, previous.memberId);
          performed = modified = true;
          continue;
        }
        if (this.consumersOf.get(tp.topic)!.some((other) => this.size(owner) > this.size(other) + 1)) {
          const lightest = byLoad.members().find((id) => group.memberById.get(id)!.subscribes.has(tp.topic))!;
          this.move(tp, lightest);
          performed = modified = true;
        }
      }
    } while (modified);
    return performed;
  }

  private move(tp: TopicPartition, to: string): void {
    const { current, ownerOf, byLoad } = this.view;
    const moving = this.movements.partitionToMove(tp, ownerOf.get(tp)!, to);
    const from = ownerOf.get(moving)!;
    byLoad.remove(from);
    byLoad.remove(to);
    this.movements.move(moving, from, to);
    removeFrom(current.get(from)!, moving);
    current.get(to)!.push(moving);
    ownerOf.set(moving, to);
    byLoad.add(to);
    byLoad.add(from);
  }
}
