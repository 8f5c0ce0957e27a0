import { describe, expect, it } from 'vitest';
import { parseFeedbackFilters, serializeFeedbackFilters, toFeedbackQuery } from './use-feedback-filters';

const UNIT = '3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b';

describe('feedback filters in the address bar', () => {
  it('reads valid values and ignores malformed ones', () => {
    const f = parseFeedbackFilters(new URLSearchParams(`status=answered&kind=plan_change&unitId=${UNIT}&q=%20kho%20khan%20&page=3&pageSize=50&item=nope`));
    expect(f).toEqual({ status: 'answered', kind: 'plan_change', unitId: UNIT, q: 'kho khan', page: 3, pageSize: 50, item: undefined });
    const bad = parseFeedbackFilters(new URLSearchParams('status=pending&kind=x&unitId=1&page=0&pageSize=7'));
    expect(bad).toEqual({ status: undefined, kind: undefined, unitId: undefined, q: undefined, page: 1, pageSize: 20, item: undefined });
  });
  it('writes back only what differs from the defaults, and round-trips', () => {
    const f = { status: 'open' as const, page: 1, pageSize: 20, item: UNIT };
    expect(serializeFeedbackFilters(f).toString()).toBe(`status=open&item=${UNIT}`);
    expect(parseFeedbackFilters(serializeFeedbackFilters(f))).toMatchObject(f);
  });
  it('does not send the open item to the API', () => {
    expect(toFeedbackQuery({ page: 2, pageSize: 10, item: UNIT })).toEqual({
      status: undefined,
      kind: undefined,
      unitId: undefined,
      q: undefined,
      page: 2,
      pageSize: 10,
    });
  });
});
