import { expect } from 'vitest';
import { call, type TestApp } from './test-app.js';
import type { Session } from './factories.js';
import { vietnamToday } from '../../common/dates.js';

/** A Party committee opinion that lets the authority decide (Plan 131 II.1): agrees, political standards met. */
export const agreeingOpinion = (o: Record<string, unknown> = {}) => ({
  committeeName: 'Ban Thường vụ Đảng ủy Sở',
  givenOn: vietnamToday(),
  documentNo: '15-CV/ĐU',
  outcome: 'agree',
  politicalConclusion: 'meets',
  ...o,
});

/**
 * Sở Nội vụ records the Party committee's opinion on a secondment through the API; Plan 131 requires one before
 * the decision (plan parameter partyOpinionRequired), so the helpers that decide secondments call this first.
 */
export async function recordPartyOpinion(app: TestApp, homeAffairs: Session, secondmentId: string, o: Record<string, unknown> = {}) {
  const r = await call(app, 'POST', `/api/secondments/${secondmentId}/party-opinions`, { session: homeAffairs, body: agreeingOpinion(o) });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json.id as string;
}
