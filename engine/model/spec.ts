/**
 * A topology resolved for simulation: every component with its settings filled in (the real systems' defaults
 * unless the text says otherwise), every edge turned into a role (who calls, publishes to or consumes from what).
 * Plain data, produced by resolve.ts (with each family's resolver) and turned into a running world by
 * instantiate.ts. The kernel's part is the destinations, which every family names by their index here; each family
 * adds its own fields by declaration merging (kafka/spec.ts, services/spec.ts).
 */

/** A destination of the messaging port (a topic, an exchange, a queue), owned by a broker family. */
export interface DestinationSpec {
  family: string;
  name: string;
}

export interface Spec {
  destinations: DestinationSpec[];
}
