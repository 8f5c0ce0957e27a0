import { describe, expect, it } from 'vitest';
import { parseReference } from './use-reference';

describe('reference lists', () => {
  it("reads a rank's step coefficients whether the numeric[] arrives as PostgreSQL's text form or as an array", () => {
    const r = parseReference({
      ranks: [
        { code: '01.004', name: 'Cán sự', grade: 'A0', coefficients: '{2.10,2.41,2.72}' },
        { code: '01.003', name: 'Chuyên viên', grade: 'A1', coefficients: ['2.34', '2.67'] },
        { code: 'x', name: 'Không rõ', grade: 'B' },
      ],
    });
    expect(r.ranks.map((x) => x.coefficients)).toEqual([['2.10', '2.41', '2.72'], ['2.34', '2.67'], []]);
  });
});
