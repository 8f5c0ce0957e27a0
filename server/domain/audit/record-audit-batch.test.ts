import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit-hash.js';
import { fastCanonicalJson } from './record-audit-batch.js';

describe('fastCanonicalJson', () => {
  it('writes exactly what canonicalJson writes (the audit hashes depend on it)', () => {
    const strings = [
      '',
      'Nguyễn Văn Đức',
      'a"b',
      'back\\slash',
      'tab\there',
      'line\nbreak',
      '\u0000\u001f\u007f',
      '\u2028\u2029',
      '🙂 𝒜',
      '\ud800 lone',
      'x\udc00',
      '</script>',
    ];
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1.5,
      1e21,
      Number.NaN,
      true,
      false,
      new Date(Date.UTC(2026, 0, 10, 1, 2, 3, 4)),
      [],
      {},
      [1, 'a', null, undefined, [true, { b: 1, a: 2 }]],
      ...strings,
      Object.fromEntries(strings.map((s, i) => [s || 'empty', i % 2 ? s : { [s]: [s, i] }])),
      { z: 1, a: { y: undefined, b: [new Date(0)], A: 'A', é: 'é', _: null }, m: 'x', Z: undefined },
      { fullName: 'Lê Thị Hoa', birthDate: '1985-03-15', salaryStep: 3, salaryCoefficient: '2.34', isLeader: false, unitCode: '0d1c…' },
    ];
    for (const v of values) expect(fastCanonicalJson(v), String(v)).toBe(canonicalJson(v));
  });
});
