import { describe, expect, it } from 'vitest';
import { parseSecondmentFilters, serializeSecondmentFilters, toListQuery } from './use-secondment-filters';

const UNIT = '0b4f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('secondment list filters in the URL', () => {
  it('round-trips several statuses, search, units and page, leaving defaults out', () => {
    const f = parseSecondmentFilters(new URLSearchParams(`status=appraised&status=proposed&q=nguyen&hostUnitId=${UNIT}&page=2`));
    // statuses come back in the path's order, whatever the order of the address
    expect(f).toMatchObject({ status: ['proposed', 'appraised'], q: 'nguyen', hostUnitId: UNIT, page: 2, pageSize: 20 });
    expect(serializeSecondmentFilters(f).toString()).toBe(`status=proposed&status=appraised&q=nguyen&hostUnitId=${UNIT}&page=2`);
  });

  it('ignores unknown statuses, malformed ids and pages', () => {
    const f = parseSecondmentFilters(new URLSearchParams('status=approved&status=active&unitId=abc&page=0&pageSize=7'));
    expect(f).toEqual({ status: ['active'], q: undefined, unitId: undefined, hostUnitId: undefined, page: 1, pageSize: 20 });
  });

  it('sends no status filter when none is chosen', () => {
    expect(toListQuery(parseSecondmentFilters(new URLSearchParams(''))).status).toBeUndefined();
    expect(toListQuery(parseSecondmentFilters(new URLSearchParams('status=decided'))).status).toEqual(['decided']);
  });
});
