/**
 * Lesson 22: an event that evolves (seed 000 §6-7; Confluent, Schema Evolution and Compatibility). Order Service's
 * next release adds `currency` to OrderPlacedEvent. Revenue Service is upgraded first, at 10 s, to read with the new
 * version (under BACKWARD, consumers go first), and Order Service at 20 s. Without a default the new field breaks
 * both ends: the registry refuses v2 (it could not read v1 data), so every send fails from 20 s; and Revenue Service,
 * reading the old events with v2, cannot deserialize them (poison, its partitions stall). A default makes v2 able to
 * read v1 data: the registry accepts it and old events read as euros. Turning the check off (NONE) lets the producer
 * through and leaves the reader broken.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 22,
  durationS: 60,
  faults: ['10s upgrade {Revenue} reader.schema=OrderPlacedEvent:v2', '20s upgrade {Order} schema=OrderPlacedEvent:v2'],
};

export const goals: Goal[] = [
  {
    id: 'orders-accepted',
    text: 'Every order Order Service sends is accepted, through its release at 20 s.',
    check: { kind: 'checkouts', min: 1 },
  },
  {
    id: 'revenue-reads',
    text: 'Revenue Service, reading with v2 from 10 s, processes every order sent between 5 s and 50 s, old ones included, by 60 s.',
    check: { kind: 'delivered', to: '{Revenue}', sentFromS: 5, sentBeforeS: 50, byS: 60 },
  },
  {
    id: 'inventory-reads',
    text: 'Inventory Service, still on v1, processes every order sent between 5 s and 50 s, new ones included, by 60 s.',
    check: { kind: 'delivered', to: '{Inventory}', sentFromS: 5, sentBeforeS: 50, byS: 60 },
  },
  {
    id: 'currency',
    text: 'Every OrderPlacedEvent sent from 25 s on carries a currency.',
    check: { kind: 'writes-field', schema: 'OrderPlacedEvent', field: 'currency', fromS: 25 },
  },
];

export const hints: string[] = [
  "Run it and read the schemas line of the report, or the registry's refusal in the event log: what does BACKWARD ask of v2, and which data could v2 not read?",
  'Two readers meet two versions here. Inventory reads new events with v1: Avro skips a field its reader does not know. Revenue reads old events with v2: what should it put in `currency` for an order written before the field existed?',
  'Give the new field a default in v2: `{ "name": "currency", "type": "string", "default": "EUR" }`. The registry then accepts v2, and Revenue Service reads every old order as one in euros.',
];
