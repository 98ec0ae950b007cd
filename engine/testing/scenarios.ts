/**
 * Scenarios shared by tests in Node and in the browser.
 */

/** A busy topology with a leader crash, a restart and a consumer crash: much to get wrong if anything is not deterministic. */
export const DETERMINISM_SCENARIO = {
  text: `graph LR
  Client[Client] -->|checkout| Order[Order Service]
  Order -->|OrderCreatedEvent| K[Kafka: orders]
  K -->|subscribe| Inventory[Inventory Service]
  K -->|subscribe| Notification[Notification Service]
  %% @config orders partitions=6 replication.factor=3 min.insync.replicas=2
  %% @config Client rate=200/s key=customerId keys=500
  %% @config Order latency=lognormal(5ms, 0.6)
  %% @config Inventory instances=2 processing=exp(3ms)
  %% @config Notification processing=uniform(1ms, 9ms) failure=0.01 retry=3
`,
  seed: 20261122,
  faults: ['8s crash leader:orders/0', '12s crash-after-processing Inventory', '20s restart leader:orders/1', '21s restart Kafka/1'],
  until: '30s',
};
