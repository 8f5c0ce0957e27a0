import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.js';
import { checkContract, send, testApp } from './test-app.js';

// No query runs here: the pool never connects.
const database = openDatabase('postgres://127.0.0.1:1/unused', 1);
const app = testApp(database);
afterAll(() => database.close());

const unit = {
  id: 'u1',
  parentId: null,
  kind: 'commune',
  code: 'X1',
  name: 'Xã Một',
  depth: 1,
  restructuredOn: null,
  closedOn: null,
  isEspeciallyDisadvantaged: false,
  assignedStaffing: null,
  headcount: 0,
};

describe('HTTP tests check every JSON response against the route contract', () => {
  it('accepts a body that matches the schema the route declares for the status', () => {
    expect(() => checkContract(app, 'GET', '/api/org-units?year=2026', 200, { year: 2026, items: [unit] })).not.toThrow();
  });

  it('rejects a body that does not match: a wrong enum value, a missing field, a string for a number', () => {
    expect(() => checkContract(app, 'GET', '/api/org-units', 200, { year: 2026, items: [{ ...unit, kind: 'village' }] })).toThrow(
      /does not match the schema of GET \/api\/org-units/,
    );
    const { headcount: _omitted, ...withoutHeadcount } = unit;
    expect(() => checkContract(app, 'GET', '/api/org-units', 200, { year: 2026, items: [withoutHeadcount] })).toThrow(/headcount/);
    expect(() => checkContract(app, 'GET', '/api/org-units', 200, { year: '2026', items: [] })).toThrow(/year/);
  });

  it('matches path templates, and rejects a success status the route does not declare', () => {
    expect(() => checkContract(app, 'GET', '/api/org-units/abc/job-posts', 200, { items: 'none' })).toThrow(/GET \/api\/org-units\/\{id\}\/job-posts/);
    expect(() => checkContract(app, 'GET', '/api/org-units', 201, { year: 2026, items: [] })).toThrow(/declares no response for status 201/);
  });

  it('parses error bodies with the error schema', () => {
    expect(() => checkContract(app, 'GET', '/api/org-units', 404, { error: { code: 'not_found', message: 'Không tìm thấy' } })).not.toThrow();
    expect(() => checkContract(app, 'GET', '/api/org-units', 404, { message: 'Không tìm thấy' })).toThrow(/the error schema/);
  });

  it('checks real responses too', async () => {
    const res = await send(app, '/api/org-units');
    expect(res.status).toBe(401);
  });
});
