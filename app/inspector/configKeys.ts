/**
 * Setting names offered per node kind: the ones the schema says a node of that kind reads (engine/config/schema.ts),
 * the real systems' own names (DESIGN.md, "Configuration"), so what a learner types here carries over to Kafka and is
 * what the parser accepts. Kinds no family simulates yet are offered none.
 */
import type { NodeKind } from '../../engine/index.ts';
import { settingsFor, TARGET_SCOPES } from '../../engine/settings.ts';

export const configKeys: Partial<Record<NodeKind, string[]>> = Object.fromEntries(
  Object.entries(TARGET_SCOPES).map(([kind, scopes]) => [kind, settingsFor(...scopes).map((s) => s.key)]),
);

/** Keys for hosted topics on a Kafka node. */
export const topicKeys = settingsFor('topic').map((s) => s.key);
