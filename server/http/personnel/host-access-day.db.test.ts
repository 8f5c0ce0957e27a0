import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { grantPersonToUnit, makePerson, makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { vietnamToday } from '../../../common/dates.js';

/**
 * A host commune sees a seconded cadre through the end date of the term, in Vietnam's calendar: at 00:00 in
 * Vietnam (17:00 UTC the day before) on the day after the end date the record is gone, although the database's
 * UTC `CURRENT_DATE` still says the end date. Only the process's clock is moved; the database runs on real time.
 */
const t = useTestDatabase();
let app: TestApp;
let host: Session;
let cadre: { id: string };
const END = '2026-11-30';

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  const dept = await makeUnit(pool, { parent: root, name: 'Sở Thử nghiệm' });
  const ward = await makeUnit(pool, { parent: root, kind: 'ward', name: 'Phường Thử nghiệm' });
  cadre = await makePerson(pool, { unitId: dept.id, fullName: 'Nguyễn Văn Tăng' });
  await grantPersonToUnit(pool, ward.id, cadre.id, '2023-12-01', END);
  host = await makeSession(pool, 'host', { unitId: ward.id });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the process's clock (only `Date`: timers and the database keep real time). */
const at = (instant: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
};

const sees = async () => {
  const one = await call(app, 'GET', `/api/cadres/${cadre.id}`, { session: host });
  const list = await call(app, 'GET', '/api/cadres', { session: host });
  return { one: one.status, listed: (list.json as { total: number }).total };
};

describe('a host commune loses the cadre at midnight in Vietnam after the end date', () => {
  it('the Vietnam date turns at 17:00 UTC', () => {
    expect(vietnamToday(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
    expect(vietnamToday(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });

  it('sees the record until 23:59:59 on the end date, and not from 00:00 the day after', async () => {
    at('2026-11-30T16:59:59Z'); // 23:59:59 on 30/11 in Vietnam
    expect(await sees()).toEqual({ one: 200, listed: 1 });
    at('2026-11-30T17:00:00Z'); // 00:00 on 01/12 in Vietnam; still 30/11 in UTC
    expect(await sees()).toEqual({ one: 404, listed: 0 });
  });

  it('does not see the record before the first day either', async () => {
    at('2023-11-30T16:59:59Z'); // 23:59:59 on 30/11/2023, the day before the grant starts
    expect(await sees()).toEqual({ one: 404, listed: 0 });
    at('2023-11-30T17:00:00Z'); // 00:00 on 01/12/2023
    expect(await sees()).toEqual({ one: 200, listed: 1 });
  });
});
