/**
 * A behavioural check read from the schemas family (engine/schemas/family.ts, its `written` answer): the events a
 * schema names that were sent from a moment on were written with a version that has a field. What the run wrote is
 * judged, not the text: a version declared and never written, or refused by the registry, does not count.
 */
import { FAMILIES } from '../components.ts';
import { producedAtOf } from '../history/messages.ts';
import type { World } from '../world.ts';
import type { BehaviouralCheck } from './types.ts';
import { no, yes, type RunView, type Verdict } from './view.ts';
import { at, list, messageRef, plural } from './words.ts';

type Of<K extends BehaviouralCheck['kind']> = Extract<BehaviouralCheck, { kind: K }>;

/** What the goal asks of the schemas family. */
interface WrittenWith {
  name: string;
  version: number;
  fields: string[];
  count: number;
  first: number;
}

const writtenOf = (w: World, fromUs: number) => (FAMILIES.find((f) => f.name === 'schemas')?.inspect?.['written']?.(w, fromUs) ?? []) as WrittenWith[];

/** Every `schema` event sent from `fromS` on was written with a version that has `field`, and some were sent. */
export function writesField(c: Of<'writes-field'>, v: RunView): Verdict {
  const all = writtenOf(v.w, c.fromS * 1e6).filter((x) => x.name === c.schema);
  if (all.length === 0) return no(`No schema named ${c.schema} is declared: declare it with '%% @schema ${c.schema} v1 avro { ... }'.`);
  const sent = all.filter((x) => x.count > 0);
  const total = sent.reduce((n, x) => n + x.count, 0);
  if (total === 0) return no(`No ${c.schema} was sent from ${at(c.fromS)} on, so none carried ${c.field}.`);
  const without = sent.filter((x) => !x.fields.includes(c.field));
  const versions = (xs: WrittenWith[]) => list(xs.map((x) => `v${x.version}`));
  if (without.length > 0) {
    const missing = without.reduce((n, x) => n + x.count, 0);
    const first = without.map((x) => x.first).sort((a, b) => producedAtOf(v.w.messages, a) - producedAtOf(v.w.messages, b))[0]!;
    return no(
      `${plural(missing, c.schema)} of the ${total.toLocaleString('en')} sent from ${at(c.fromS)} on ${missing === 1 ? 'was' : 'were'} written with ${c.schema} ${versions(without)}, which has no field ${c.field}: the first is #${first}.`,
      { messages: [messageRef(v.w, first, undefined, undefined, producedAtOf(v.w.messages, first))] },
    );
  }
  return yes(`All ${plural(total, c.schema)} sent from ${at(c.fromS)} on carry ${c.field}: written with ${c.schema} ${versions(sent)}.`);
}
