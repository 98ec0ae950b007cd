/**
 * How the canvas frames a drawing. A small drawing fits the view whole and needs no overview map; a large one gets
 * the minimap in the bottom-right corner, and fitting it leaves that corner's width free so no node hides under the
 * map.
 */

/** The minimap shows from this many nodes (below, the whole drawing is in view anyway) up to a thousand. */
const MINIMAP_NODES_MIN = 20;
const MINIMAP_NODES_MAX = 1000;

export const MINIMAP_SIZE = { width: 168, height: 112 };

export const showsMinimap = (nodes: number): boolean => nodes >= MINIMAP_NODES_MIN && nodes <= MINIMAP_NODES_MAX;

/**
 * Fitting never shrinks labels below this zoom (13 px labels stay about 8 px on screen, where fitting a wide
 * left-to-right drawing used to take them to 5): a drawing wider or taller than the view at this zoom is framed from
 * its start instead, and the learner scrolls (wheel or drag) to the rest. At 0.6 the practice template still fits
 * whole at 1440x900, so the first thing a learner sees is the whole comparison.
 */
export const ZOOM_FLOOR = 0.6;
export const ZOOM_FIT_MAX = 1.1;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The space kept around a fitted drawing, and on the right the minimap's width when it is shown. */
export const fitInsets = (nodes: number): Insets =>
  showsMinimap(nodes) ? { top: 24, right: MINIMAP_SIZE.width + 32, bottom: 24, left: 56 } : { top: 24, right: 24, bottom: 24, left: 24 };

/**
 * The viewport that shows `bounds` (flow coordinates) in a `width` × `height` view: whole and centred when that
 * keeps the zoom at or above `ZOOM_FLOOR`, else at the floor with the drawing's top-left corner in view, so a wide
 * left-to-right drawing starts where it is read from.
 * @example legibleViewport({ x: 0, y: 0, width: 3000, height: 200 }, 1000, 600, fitInsets(4)).zoom // 0.6
 */
export function legibleViewport(bounds: Box, width: number, height: number, inset: Insets): { x: number; y: number; zoom: number } {
  const roomX = Math.max(1, width - inset.left - inset.right);
  const roomY = Math.max(1, height - inset.top - inset.bottom);
  const fit = Math.min(roomX / Math.max(1, bounds.width), roomY / Math.max(1, bounds.height));
  const zoom = Math.min(ZOOM_FIT_MAX, Math.max(ZOOM_FLOOR, fit));
  const place = (start: number, size: number, room: number, before: number) =>
    size * zoom <= room ? before + (room - size * zoom) / 2 - start * zoom : before - start * zoom;
  return {
    x: place(bounds.x, bounds.width, roomX, inset.left),
    y: place(bounds.y, bounds.height, roomY, inset.top),
    zoom,
  };
}
