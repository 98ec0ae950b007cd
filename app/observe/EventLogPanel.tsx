/** Placeholder until the observe branch lands. */
export function EventLogPanel() {
  return null;
}
