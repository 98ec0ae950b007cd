/**
 * The stores family's event kinds, allocated by name when the module loads (sim/loop.ts).
 */
import { eventKinds } from '../sim/loop.ts';

export const SE = eventKinds([
  'txArrive', // a=database, b=transaction: the transaction's statements reach the database
  'txCommit', // a=database, b=transaction: its work is done and it commits
  'txAnswer', // a=database, b=transaction: the answer reaches the application
  'walFlush', // a=database, b=life: the WAL writer flushes what asynchronous commits left in memory
]);
