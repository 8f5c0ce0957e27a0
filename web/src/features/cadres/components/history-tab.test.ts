import { describe, expect, it } from 'vitest';
import { changesOf, formatHistoryValue } from './history-tab';

const lookups = { unitName: () => undefined };

describe('change history', () => {
  it('lists only the fields an edit changed, in form order', () => {
    const changes = changesOf({
      action: 'update',
      before: { phone: '0901234567', fullName: 'Lê Văn A', email: null },
      after: { phone: '0912345678', fullName: 'Lê Văn A', email: 'a@x.vn' },
    });
    expect(changes.map((c) => c.field)).toEqual(['phone', 'email']);
  });
  it('shows dates, codes and empty values the way users read them', () => {
    expect(formatHistoryValue('birthDate', '1980-07-01', lookups)).toBe('01/07/1980');
    expect(formatHistoryValue('gender', 'female', lookups)).toBe('Nữ');
    expect(formatHistoryValue('phone', null, lookups)).toBe('(trống)');
    expect(formatHistoryValue('isGrassroots', true, lookups)).toBe('Có');
    expect(formatHistoryValue('salaryCoefficient', '2.34', lookups)).toBe('2,34');
  });
});
