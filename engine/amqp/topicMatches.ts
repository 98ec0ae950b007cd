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
  // reachable[j]: the first i pattern words can match the first j key words. One row at a time keeps this
  // O(|p| * |k|) however many `#` the pattern has, where naive backtracking is exponential.
  let reachable = new Uint8Array(k.length + 1);
  reachable[0] = 1;
  for (const word of p) {
    const next = new Uint8Array(k.length + 1);
    if (word === '#') {
      let seen = 0;
      for (let j = 0; j <= k.length; j++) {
        seen |= reachable[j]!;
        next[j] = seen;
      }
    } else {
      for (let j = 1; j <= k.length; j++) {
        if (reachable[j - 1] && (word === '*' || word === k[j - 1])) next[j] = 1;
      }
    }
    reachable = next;
  }
  return reachable[k.length] === 1;
}
