/** The schemas family's error codes, as traces and reports name them. */
import { defineErrors } from '../history/errors.ts';

/** The registry refused the producer's schema (HTTP 409, incompatible): the send fails. */
export const SCHEMA_INCOMPATIBLE = 5001;
/** The producer needed the registry (no schema id cached) and the registry was down: the send fails. */
export const REGISTRY_UNAVAILABLE = 5002;

defineErrors({
  [SCHEMA_INCOMPATIBLE]: 'schema refused by the registry (incompatible)',
  [REGISTRY_UNAVAILABLE]: 'schema registry unavailable',
});
