import { describe, expect, it } from 'vitest';
import { composeDigest } from './digest.js';
import { toInboxItem, type InboxRuleRow } from './inbox-rules.js';

const TODAY = '2026-11-26';
const row = (o: Partial<InboxRuleRow>): InboxRuleRow => ({
  kind: 'report_overdue',
  secondmentId: 's1',
  subjectId: 'r1',
  dueOn: '2026-11-20',
  since: null,
  reportKind: 'periodic',
  periodNo: 1,
  status: 'active',
  personId: 'p1',
  personName: 'Nguyễn Văn An',
  sendingUnitId: 'A',
  sendingUnitName: 'Sở A',
  hostUnitId: 'X',
  hostUnitName: 'Xã X',
  ...o,
});

describe('the e-mail digest', () => {
  it('lists the items it carries', () => {
    const d = composeDigest(
      'Chị Lan',
      [toInboxItem(row({}), TODAY), toInboxItem(row({ kind: 'report_due', subjectId: 'r2', dueOn: '2026-12-01', periodNo: 2 }), TODAY)],
      TODAY,
    );
    expect(d.subject).toBe('[Tăng cường] 2 việc cần xử lý, trong đó 1 việc quá hạn');
    expect(d.text).toContain('1. [QUÁ HẠN] Báo cáo định kỳ kỳ 1 quá hạn nộp (hạn 20/11/2026)');
    expect(d.text).toContain('2. Báo cáo định kỳ kỳ 2 đến hạn nộp ngày 01/12/2026');
    expect(d.text).not.toContain('việc khác');
  });

  it('counts the items beyond those it lists, in the subject and the body', () => {
    const d = composeDigest('Chị Lan', [toInboxItem(row({}), TODAY)], TODAY, { total: 1234, overdue: 5 });
    expect(d.subject).toBe('[Tăng cường] 1.235 việc cần xử lý, trong đó 6 việc quá hạn');
    expect(d.text).toContain('Và 1.234 việc khác (trong đó 5 việc quá hạn) chưa liệt kê trong thư này');
    expect(d.html).toContain('Và 1.234 việc khác');
  });
});
