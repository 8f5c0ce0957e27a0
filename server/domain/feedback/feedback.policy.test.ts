import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../access/actor.js';
import { allowedFeedbackActions, checkFeedbackText, statusAfterReply } from './feedback.policy.js';

const actor = (...grants: RoleGrant[]): Actor => ({ userId: 'u', username: 'u', displayName: 'U', personId: null, grants });
const ROOT = 'root';
const DEPT = 'dept';
const OTHER = 'other';
const path = [ROOT, DEPT];

describe('feedback actions by role and state', () => {
  it('Sở Nội vụ answers and closes an item that is not closed', () => {
    const ha = actor({ role: 'home_affairs', unitId: null });
    expect(allowedFeedbackActions(ha, { status: 'open', unitPath: path })).toEqual(['reply', 'close']);
    expect(allowedFeedbackActions(ha, { status: 'answered', unitPath: path })).toEqual(['reply', 'close']);
    expect(allowedFeedbackActions(ha, { status: 'closed', unitPath: path })).toEqual([]);
  });
  it('the raising unit (or one above it) replies back but never closes; another unit and the authority do nothing', () => {
    expect(allowedFeedbackActions(actor({ role: 'unit_hr', unitId: DEPT }), { status: 'answered', unitPath: path })).toEqual(['reply']);
    expect(allowedFeedbackActions(actor({ role: 'host', unitId: ROOT }), { status: 'open', unitPath: path })).toEqual(['reply']);
    expect(allowedFeedbackActions(actor({ role: 'unit_manager', unitId: OTHER }), { status: 'open', unitPath: path })).toEqual([]);
    expect(allowedFeedbackActions(actor({ role: 'authority', unitId: null }), { status: 'open', unitPath: path })).toEqual([]);
  });
  it('an answer marks the item answered; the unit’s reply puts it back in the queue', () => {
    expect(statusAfterReply(true)).toBe('answered');
    expect(statusAfterReply(false)).toBe('open');
  });
});

describe('feedback texts', () => {
  it('refuses empty and too long texts with Vietnamese messages', () => {
    expect(checkFeedbackText({ subject: ' ', body: '' })).toEqual([
      { path: 'subject', message: 'Tiêu đề không được để trống' },
      { path: 'body', message: 'Nội dung không được để trống' },
    ]);
    expect(checkFeedbackText({ subject: 'a'.repeat(201), body: 'b'.repeat(5001) }).map((i) => i.message)).toEqual([
      'Tiêu đề tối đa 200 ký tự',
      'Nội dung tối đa 5000 ký tự',
    ]);
    expect(checkFeedbackText({ subject: 'a'.repeat(200), body: 'b'.repeat(5000) })).toEqual([]);
    expect(checkFeedbackText({ body: 'Trả lời' })).toEqual([]);
  });
});
