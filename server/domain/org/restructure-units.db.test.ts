import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeUnit, type UnitRef } from '../../../test/support/factories.js';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { AppError } from '../errors.js';
import type { UseCaseContext } from '../context.js';
import type { Tx } from '../../db/client.js';
import { addUnit, closeOrgUnit, listUnitEvents, mergeUnits, moveOrgUnit, renameOrgUnit, splitUnit } from './restructure-units.js';
import { buildRuleContext } from '../eligibility/rule-context.js';
import { screenAll, screenAllByRules } from '../eligibility/screen-people.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';

const t = useTestDatabase();
const homeAffairs: Actor = { ...SYSTEM_ACTOR, userId: '00000000-0000-0000-0000-0000000000a1', grants: [{ role: 'home_affairs', unitId: null }] };
const TODAY = '2026-12-03';
const run = <T>(fn: (ctx: UseCaseContext) => Promise<T>, actor: Actor = homeAffairs) =>
  t.get().db.transaction((tx: Tx) => fn({ actor, tx, today: TODAY, requestId: null }));
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

let root: UnitRef;
beforeAll(async () => {
  root = await makeUnit(t.get().pool, { kind: 'peoples_committee', code: 'UBND', name: 'Ủy ban nhân dân thành phố' });
});

async function unit(code: string) {
  const r = await t
    .get()
    .pool.query<{ id: string; parent_id: string | null; path: string[]; depth: number; name: string; closed_on: string | null; restructured_on: string | null }>(
      `SELECT id, parent_id, path, depth, name, closed_on::text, restructured_on::text FROM org_units WHERE code = $1`,
      [code],
    );
  return r.rows[0];
}

describe('changes of the organisation, each a dated event with its audit row', () => {
  it('adds under the People’s Committee, renames, moves a subtree (every descendant’s path follows), closes', async () => {
    await run((ctx) => addUnit(ctx, { code: 'SA', name: 'Sở A', kind: 'department', effectiveOn: '2025-01-01', decisionNo: '1/QĐ-UBND' }));
    await run((ctx) => addUnit(ctx, { code: 'SB', name: 'Sở B', kind: 'department', effectiveOn: '2025-01-01' }));
    const sa = await unit('SA');
    expect(sa).toMatchObject({ parent_id: root.id, depth: 1, path: [root.id, sa.id] });
    await run((ctx) => addUnit(ctx, { code: 'SA-P1', name: 'Phòng 1', kind: 'sub_unit', parentId: sa.id, effectiveOn: '2025-01-01' }));
    const p1 = await unit('SA-P1');
    await run((ctx) => addUnit(ctx, { code: 'SA-P1-T', name: 'Tổ 1', kind: 'sub_unit', parentId: p1.id, effectiveOn: '2025-01-01' }));

    await run((ctx) => renameOrgUnit(ctx, sa.id, { name: 'Sở A mới', effectiveOn: '2025-02-01', decisionNo: '2/QĐ-UBND' }));
    expect((await unit('SA')).name).toBe('Sở A mới');

    const sb = await unit('SB');
    await run((ctx) => moveOrgUnit(ctx, p1.id, { parentId: sb.id, effectiveOn: '2025-03-01' }));
    const [m1, mt] = [await unit('SA-P1'), await unit('SA-P1-T')];
    expect(m1).toMatchObject({ parent_id: sb.id, path: [root.id, sb.id, p1.id], depth: 2 });
    expect(mt).toMatchObject({ path: [root.id, sb.id, p1.id, mt.id], depth: 3 });

    // not under itself or its own sub-unit
    const cycle = await failure(run((ctx) => moveOrgUnit(ctx, p1.id, { parentId: mt.id, effectiveOn: '2025-03-01' })));
    expect(cycle.issues?.[0].message).toContain('chính nó hoặc đơn vị trực thuộc');
    // a unit with sub-units is not closed
    const busy = await failure(run((ctx) => closeOrgUnit(ctx, sb.id, { effectiveOn: '2025-04-01' })));
    expect(busy.issues?.[0].message).toContain('1 đơn vị trực thuộc');
    await run((ctx) => closeOrgUnit(ctx, mt.id, { effectiveOn: '2025-04-01' }));
    expect((await unit('SA-P1-T')).closed_on).toBe('2025-04-01');

    const events = await run((ctx) => listUnitEvents(ctx, sa.id));
    expect(events.map((e) => e.kind)).toEqual(['renamed', 'formed']);
    expect(events[0]).toMatchObject({ before: { name: 'Sở A' }, after: { name: 'Sở A mới' }, decisionNo: '2/QĐ-UBND', effectiveOn: '2025-02-01' });
    const moved = await run((ctx) => listUnitEvents(ctx, p1.id));
    expect(moved[0]).toMatchObject({ kind: 'moved', before: { parentCode: 'SA' }, after: { parentCode: 'SB', subtreeUnits: 2 } });
    const audit = await t.get().pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'org_unit'`);
    expect(audit.rows[0].n).toBe(7);
  });

  it('refuses anyone but Sở Nội vụ, a code used twice and a date in the future, and changes nothing', async () => {
    const hr: Actor = { ...homeAffairs, grants: [{ role: 'unit_hr', unitId: root.id }] };
    const e = await failure(run((ctx) => addUnit(ctx, { code: 'SX', name: 'Sở X', kind: 'department', effectiveOn: '2025-01-01' }), hr));
    expect(e.code).toBe('forbidden');
    expect(e.message).toContain('Sở Nội vụ');
    const dup = await failure(run((ctx) => addUnit(ctx, { code: 'sa', name: 'Trùng', kind: 'department', effectiveOn: '2025-01-01' })));
    expect(dup.issues?.[0].message).toContain('đã được dùng');
    const future = await failure(run((ctx) => addUnit(ctx, { code: 'SF', name: 'Sở F', kind: 'department', effectiveOn: '2027-01-01' })));
    expect(future.issues?.[0].message).toContain('sau ngày hôm nay');
    expect(await unit('SX')).toBeUndefined();
    expect(await unit('SF')).toBeUndefined();
  });
});

describe('a merger on 01/03/2025', () => {
  it('moves the sources’ staff and sub-units into the new unit, closes the sources, and makes the staff "of a restructured unit" from that date', async () => {
    const { pool } = t.get();
    const a = await makeUnit(pool, { parent: root, code: 'MA', name: 'Sở Kế hoạch' });
    const b = await makeUnit(pool, { parent: root, code: 'MB', name: 'Sở Tài chính' });
    const aSub = await makeUnit(pool, { parent: a, kind: 'sub_unit', code: 'MA-P', name: 'Phòng của A' });
    const leader = await makePerson(pool, { unitId: a.id, birthDate: '1982-01-01' });
    const staff = await makePerson(pool, { unitId: aSub.id });
    const other = await makePerson(pool, { unitId: b.id });
    await pool.query(`UPDATE people SET is_leader = true WHERE id = $1`, [leader.id]);
    await pool.query(`INSERT INTO planning_entries (person_id, title, term, approved_on) VALUES ($1, 'Giám đốc Sở', '2025-2030', '2024-12-01')`, [leader.id]);

    const r = await run((ctx) =>
      mergeUnits(ctx, {
        sourceIds: [a.id, b.id],
        newUnit: { code: 'MC', name: 'Sở Tài chính (mới)', kind: 'department' },
        effectiveOn: '2025-03-01',
        decisionNo: '15/QĐ-UBND',
      }),
    );
    expect(r.peopleMoved).toBe(2);
    const c = await unit('MC');
    expect(c.restructured_on).toBe('2025-03-01');
    expect(await unit('MA')).toMatchObject({ closed_on: '2025-03-01' });
    expect(await unit('MB')).toMatchObject({ closed_on: '2025-03-01' });
    expect(await unit('MA-P')).toMatchObject({ parent_id: c.id, path: [root.id, c.id, aSub.id] });
    const people = await pool.query(`SELECT id, unit_id FROM people WHERE id = ANY($1) ORDER BY id`, [[leader.id, staff.id, other.id]]);
    expect(Object.fromEntries(people.rows.map((p: { id: string; unit_id: string }) => [p.id, p.unit_id]))).toEqual({
      [leader.id]: c.id,
      [staff.id]: aSub.id,
      [other.id]: c.id,
    });
    const [merged] = (await run((ctx) => listUnitEvents(ctx, c.id))).filter((e) => e.kind === 'merged');
    expect(merged.sources.map((s) => s.code)).toEqual(['MA', 'MB']);
    expect(merged.decisionNo).toBe('15/QĐ-UBND');
    const personAudit = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'person' AND person_id = ANY($1)`, [[leader.id, other.id]]);
    expect(personAudit.rows[0].n).toBe(2);

    // the fact follows the events and the reference date, in the SQL screening and in the rules alike
    const groupOn = async (referenceDate: string) => {
      const ctx = { actor: homeAffairs, tx: t.get().db, today: TODAY };
      const rules = await buildRuleContext(t.get().db, referenceDate, PLAN_131_PARAMS);
      const where = sql`p.id = ${leader.id}::uuid`;
      const [[bySql]] = await screenAll(ctx, where, [rules]);
      const [[byTs]] = await screenAllByRules(ctx, where, [rules]);
      expect(bySql.targetGroup).toBe(byTs.targetGroup);
      return bySql.targetGroup;
    };
    expect(await groupOn('2025-02-28')).not.toBe(1);
    expect(await groupOn('2025-03-01')).toBe(1);
    expect(await groupOn('2026-06-30')).toBe(1);

    // a later split moves restructured_on to its date, and a closed unit takes no further change
    const d = await run((ctx) =>
      splitUnit(ctx, { sourceId: c.id, into: [{ newUnit: { code: 'MD', name: 'Sở D', kind: 'department' } }], effectiveOn: '2026-01-01' }),
    );
    expect(d.unitIds).toHaveLength(1);
    expect((await unit('MD')).restructured_on).toBe('2026-01-01');
    const closed = await failure(run((ctx) => renameOrgUnit(ctx, a.id, { name: 'X', effectiveOn: '2025-05-01' })));
    expect(closed.issues?.[0].message).toContain('đã giải thể');
  });
});
