import { defineErrors } from '../history/errors.ts';

/** The broker refused the publish (basic.nack): a queue at its length limit with overflow=reject-publish (Q25). */
export const PUBLISH_NACKED = 4001;
/** The broker returned the publish (basic.return, mandatory): nothing could route it (Q7). */
export const UNROUTABLE = 4002;
/** The channel closed before the broker confirmed the publish (its node went down, the connection dropped). */
export const CHANNEL_CLOSED = 4003;

defineErrors({ [PUBLISH_NACKED]: 'basic.nack (queue full)', [UNROUTABLE]: 'basic.return (unroutable)', [CHANNEL_CLOSED]: 'channel closed before the confirm' });
