/**
 * A kind's name as a sentence needs it (the palette's labels and tips): products by their own names, not lower-cased,
 * and the right article.
 */
import type { NodeKind } from '../../../engine/index.ts';
import { kindName } from '../../../engine/ui.ts';

const PROPER: Partial<Record<NodeKind, string>> = { kafka: 'Kafka cluster', rabbitmq: 'RabbitMQ broker' };

/** @example kindTitle('kafka') // 'Kafka cluster'; kindTitle('outbox') // 'outbox relay' */
export function kindTitle(kind: NodeKind): string {
  return PROPER[kind] ?? kindName(kind);
}

/** @example kindPhrase('exchange') // 'an exchange'; kindPhrase('kafka') // 'a Kafka cluster' */
export function kindPhrase(kind: NodeKind): string {
  const name = kindTitle(kind);
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}
