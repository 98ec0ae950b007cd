/**
 * Lesson 23: upgrade in a safe order (Confluent, Schema Evolution and Compatibility, "Order of upgrading clients").
 * OrderPlacedEvent v2 drops giftMessage, which v1 readers need (it has no default), and adds channel with a default:
 * a BACKWARD change, which the registry accepts. BACKWARD promises only that the new schema reads the old data, so
 * every consumer must move to v2 before the producer writes it. The starter's plan ships Order Service first (15 s)
 * and Shipping later (30 s), and forgets Inventory: both stall on events they cannot deserialize. The release times
 * are the learner's to choose (`upgrade.at` in the text), not the lesson's faults.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 23, durationS: 60, faults: [] };

export const goals: Goal[] = [
  {
    id: 'orders-accepted',
    text: 'Every order Order Service sends is accepted, before and after its release.',
    check: { kind: 'checkouts', min: 1 },
  },
  {
    id: 'shipping-reads',
    text: 'Shipping Service processes every order sent between 5 s and 50 s, by 60 s.',
    check: { kind: 'delivered', to: '{Shipping}', sentFromS: 5, sentBeforeS: 50, byS: 60 },
  },
  {
    id: 'inventory-reads',
    text: 'Inventory Service processes every order sent between 5 s and 50 s, by 60 s.',
    check: { kind: 'delivered', to: '{Inventory}', sentFromS: 5, sentBeforeS: 50, byS: 60 },
  },
  {
    id: 'released',
    text: 'The release is out by 45 s: every OrderPlacedEvent sent from then on says its channel.',
    check: { kind: 'writes-field', schema: 'OrderPlacedEvent', field: 'channel', fromS: 45 },
  },
];

export const hints: string[] = [
  'Run it and open the event log on the schemas filter: which service fails to deserialize which events, from when, and which schema wrote them?',
  'The registry said yes to v2 under BACKWARD. What exactly did it check: that v2 can read v1 data, or that v1 can read v2 data? Which of the two does a consumer still on v1 need?',
  'Move every consumer first and the producer last: `upgrade.at=15s` on ShippingService, `upgrade.to=OrderPlacedEvent:v2 upgrade.at=20s` added to InventoryService, and `upgrade.at=35s` on OrderService.',
];
