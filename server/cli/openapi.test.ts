import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from './openapi.js';
import { projectRoot } from '../config.js';

describe('committed OpenAPI document', () => {
  it('matches the contracts in code (regenerate with `npm run openapi` then `npm run gen:api`)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'common/openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument()))).toEqual(committed);
  });
});
