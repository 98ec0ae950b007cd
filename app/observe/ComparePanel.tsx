/** Placeholder until the observe branch lands. */
export function ComparePanel() {
  return null;
}
