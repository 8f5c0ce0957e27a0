import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './download';

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name of RFC 5987', () => {
    const header = `attachment; filename="Mau nhap du lieu can bo.xlsx"; filename*=UTF-8''${encodeURIComponent('Mẫu nhập dữ liệu cán bộ.xlsx')}`;
    expect(fileNameFromDisposition(header)).toBe('Mẫu nhập dữ liệu cán bộ.xlsx');
  });

  it('falls back to the plain name, quoted or not', () => {
    expect(fileNameFromDisposition('attachment; filename="so-yeu-ly-lich.docx"')).toBe('so-yeu-ly-lich.docx');
    expect(fileNameFromDisposition('attachment; filename=bao-cao.xlsx')).toBe('bao-cao.xlsx');
    expect(fileNameFromDisposition(`attachment; filename="x.xlsx"; filename*=UTF-8''%E0%A4%A`)).toBe('x.xlsx');
  });

  it('is null without a name', () => {
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('attachment')).toBeNull();
  });
});
