/** Placeholder until the observe branch lands. */
export function TracePanel() {
  return null;
}
