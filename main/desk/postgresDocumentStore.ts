import pg from 'pg';
import * as Y from 'yjs';
import type { DocumentStore } from './documentStore';

/** Documents in PostgreSQL, for several desk processes on several machines (people stay in the desk's SQLite). */
export async function postgresDocumentStore(connectionString: string): Promise<DocumentStore> {
  const pool = new pg.Pool({ connectionString, max: 4 });
  await pool.query(`CREATE TABLE IF NOT EXISTS desk_doc_updates (
    seq BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, data BYTEA NOT NULL)`);
  await pool.query('CREATE INDEX IF NOT EXISTS desk_doc_updates_by_doc ON desk_doc_updates (doc, seq)');
  const rowsOf = async (client: pg.Pool | pg.PoolClient, doc: string, lock = '') =>
    (
      await client.query<{ seq: string; data: Buffer }>(
        `SELECT seq, data FROM desk_doc_updates WHERE doc = $1 ORDER BY seq ${lock}`,
        [doc],
      )
    ).rows;
  return {
    async load(doc) {
      const rows = await rowsOf(pool, doc);
      return rows.length === 0 ? null : Y.mergeUpdates(rows.map((row) => row.data));
    },
    async append(doc, update) {
      await pool.query('INSERT INTO desk_doc_updates (doc, data) VALUES ($1, $2)', [
        doc,
        Buffer.from(update),
      ]);
    },
    async compact(doc) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const rows = await rowsOf(client, doc, 'FOR UPDATE');
        if (rows.length > 1) {
          await client.query('DELETE FROM desk_doc_updates WHERE doc = $1 AND seq <= $2', [
            doc,
            rows.at(-1)!.seq,
          ]);
          await client.query('INSERT INTO desk_doc_updates (doc, data) VALUES ($1, $2)', [
            doc,
            Buffer.from(Y.mergeUpdates(rows.map((row) => row.data))),
          ]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
