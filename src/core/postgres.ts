import type pg from 'pg';
import { RampartError } from './errors.js';

/** pg is loaded when a PostgreSQL store is opened, so SQLite users never pay for it. */
export async function loadPg(): Promise<typeof pg> {
  return (await import('pg')).default;
}

/** Refuses a schema name that is not a plain lower-case identifier (it is interpolated into SQL, quoted). */
export function checkPostgresSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new RampartError('BAD_CONFIG', `invalid PostgreSQL schema name ${JSON.stringify(schema)}`);
}

/** Drops one PostgreSQL schema of a Rampart store (test clean-up, removing a tenant). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  checkPostgresSchemaName(schema);
  const client = new (await loadPg()).Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
