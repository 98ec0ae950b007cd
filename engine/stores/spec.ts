/**
 * The stores' part of a resolved topology: the databases drawn, each with its destination in the port.
 */
import type { DatabaseConfig } from './part.ts';

export interface DatabaseSpec {
  node: string;
  label: string;
  destination: number;
  config: DatabaseConfig;
}

declare module '../model/spec.ts' {
  interface Spec {
    databases: DatabaseSpec[];
  }
}
