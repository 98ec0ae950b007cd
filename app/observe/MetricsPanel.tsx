/** Placeholder until the observe branch lands. */
export function MetricsPanel() {
  return null;
}
