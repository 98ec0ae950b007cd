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
