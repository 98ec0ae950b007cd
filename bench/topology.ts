/**
 * The benchmark topology: one producer service writing keyed records to a topic with 12 partitions and replication
 * factor 3 (min.insync.replicas=2, acks=all, idempotence on: Kafka's defaults), read by a group of 3 consumers.
 */
export function benchTopology(ratePerSecond: number): string {
  return `graph LR
  Producer[Order Service] -->|OrderCreated| K[Kafka: orders]
  K -->|subscribe| Consumer[Billing Service]
  %% @config orders partitions=12 replication.factor=3 min.insync.replicas=2
  %% @config Producer rate=${ratePerSecond}/s key=customerId keys=100000 latency=0ms size=100
  %% @config Consumer instances=3 processing=0ms
`;
}

/**
 * The RabbitMQ benchmark topology: the same producer publishing to a direct exchange, one durable classic queue, read
 * by 3 consumers with manual acks (RabbitMQ's defaults otherwise: no confirms, transient messages, no prefetch limit).
 */
export function benchAmqpTopology(ratePerSecond: number): string {
  return `graph LR
  Producer[Order Service] -->|order.created| X["Exchange: orders (direct)"]
  X -->|order.created| Q[(Queue: billing)]
  Q --> Consumer[Billing Service]
  %% @config Producer rate=${ratePerSecond}/s key=customerId keys=100000 latency=0ms size=100
  %% @config Consumer instances=3 processing=0ms ack=manual
`;
}
