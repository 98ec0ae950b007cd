import { defineErrors } from '../history/errors.ts';

/** EventStoreDB's WrongExpectedVersion (Axon: ConcurrencyException): the stream moved since the command loaded it. */
export const WRONG_EXPECTED_VERSION = 3101;

/** The handler cannot read an event of its aggregate's stream: an older version with no upcaster, or a newer one. */
export const UNREADABLE_EVENT = 3102;

defineErrors({ [WRONG_EXPECTED_VERSION]: 'wrong expected version', [UNREADABLE_EVENT]: 'unreadable event version' });
