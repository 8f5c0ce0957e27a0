import http from 'node:http';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.js';
import { findCadrePage } from '../server/db/repositories/personnel.repository.js';
import { cadreListQuery } from '../common/schemas/personnel.js';

/**
 * The limit for bench/cadre-list: a bare node:http handler that runs the very SQL of the product (the same
 * repository function, whole-province scope) with no framework, session, role check or validation layer.
 */
const { db } = openDatabase(process.env.DATABASE_URL!, Number(process.env.DB_POOL_SIZE ?? 8));

http
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a failed request crashes the bench, as it should
  .createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = cadreListQuery.parse(Object.fromEntries(url.searchParams));
    const page = await findCadrePage(db, q, sql`TRUE`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...page, page: q.page, pageSize: q.pageSize }));
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('READY'));
