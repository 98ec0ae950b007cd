/**
 * What the messaging port knows of every broker family, broker-neutrally: destinations (a Kafka topic today, an
 * exchange or a queue tomorrow), places where messages sit in order (a partition, a queue), and subscriptions (a
 * consumer group, a queue's consumers). The message table's place column and the checkers' per-subscription state
 * index these; each family registers its own as it builds its part.
 */

export interface Destination {
  name: string;
  family: string;
  places: number[];
}

export interface Place {
  /** How the place is named to a learner: `orders-3` (Kafka prints a partition as topic-N). */
  name: string;
  family: string;
  destination: number;
}

export interface Subscription {
  name: string;
  family: string;
  /** Destinations it reads. */
  destinations: number[];
}

export interface Messaging {
  destinations: Destination[];
  places: Place[];
  subscriptions: Subscription[];
}

export function createMessaging(): Messaging {
  return { destinations: [], places: [], subscriptions: [] };
}

export function addDestination(m: Messaging, family: string, name: string): number {
  m.destinations.push({ name, family, places: [] });
  return m.destinations.length - 1;
}

export function addPlace(m: Messaging, family: string, destination: number, name: string): number {
  m.places.push({ name, family, destination });
  m.destinations[destination]!.places.push(m.places.length - 1);
  return m.places.length - 1;
}

export function addSubscription(m: Messaging, family: string, name: string): number {
  m.subscriptions.push({ name, family, destinations: [] });
  return m.subscriptions.length - 1;
}

/** The place's name, or '' for none. */
export function placeName(m: Messaging, place: number): string {
  return place >= 0 ? (m.places[place]?.name ?? '') : '';
}

export function subscriptionName(m: Messaging, sub: number): string {
  return m.subscriptions[sub]?.name ?? '';
}
