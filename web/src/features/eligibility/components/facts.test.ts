import { describe, expect, it } from 'vitest';
import { describeFacts, formatFact, viDates } from './facts';

const lookups = {
  ratingName: (c: string) => ({ HTT: 'Hoàn thành tốt nhiệm vụ', HTXS: 'Hoàn thành xuất sắc nhiệm vụ' })[c] ?? null,
  unitName: (id: string) => ({ 'u-1': 'Xã Tân Bình' })[id],
};

describe('facts of a criterion', () => {
  it('shows dates as dd/mm/yyyy, codes by name, yes/no as Đạt/Không đạt', () => {
    expect(describeFacts({ healthStatus: 'good', healthCheckedOn: '2026-10-07', validityMonths: 6 })).toEqual([
      { key: 'healthStatus', label: 'Tình trạng sức khỏe', value: 'Tốt' },
      { key: 'healthCheckedOn', label: 'Ngày khám sức khỏe', value: '07/10/2026' },
      { key: 'validityMonths', label: 'Thời hạn hiệu lực (tháng)', value: '6' },
    ]);
    expect(formatFact('assessment', { assessedOn: '2026-11-01', assessorName: 'Thủ trưởng', capacityOk: 'no' })).toBe(
      'Ngày đánh giá: 01/11/2026; Người đánh giá: Thủ trưởng; Năng lực: Không đạt',
    );
  });
  it('keeps years as years and names the ratings of each year', () => {
    expect(formatFact('years', [2024, 2025])).toBe('2024, 2025');
    expect(formatFact('ratings', { 2024: 'HTT', 2025: null }, lookups)).toBe('2024: Hoàn thành tốt nhiệm vụ; 2025: chưa có');
    expect(formatFact('minRatingCode', 'HTXS', lookups)).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });
  it('says what an empty value means', () => {
    expect(formatFact('assessment', null)).toBe('Chưa có');
    expect(formatFact('records', [])).toBe('Không có');
    expect(formatFact('monthsLeft', null)).toBe('—');
  });
  it('names units when it can, and counts them otherwise', () => {
    expect(formatFact('homeCommuneIds', ['u-1'], lookups)).toBe('Xã Tân Bình');
    expect(formatFact('homeCommuneIds', ['u-1', 'u-2'], lookups)).toBe('2 xã, phường');
  });
  it('renders nested standards compactly', () => {
    expect(formatFact('required', { education: 'dai_hoc', rankGrade: 'A1', politicalTheory: null })).toBe('Trình độ chuyên môn: Đại học; Ngạch (loại): A1');
  });
});

describe('reasons', () => {
  it('shows dates written as YYYY-MM-DD as dd/mm/yyyy', () => {
    expect(viDates('Lãnh đạo, quản lý trong quy hoạch; đơn vị đã sắp xếp từ 2025-03-01')).toBe('Lãnh đạo, quản lý trong quy hoạch; đơn vị đã sắp xếp từ 01/03/2025');
  });
  it('names proceedings and circumstances by their statutory labels', () => {
    expect(formatFact('openProceedings', [{ kind: 'investigation', openedOn: '2026-10-01', closedOn: null, documentNo: null }])).toBe(
      'Loại: Đang bị điều tra; Ngày bắt đầu: 01/10/2026',
    );
    expect(formatFact('circumstances', [{ kind: 'child_under_36_months', childBirthDate: '2024-05-01', state: 'consented' }])).toBe(
      'Loại: Đang nuôi con dưới 36 tháng tuổi; Ngày sinh của con: 01/05/2024; Tình trạng: Đã đồng ý đi',
    );
    expect(formatFact('openProceedings', [])).toBe('Không có');
  });
});
