import { describe, expect, it } from 'vitest';
import { SECONDMENT_STATUSES, SECONDMENT_STATUS_LABELS } from '../../../../../common/secondment';
import { eventLabel, isReportOpen, PATH_STAGES, pathProgress, stageOfEvent, STATUS_COLORS, statusLabel } from './secondment-labels';

describe('the path as shown', () => {
  it('places each status on its stage', () => {
    expect(pathProgress('proposed')).toEqual({ current: 1, state: 'process' });
    expect(pathProgress('sent_back')).toEqual({ current: 0, state: 'warning' });
    expect(pathProgress('rejected')).toEqual({ current: 2, state: 'error' });
    expect(pathProgress('active')).toEqual({ current: 4, state: 'process' });
    expect(pathProgress('ended_early')).toEqual({ current: 6, state: 'process' });
    expect(pathProgress('returned')).toEqual({ current: PATH_STAGES.length, state: 'finish' });
  });

  it('never moves backwards along the normal path', () => {
    const normal = ['proposed', 'appraised', 'decided', 'active', 'completed', 'returned'] as const;
    const positions = normal.map((s) => pathProgress(s).current);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts events on their stage and names them in Vietnamese', () => {
    expect(stageOfEvent('forward')).toBe('appraisal');
    expect(stageOfEvent('place')).toBe('return');
    expect(stageOfEvent('something_new')).toBeNull();
    expect(eventLabel('receive')).toBe('Xác nhận tiếp nhận');
    expect(eventLabel('propose')).toBe('Đề xuất cử đi tăng cường');
    expect(eventLabel('unknown_action')).toBe('unknown_action');
  });

  it('has a label and a colour for every status', () => {
    for (const s of SECONDMENT_STATUSES) {
      expect(statusLabel(s)).toBe(SECONDMENT_STATUS_LABELS[s]);
      expect(STATUS_COLORS[s]).toBeTruthy();
    }
    expect(statusLabel('not_a_status')).toBe('not_a_status');
  });
});

describe('reports the cadre can submit', () => {
  const base = { kind: 'periodic', periodFrom: '2026-06-01', submittedOn: null, cancelled: false };
  it('opens a period once it has started, never a submitted or cancelled one', () => {
    expect(isReportOpen(base, '2026-05-31')).toBe(false);
    expect(isReportOpen(base, '2026-06-01')).toBe(true);
    expect(isReportOpen({ ...base, submittedOn: '2026-12-01' }, '2026-12-05')).toBe(false);
    expect(isReportOpen({ ...base, cancelled: true }, '2026-12-05')).toBe(false);
  });
  it('opens an ad-hoc report at once', () => {
    expect(isReportOpen({ kind: 'adhoc', periodFrom: null, submittedOn: null, cancelled: false }, '2026-01-01')).toBe(true);
  });
});
