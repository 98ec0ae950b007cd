/**
 * Members ordered by how many partitions they hold, then by member id: the `TreeSet` with `SubscriptionComparator`
 * that the general sticky algorithm keeps. Like Kafka, callers take a member out before changing its load and put
 * it back after, so the order a member was inserted under stays true while it is in the set.
 */
import { compareStrings } from '../topicPartition.ts';

export class MembersByLoad {
  private readonly order: string[] = [];

  constructor(private readonly load: (memberId: string) => number) {}

  private compare(a: string, b: string): number {
    return this.load(a) - this.load(b) || compareStrings(a, b);
  }

  add(memberId: string): void {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.compare(this.order[mid]!, memberId);
      if (c === 0) return;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    this.order.splice(lo, 0, memberId);
  }

  remove(memberId: string): void {
    const at = this.order.indexOf(memberId);
    if (at >= 0) this.order.splice(at, 1);
  }

  first(): string {
    return this.order[0]!;
  }

  last(): string {
    return this.order[this.order.length - 1]!;
  }

  /** Least loaded first. */
  members(): readonly string[] {
    return this.order;
  }
}
