/**
 * Node shapes: the bracket pairs of the classic syntax and the names of mermaid 11's `@{ shape: ... }` syntax.
 */
import type { Shape } from './types.ts';

export interface ShapeOpener {
  open: string;
  /** Closers and the shape each gives (the lean and trapezoid shapes are told apart by their closer). */
  close: Record<string, Shape>;
  trap?: boolean;
}

/** The closers of an opener, as a constant list. */
export const closersOf = (() => {
  const cache = new Map<ShapeOpener, string[]>();
  return (o: ShapeOpener): string[] => {
    let list = cache.get(o);
    if (!list) cache.set(o, (list = Object.keys(o.close)));
    return list;
  };
})();

/** In the order mermaid's lexer tries them, longest openers first where they share a prefix. */
export const SHAPE_OPENERS: ShapeOpener[] = [
  { open: '(((', close: { ')))': 'doublecircle' } },
  { open: '((', close: { '))': 'circle' } },
  { open: '(-', close: { '-)': 'circle' } },
  { open: '([', close: { '])': 'stadium' } },
  { open: '(', close: { ')': 'round' } },
  { open: '[[', close: { ']]': 'subroutine' } },
  { open: '[(', close: { ')]': 'cylinder' } },
  { open: '[/', close: { '\\]': 'trapezoid', '/]': 'lean_right' }, trap: true },
  { open: '[\\', close: { '/]': 'inv_trapezoid', '\\]': 'lean_left' }, trap: true },
  { open: '[', close: { ']': 'square' } },
  { open: '{{', close: { '}}': 'hexagon' } },
  { open: '{', close: { '}': 'diamond' } },
  { open: '>', close: { ']': 'odd' } },
];

/** The opener and closer that write each shape. */
export const SHAPE_BRACKETS: Record<Shape, [string, string]> = {
  square: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  cylinder: ['[(', ')]'],
  circle: ['((', '))'],
  doublecircle: ['(((', ')))'],
  diamond: ['{', '}'],
  hexagon: ['{{', '}}'],
  odd: ['>', ']'],
  lean_right: ['[/', '/]'],
  lean_left: ['[\\', '\\]'],
  trapezoid: ['[/', '\\]'],
  inv_trapezoid: ['[\\', '/]'],
};

/** Mermaid 11 shape names (and their aliases) mapped to the nearest classic shape. */
const NAMED_SHAPES: Record<string, Shape> = {};
const groups: [Shape, string[]][] = [
  ['square', ['rect', 'square', 'proc', 'process', 'rectangle']],
  ['round', ['rounded', 'event', 'round']],
  ['stadium', ['stadium', 'pill', 'terminal']],
  ['subroutine', ['fr-rect', 'subproc', 'subprocess', 'subroutine', 'framed-rectangle']],
  ['cylinder', ['cyl', 'cylinder', 'db', 'database', 'das', 'h-cyl', 'horizontal-cylinder', 'lin-cyl', 'disk', 'lined-cylinder']],
  ['circle', ['circle', 'circ', 'sm-circ', 'small-circle', 'start', 'f-circ', 'filled-circle', 'junction', 'cross-circ', 'summary', 'ellipse']],
  ['doublecircle', ['dbl-circ', 'double-circle', 'fr-circ', 'framed-circle', 'stop']],
  ['diamond', ['diam', 'diamond', 'decision', 'question']],
  ['hexagon', ['hex', 'hexagon', 'prepare']],
  ['odd', ['odd', 'flag', 'paper-tape']],
  ['lean_right', ['lean-r', 'lean-right', 'in-out']],
  ['lean_left', ['lean-l', 'lean-left', 'out-in']],
  ['trapezoid', ['trap-b', 'trapezoid', 'trapezoid-bottom', 'priority']],
  ['inv_trapezoid', ['trap-t', 'inv-trapezoid', 'trapezoid-top', 'manual']],
];
for (const [shape, names] of groups) for (const name of names) NAMED_SHAPES[name] = shape;

/**
 * The classic shape nearest to a mermaid 11 shape name; undefined for a name mermaid does not know.
 *
 * @example shapeFromName('cyl') === 'cylinder'
 */
export function shapeFromName(name: string): Shape | undefined {
  return NAMED_SHAPES[name];
}

/** Names mermaid 11 accepts that we draw as a plain box (documents, notes, icons ...). */
export const OTHER_SHAPE_NAMES = new Set([
  'notch-rect', 'card', 'notched-rectangle', 'lin-rect', 'lined-rectangle', 'shaded-process', 'lined-process',
  'div-rect', 'div-proc', 'divided-rectangle', 'divided-process', 'win-pane', 'internal-storage', 'window-pane',
  'doc', 'document', 'docs', 'documents', 'st-doc', 'stacked-document', 'lin-doc', 'lined-document', 'tag-doc',
  'tagged-document', 'tag-rect', 'tag-proc', 'tagged-rectangle', 'tagged-process', 'st-rect', 'procs', 'processes',
  'stacked-rectangle', 'bolt', 'com-link', 'lightning-bolt', 'brace', 'brace-l', 'comment', 'brace-r', 'braces',
  'text', 'delay', 'half-rounded-rectangle', 'curv-trap', 'curved-trapezoid', 'display', 'hourglass', 'collate',
  'bow-rect', 'bow-tie-rectangle', 'stored-data', 'tri', 'triangle', 'extract', 'fork', 'join', 'sl-rect',
  'sliced-rectangle', 'manual-input', 'flip-tri', 'flipped-triangle', 'manual-file', 'cloud', 'notch-pent',
  'loop-limit', 'anchor', 'icon', 'image', 'imageSquare', 'iconSquare', 'iconCircle', 'iconRounded', 'datastore',
]);
