/**
 * The outbox family's event kinds, allocated by name when the module loads (sim/loop.ts).
 */
import { eventKinds } from '../sim/loop.ts';

export const OE = eventKinds([
  'relayTick', // a=relay, b=0: the relay's poll interval elapsed
  'relayQuery', // a=relay, b=cycle: its query (poll) or log read (cdc) reaches the database
  'relayRows', // a=relay, b=cycle: the rows read come back to the relay
  'relayMark', // a=relay, b=cycle: its UPDATE marking the published rows reaches the database
  'relayMarked', // a=relay, b=cycle: the database's answer to the mark comes back
]);
