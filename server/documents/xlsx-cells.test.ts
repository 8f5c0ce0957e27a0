import { describe, expect, it } from 'vitest';
import { cleanText, contentDisposition, excelSerialToIso, neutraliseFormula, parseDateCell, plainCell, unneutralise } from './xlsx-cells.js';

describe('spreadsheet cells', () => {
  it('reads dates as real files hold them', () => {
    const d = (v: unknown) => parseDateCell(plainCell(v));
    expect(d('15/03/1985')).toEqual({ iso: '1985-03-15' });
    expect(d('5/3/1985')).toEqual({ iso: '1985-03-05' });
    expect(d('05-03-1985')).toEqual({ iso: '1985-03-05' });
    expect(d('1985-03-05')).toEqual({ iso: '1985-03-05' });
    expect(d(31122)).toEqual({ iso: '1985-03-16' });
    expect(d(new Date('1979-05-06T00:00:00Z'))).toEqual({ iso: '1979-05-06' });
    expect(d('29/02/2023')).toEqual({ error: 'Ngày không tồn tại' });
    expect(d('15.3.85')).toEqual({ error: 'Ngày không đúng định dạng dd/mm/yyyy' });
    expect(excelSerialToIso(0)).toBeNull();
  });

  it('cleans names: NFC, stray and non-breaking spaces, control characters', () => {
    expect(cleanText('  Nguye\u0302\u0303n\u00a0 Văn\tĐức\u0007 ')).toBe('Nguyễn Văn Đức');
    expect(plainCell({ richText: [{ text: 'Lê ' }, { text: 'Thị' }] })).toEqual({ kind: 'text', text: 'Lê Thị' });
    expect(plainCell({ formula: 'A1+1', result: 2 }).kind).toBe('formula');
  });

  it('neutralises formula-like text on export and restores it on import', () => {
    for (const s of ['=1+2', '+84', '-x', '@SUM(A1)']) {
      expect(neutraliseFormula(s)).toBe("'" + s);
      expect(unneutralise(neutraliseFormula(s))).toBe(s);
    }
    expect(neutraliseFormula('Nguyễn')).toBe('Nguyễn');
  });

  it('names downloads in Vietnamese with an ASCII fallback (RFC 5987)', () => {
    expect(contentDisposition('Sơ yếu lý lịch - Đức.docx')).toBe(
      `attachment; filename="So yeu ly lich - Duc.docx"; filename*=UTF-8''S%C6%A1%20y%E1%BA%BFu%20l%C3%BD%20l%E1%BB%8Bch%20-%20%C4%90%E1%BB%A9c.docx`,
    );
  });
});
