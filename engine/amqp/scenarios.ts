/**
 * The differential suite's scenarios (tools/rabbit/differential.test.ts): each is played on a real RabbitMQ and on
 * the model (engine/amqp/driver.ts), and both must observe `expected`. They are kept by theme in scenarios/.
 *
 * `expected` is what the reference predicts: shared/reference/semantics.md, section 2E (the rows named in `rows`), and
 * the RabbitMQ documentation it cites (R-<page> below: rabbitmq-website docs/<page>.md). It is written from the
 * documented behaviour, never copied from a run. Where RabbitMQ versions differ (semantics.md describes 4.x; CI runs
 * Debian's 3.10), the scenario sets what differs explicitly so that the behaviour is the same on both, and says so.
 *
 * Timing: TTLs and waits are short, with wide margins (a wait at least twice what it waits for), so that timing never
 * flips an outcome on a busy machine.
 *
 * Rows not shown: Q27 (basic.nack on an internal error in a queue process: a client cannot cause one) and Q28 (a crash
 * between a publish and its fsync: no way to stop a node at that instant from outside, so not deterministic). Q30-Q33
 * and Q35 need several nodes or are shown in part (Q33's delivery limit, Q35's reordering).
 */
import type { AmqpScenario } from './scenario.ts';
import { CONFIRMS_AND_ORDER } from './scenarios/confirmsAndOrder.ts';
import { CONSUMERS } from './scenarios/consumers.ts';
import { DEAD_LETTERS } from './scenarios/deadLetters.ts';
import { ROUTING } from './scenarios/routing.ts';

/** Every scenario, in a fixed order (the suite names each one's virtual host by its position). */
export const SCENARIOS: AmqpScenario[] = [...ROUTING, ...CONSUMERS, ...DEAD_LETTERS, ...CONFIRMS_AND_ORDER];
