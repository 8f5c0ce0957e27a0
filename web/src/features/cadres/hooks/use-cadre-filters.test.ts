import { describe, expect, it } from 'vitest';
import { parseCadreQuery, serializeCadreQuery } from './use-cadre-filters';

describe('cadre list query in the URL', () => {
  it('round-trips filters and leaves defaults out', () => {
    const q = parseCadreQuery(new URLSearchParams('q=nguyen&gender=female&ageMin=30&sort=birthDate&order=desc&page=3'));
    expect(q).toMatchObject({ q: 'nguyen', gender: 'female', ageMin: 30, sort: 'birthDate', order: 'desc', page: 3, pageSize: 20 });
    expect(serializeCadreQuery(q).toString()).toBe('q=nguyen&gender=female&ageMin=30&sort=birthDate&order=desc&page=3');
  });
  it('ignores malformed values', () => {
    const q = parseCadreQuery(new URLSearchParams('gender=x&ageMin=abc&page=-1&sort=salary&pageSize=7&ethnicCode=1'));
    expect(q).toMatchObject({ gender: undefined, ageMin: undefined, page: 1, sort: 'name', pageSize: 20, ethnicCode: undefined });
  });
});
