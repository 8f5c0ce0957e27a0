import { describe, expect, it } from 'vitest';
import { intParam, oneOf, pageParam, pageSizeParam, PAGING_DEFAULTS, toSearchParams, uuidParam } from './use-url-filters';

describe('list filters in the address bar', () => {
  it('writes values in the order given, repeats lists and leaves out empty and default values', () => {
    const p = toSearchParams(
      { b: 'x', status: ['proposed', 'decided'], q: '', unitId: undefined, sort: 'name', page: 1, pageSize: 50 },
      { ...PAGING_DEFAULTS, sort: 'name' },
    );
    expect(p.toString()).toBe('b=x&status=proposed&status=decided&pageSize=50');
    expect(toSearchParams({ page: 3, pageSize: 20 }, PAGING_DEFAULTS).toString()).toBe('page=3');
  });
  it('reads only well-formed values', () => {
    expect(oneOf(['a', 'b'] as const, 'b')).toBe('b');
    expect(oneOf(['a', 'b'] as const, 'c')).toBeUndefined();
    expect(uuidParam('0b4f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b')).toBe('0b4f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(uuidParam('abc')).toBeUndefined();
    expect(intParam('07', 1, 10)).toBe(7);
    expect(intParam('11', 1, 10)).toBeUndefined();
    expect(intParam('-1', -5, 10)).toBeUndefined();
    expect(pageParam(new URLSearchParams('page=0'))).toBe(1);
    expect(pageParam(new URLSearchParams('page=4'))).toBe(4);
    expect(pageSizeParam(new URLSearchParams('pageSize=100'))).toBe(100);
    expect(pageSizeParam(new URLSearchParams('pageSize=7'))).toBe(20);
  });
});
