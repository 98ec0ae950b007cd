/**
 * Messages moving along one edge, as the dot layer draws them. Below a few messages in transit each one is a dot of
 * its own, spawned as they come; above that the edge carries an even stream of DENSE_DOTS dots with a count badge,
 * so a busy edge costs the same as a quiet one.
 */

/** Dots on an edge at most; beyond this many in transit the edge is drawn as a stream. */
export const DENSE_DOTS = 8;

export interface EdgeDots {
  /** Messages owed a dot, carried between frames (fractions of a message at low rates). */
  owed: number;
  /** Where each dot is, from 0 (the source) to 1 (the target). */
  at: number[];
  dense: boolean;
  /** The stream's offset when dense, in 0..1/DENSE_DOTS. */
  offset: number;
}

export const noDots = (): EdgeDots => ({ owed: 0, at: [], dense: false, offset: 0 });

/**
 * Moves an edge's dots on by `dt` wall seconds when messages arrive at `perSecond` (per wall second) and each takes
 * `travel` seconds from end to end.
 */
export function advanceDots(s: EdgeDots, perSecond: number, dt: number, travel: number): void {
  const step = dt / travel;
  if (perSecond * travel > DENSE_DOTS) {
    s.dense = true;
    s.offset = (s.offset + step) % (1 / DENSE_DOTS);
    s.at.length = 0;
    s.owed = 0;
    return;
  }
  s.dense = false;
  let kept = 0;
  for (const a of s.at) if (a + step < 1) s.at[kept++] = a + step;
  s.at.length = kept;
  s.owed += perSecond * dt;
  while (s.owed >= 1 && s.at.length < DENSE_DOTS) {
    s.owed -= 1;
    // This message arrived `owed / perSecond` seconds ago: it has come that far already.
    s.at.push(Math.min(0.99, s.owed / perSecond / travel));
  }
  s.owed = Math.min(s.owed, 1);
}

/** Where to draw the dots, as fractions of the way along the edge. */
export function dotFractions(s: EdgeDots): readonly number[] {
  if (!s.dense) return s.at;
  const out: number[] = [];
  for (let k = 0; k < DENSE_DOTS; k++) out.push(s.offset + k / DENSE_DOTS);
  return out;
}
