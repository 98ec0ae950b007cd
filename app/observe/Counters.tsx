/** Placeholder until the observe branch lands. */
export function Counters() {
  return null;
}
