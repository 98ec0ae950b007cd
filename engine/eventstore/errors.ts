import { defineErrors } from '../history/errors.ts';

/** EventStoreDB's WrongExpectedVersion (Axon: ConcurrencyException): the stream moved since the command loaded it. */
export const WRONG_EXPECTED_VERSION = 3101;

defineErrors({ [WRONG_EXPECTED_VERSION]: 'wrong expected version' });
