/**
 * The schemas family's event kind: a service's new release, scheduled in the text (`upgrade.to`, `upgrade.at`).
 * Numbers are allocated by name when the module loads (sim/loop.ts).
 */
import { eventKinds } from '../sim/loop.ts';

export const SCE = eventKinds([
  'release', // a=index in the part's releases: the service moves to its new schema
]);
