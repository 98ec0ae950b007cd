/**
 * RabbitMQ topic exchange matching (`rabbit_db_topic_exchange`). Both the binding pattern and the routing key are
 * split on every `.` into words; empty words count (`a..b` is three words), and the empty string is zero words.
 * In the pattern, `*` matches exactly one word (possibly empty) and `#` matches zero or more; any other word must
 * be equal. So `orders.*` misses `orders` but `orders.#` matches it, and `#` matches every key, the empty one too.
 */

function words(s: string): string[] {
  return s === '' ? [] : s.split('.');
}

/**
 * Whether a message with `routingKey` is routed through a topic binding with `pattern`.
 * @example topicMatches('audit.events.#', 'audit.events') // true
 * @example topicMatches('regions.na.cities.*', 'regions.na.cities') // false
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const p = words(pattern);
  const k = words(routingKey);
  // Greedy wildcard matching: `#` first takes no words; on a mismatch, the most recent `#` takes one more and
  // matching resumes after it. Going back to the latest `#` only is enough, so this is O(|p| * |k|) at worst.
  let pi = 0;
  let ki = 0;
  let hash = -1;
  let resumeAt = 0;
  while (ki < k.length) {
    const word = p[pi];
    if (word === '#') {
      hash = pi++;
      resumeAt = ki;
    } else if (word !== undefined && (word === '*' || word === k[ki])) {
      pi++;
      ki++;
    } else if (hash >= 0) {
      pi = hash + 1;
      ki = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p[pi] === '#') pi++;
  return pi === p.length;
}
