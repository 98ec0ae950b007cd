/**
 * A database's parsed settings as its typed config.
 */
import type { Value } from '../config/values.ts';
import type { Distribution } from '../sim/distribution.ts';
import type { DatabaseConfig } from './part.ts';

export function databaseConfig(v: Record<string, Value>): DatabaseConfig {
  return {
    transaction: v['transaction'] as Distribution,
    maxConnections: v['max_connections'] as number,
    synchronousCommit: v['synchronous_commit'] === 'on',
    walWriterDelayUs: Math.round((v['wal_writer_delay'] as number) * 1000),
  };
}
