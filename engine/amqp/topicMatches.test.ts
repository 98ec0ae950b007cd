import { describe, expect, it } from 'vitest';
import { topicMatches } from './topicMatches.ts';

describe('topicMatches, as the RabbitMQ docs describe it (semantics.md Q3)', () => {
  it('needs exactly one word for *', () => {
    expect(topicMatches('regions.na.cities.*', 'regions.na.cities')).toBe(false);
    expect(topicMatches('regions.na.cities.*', 'regions.na.cities.toronto')).toBe(true);
    expect(topicMatches('regions.na.cities.*', 'regions.na.cities.toronto.downtown')).toBe(false);
  });

  it('lets # stand for zero words', () => {
    expect(topicMatches('audit.events.#', 'audit.events')).toBe(true);
    expect(topicMatches('audit.events.#', 'audit.events.users.signup')).toBe(true);
    expect(topicMatches('audit.events.#', 'audit')).toBe(false);
  });

  it('matches everything with # alone, the empty key included', () => {
    for (const key of ['', 'a', 'a.b.c', '.', 'a..b']) expect(topicMatches('#', key)).toBe(true);
  });
});

// The binding table of routing_SUITE:topic1 (rabbitmq/rabbitmq-server deps/rabbit/test/routing_SUITE.erl,
// commit 5b09e556da53): each routing key and the queues it must reach.
const bindings: Record<string, string> = {
  t1: 'a.b.c', t2: 'a.*.c', t3: 'a.#.b', t4: 'a.b.b.c', t5: '#', t6: '#.#', t7: '#.b', t8: '*.*', t9: 'a.*',
  t10: '*.b.c', t11: 'a.#', t12: 'a.#.#', t13: 'b.b.c', t14: 'a.b.b', t15: 'a.b', t16: 'b.c', t17: '', t18: '*.*.*',
  t19: 'vodka.martini', t20: 'a.b.c', t21: '*.#', t22: '#.*.#', t23: '*.#.#', t25: '*', t26: '#.b.#', t27: 'args-test',
};
const routes: [string, string[]][] = [
  ['a.b.c', ['t1', 't2', 't5', 't6', 't10', 't11', 't12', 't18', 't20', 't21', 't22', 't23', 't26']],
  ['a.b', ['t3', 't5', 't6', 't7', 't8', 't9', 't11', 't12', 't15', 't21', 't22', 't23', 't26']],
  ['a.b.b', ['t3', 't5', 't6', 't7', 't11', 't12', 't14', 't18', 't21', 't22', 't23', 't26']],
  ['', ['t5', 't6', 't17']],
  ['b.c.c', ['t5', 't6', 't18', 't21', 't22', 't23', 't26']],
  ['a.a.a.a.a', ['t5', 't6', 't11', 't12', 't21', 't22', 't23']],
  ['vodka.gin', ['t5', 't6', 't8', 't21', 't22', 't23']],
  ['vodka.martini', ['t5', 't6', 't8', 't19', 't21', 't22', 't23']],
  ['b.b.c', ['t5', 't6', 't10', 't13', 't18', 't21', 't22', 't23', 't26']],
  ['nothing.here.at.all', ['t5', 't6', 't21', 't22', 't23']],
  ['oneword', ['t5', 't6', 't21', 't22', 't23', 't25']],
  ['args-test', ['t5', 't6', 't21', 't22', 't23', 't25', 't27']],
];

describe('topicMatches, as RabbitMQ routing_SUITE:topic1 routes', () => {
  it.each(routes)('routes %j to exactly the expected queues', (key, expected) => {
    const matched = Object.entries(bindings)
      .filter(([, pattern]) => topicMatches(pattern, key))
      .map(([queue]) => queue);
    expect(matched).toEqual(expected);
  });
});

describe('topicMatches, tricky cases', () => {
  it('treats #.# like #', () => {
    for (const key of ['', 'x', 'x.y', 'x.y.z']) expect(topicMatches('#.#', key)).toBe(true);
  });

  it('lets a.#.b match with nothing in between', () => {
    expect(topicMatches('a.#.b', 'a.b')).toBe(true);
    expect(topicMatches('a.#.b', 'a.x.y.b')).toBe(true);
    expect(topicMatches('a.#.b', 'a.b.c')).toBe(false);
    expect(topicMatches('a.#.b', 'b.a.b')).toBe(false);
  });

  it('counts empty words: the empty key has none, "." has two', () => {
    expect(topicMatches('*', '')).toBe(false);
    expect(topicMatches('', '')).toBe(true);
    expect(topicMatches('', 'a')).toBe(false);
    expect(topicMatches('*.*', '.')).toBe(true);
    expect(topicMatches('*', '.')).toBe(false);
    expect(topicMatches('a.*.b', 'a..b')).toBe(true);
    expect(topicMatches('a.b', 'a..b')).toBe(false);
    expect(topicMatches('a.#', 'a.')).toBe(true);
    expect(topicMatches('a.*', 'a.')).toBe(true);
  });

  it('needs at least one word for *.# and #.*', () => {
    expect(topicMatches('*.#', '')).toBe(false);
    expect(topicMatches('#.*', '')).toBe(false);
    expect(topicMatches('#.*', 'x.y.z')).toBe(true);
  });

  it('compares words exactly, case and wildcard characters inside words included', () => {
    expect(topicMatches('orders.created', 'Orders.created')).toBe(false);
    expect(topicMatches('a*.b', 'ax.b')).toBe(false);
    expect(topicMatches('a*.b', 'a*.b')).toBe(true);
    expect(topicMatches('a#', 'a#')).toBe(true);
  });

  it('stays fast on patterns full of #', () => {
    const pattern = Array(30).fill('#').join('.') + '.z';
    const key = Array(200).fill('a').join('.');
    expect(topicMatches(pattern, key)).toBe(false);
    expect(topicMatches(pattern, key + '.z')).toBe(true);
  });
});

/** The definition, word by word, with no cleverness: exponential, fine for short inputs. */
function reference(p: string[], k: string[]): boolean {
  if (p.length === 0) return k.length === 0;
  const [head, ...rest] = p;
  if (head === '#') return reference(rest, k) || (k.length > 0 && reference(p, k.slice(1)));
  return k.length > 0 && (head === '*' || head === k[0]) && reference(rest, k.slice(1));
}

describe('topicMatches against the definition', () => {
  it('agrees on every pattern and key of up to 4 words over a small alphabet', () => {
    const patternWords = ['a', 'b', '', '*', '#'];
    const keyWords = ['a', 'b', '', '#', '*'];
    const all = (alphabet: string[], max: number): string[][] => {
      const out: string[][] = [[]];
      for (let len = 1; len <= max; len++) {
        const previous = out.filter((w) => w.length === len - 1);
        for (const w of previous) for (const x of alphabet) out.push([...w, x]);
      }
      return out;
    };
    // "" splits to no words, so a single empty word cannot be written; leave that spelling out.
    const writable = (w: string[]): boolean => !(w.length === 1 && w[0] === '');
    const patterns = all(patternWords, 4).filter(writable);
    const keys = all(keyWords, 4).filter(writable);
    const disagreements: string[] = [];
    for (const p of patterns) {
      const pattern = p.join('.');
      for (const k of keys) {
        if (topicMatches(pattern, k.join('.')) !== reference(p, k)) disagreements.push(`${pattern} vs ${k.join('.')}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(patterns.length * keys.length).toBeGreaterThan(600_000);
  });
});
