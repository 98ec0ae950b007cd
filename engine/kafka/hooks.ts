/**
 * Where the Kafka clients hand results back to the application code that uses them (services/). The services
 * module fills these in when it loads, so kafka/ does not import services/.
 */
import type { World } from '../world.ts';

export const hooks = {
  /** A record a call was waiting for is acknowledged (code 0) or failed. */
  published: (_w: World, _call: number, _message: number, _code: number): void => {},
  /** A consumer finished processing a record (first time for its group, or again). */
  processed: (_w: World, _consumer: number, _message: number): void => {},
  /** A record that kept failing goes to the consumer's dead-letter topic. */
  deadLetter: (_w: World, _consumer: number, _message: number, _partition: number, _offset: number): void => {},
  /** A consumer's process crashes at its worst moment (a fault armed it); it is restarted a little later. */
  crashWorstMoment: (_w: World, _consumer: number): void => {},
};
