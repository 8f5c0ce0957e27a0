import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { projectRoot } from '../config.js';

describe('committed web API types', () => {
  it('are generated from the committed OpenAPI document (regenerate with `npm run gen:api`)', async () => {
    const root = projectRoot();
    // What `openapi-typescript common/openapi.json -o web/src/api/schema.d.ts` writes, built in memory.
    const ast = await openapiTS(pathToFileURL(path.join(root, 'common/openapi.json')), { silent: true });
    const generated = `${COMMENT_HEADER}${astToString(ast)}`;
    const committed = fs.readFileSync(path.join(root, 'web/src/api/schema.d.ts'), 'utf8');
    const [a, b] = [generated.split('\n'), committed.split('\n')];
    const line = a.findIndex((l, i) => l !== b[i]) + 1 || (a.length !== b.length ? Math.min(a.length, b.length) + 1 : 0);
    expect(line, `web/src/api/schema.d.ts differs from common/openapi.json from line ${line}: run \`npm run gen:api\``).toBe(0);
  });
});
