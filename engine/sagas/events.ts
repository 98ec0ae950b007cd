/**
 * The saga family's event kinds, allocated by name when the module loads (sim/loop.ts).
 */
import { eventKinds } from '../sim/loop.ts';

export const SE = eventKinds([
  'sagaStart', // a=flow: a new saga starts (and the next one is scheduled)
  'sagaTick', // a=flow: the orchestrator's beat (it notices its own restart and resumes)
  'sagaCommand', // a=command: a step's command (or a choreography's event) reaches its service
  'sagaLocal', // a=command: the step's local transaction (or compensation) is over
  'sagaReply', // a=command: the step's reply reaches the orchestrator
  'sagaTimeout', // a=saga, b=seq: the orchestrator heard nothing for step.timeout.ms
  'sagaRetry', // a=saga, b=seq: the backoff after a failure is over: send again
]);
