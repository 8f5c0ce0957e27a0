import http from 'node:http';
import pg from 'pg';

/**
 * The limit for bench/cadre-list: a bare node:http handler that runs the same two statements as the product
 * (page + count) for the same filters, with no framework, session, scope, validation or audit.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const LIST = `
  SELECT p.id, p.code, p.full_name AS "fullName", p.gender, p.birth_date AS "birthDate", p.category,
    p.position_title AS "positionTitle", p.unit_id AS "unitId", u.name AS "unitName",
    lr.year AS "lastRatingYear", lr.level_code AS "lastRatingCode",
    EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = p.id AND pe.removed_on IS NULL) AS "inPlanning"
  FROM people p JOIN org_units u ON u.id = p.unit_id
  LEFT JOIN LATERAL (SELECT ar.year, ar.level_code FROM annual_ratings ar WHERE ar.person_id = p.id ORDER BY ar.year DESC LIMIT 1) lr ON TRUE
  WHERE ($1::text IS NULL OR f_unaccent(lower(p.full_name)) LIKE f_unaccent($1) OR lower(p.code) LIKE $1)
  ORDER BY p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", p.id
  LIMIT $2 OFFSET $3`;
const COUNT = `SELECT count(*)::int AS n FROM people p JOIN org_units u ON u.id = p.unit_id
  WHERE ($1::text IS NULL OR f_unaccent(lower(p.full_name)) LIKE f_unaccent($1) OR lower(p.code) LIKE $1)`;

http
  .createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = url.searchParams.get('q');
    const like = q ? '%' + q.toLowerCase() + '%' : null;
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const page = Number(url.searchParams.get('page') ?? 1);
    const [rows, count] = await Promise.all([pool.query(LIST, [like, pageSize, (page - 1) * pageSize]), pool.query(COUNT, [like])]);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items: rows.rows, total: count.rows[0].n, page, pageSize }));
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('READY'));
