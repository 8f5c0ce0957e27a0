import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { inspectionInboxItems, INSPECTION_ANSWER_WAIT_DAYS, type InboxRecommendationRow } from './inbox-rules.js';
import { addDays } from '../../../common/dates.js';

const TODAY = '2026-11-26';
const rec = (o: Partial<InboxRecommendationRow> = {}): InboxRecommendationRow => ({
  id: 'r1',
  inspectionId: 'i1',
  concluded: true,
  status: 'open',
  deadline: addDays(TODAY, 10),
  answeredOn: null,
  unitId: 'A',
  unitName: 'Sở A',
  unitPath: ['root', 'A'],
  ...o,
});
const actor = (role: Actor['grants'][number]['role'], unitId: string | null = null): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  personId: null,
  grants: [{ role, unitId }],
});
const kinds = (a: Actor, r: InboxRecommendationRow, today = TODAY) => inspectionInboxItems(a, [r], today).map((i) => i.kind);

describe('inbox items of inspections', () => {
  it('a deadline within 15 days is due for the inspected unit only, not for Sở Nội vụ nor another unit', () => {
    expect(kinds(actor('unit_hr', 'A'), rec())).toEqual(['inspection_recommendation_due']);
    expect(kinds(actor('host', 'A'), rec({ status: 'returned' }))).toEqual(['inspection_recommendation_due']);
    expect(kinds(actor('home_affairs'), rec())).toEqual([]);
    expect(kinds(actor('unit_hr', 'B'), rec())).toEqual([]);
    expect(kinds(actor('unit_hr', 'A'), rec({ deadline: addDays(TODAY, 16) }))).toEqual([]);
    expect(kinds(actor('unit_hr', 'A'), rec({ deadline: addDays(TODAY, 15) }))).toEqual(['inspection_recommendation_due']);
  });
  it('a deadline passed without an accepted answer is overdue for the unit and Sở Nội vụ, on the day after the deadline', () => {
    const r = rec({ deadline: TODAY });
    expect(kinds(actor('unit_manager', 'A'), r)).toEqual(['inspection_recommendation_due']);
    expect(kinds(actor('unit_manager', 'A'), r, addDays(TODAY, 1))).toEqual(['inspection_recommendation_overdue']);
    expect(kinds(actor('home_affairs'), r, addDays(TODAY, 1))).toEqual(['inspection_recommendation_overdue']);
    expect(kinds(actor('authority'), r, addDays(TODAY, 1))).toEqual([]);
    expect(kinds(actor('home_affairs'), rec({ deadline: addDays(TODAY, -1), status: 'accepted' }))).toEqual([]);
    const item = inspectionInboxItems(actor('home_affairs'), [rec({ deadline: addDays(TODAY, -3) })], TODAY)[0];
    expect(item).toMatchObject({ overdue: true, daysLeft: -3, personName: null, sendingUnitName: 'Sở A', link: '/inspections?inspection=i1' });
    expect(item.title).toBe('Kiến nghị sau kiểm tra quá hạn thực hiện (hạn 23/11/2026)');
  });
  it("an answer before the deadline waits for Sở Nội vụ's review; nothing of a draft inspection shows", () => {
    const answered = rec({ status: 'answered', answeredOn: addDays(TODAY, -2) });
    const [item] = inspectionInboxItems(actor('home_affairs'), [answered], TODAY);
    expect(item.kind).toBe('inspection_answer_pending');
    expect(item.dueOn).toBe(addDays(TODAY, INSPECTION_ANSWER_WAIT_DAYS - 2));
    expect(kinds(actor('unit_hr', 'A'), answered)).toEqual([]);
    expect(kinds(actor('unit_hr', 'A'), rec({ concluded: false, deadline: addDays(TODAY, -5) }))).toEqual([]);
    expect(kinds(actor('home_affairs', 'B'), rec({ deadline: addDays(TODAY, -5) }))).toEqual([]);
  });
});
