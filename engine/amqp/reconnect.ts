/**
 * A client's connection recovery (the Java client's automatic recovery, every networkRecoveryInterval): a publisher
 * whose node went down connects to a live node of its cluster, a consumer whose channel closed consumes its queue
 * again. Each tries again after the interval while it cannot.
 */
import { on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { consume } from './consumers.ts';
import { RE } from './events.ts';
import { connect } from './publishers.ts';

// a=publisher or consumer, b=0 publisher, 1 consumer. Both answers are no-ops for a client that crashed meanwhile
// or is already connected, so a stale recovery is harmless.
on<World>(RE.reconnect, 'client reconnects', (w, id, consumer) => {
  const a = w.parts.amqp;
  if (consumer === 1) {
    const c = a.consumers[id];
    if (c) consume(w, c);
  } else {
    const p = a.publishers[id];
    if (p) connect(w, p);
  }
});
