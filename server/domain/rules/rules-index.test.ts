import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const readme = fs.readFileSync(path.join(here, 'README.md'), 'utf8');

/** The rule files of this folder: every `*.rule.ts`, and the other modules that carry a clause of their own. */
function ruleFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['', 'training']) {
    for (const f of fs.readdirSync(path.join(here, dir))) {
      if (f.endsWith('.test.ts') || !f.endsWith('.ts')) continue;
      if (f.endsWith('.rule.ts') || ['entitlements.ts', 'placement-not-lower.ts', 'secondment-term.ts', 'quota.ts', 'repayment.ts', 'commitment.ts'].includes(f))
        out.push(dir ? `${dir}/${f}` : f);
    }
  }
  return out.sort();
}

describe('the index of the rules (README.md)', () => {
  it('lists every rule file of the folder, with the instrument it comes from', () => {
    const files = ruleFiles();
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => !readme.includes('`' + f + '`'))).toEqual([]);
  });

  it('names files that exist', () => {
    const named = [...readme.matchAll(/`((?:\.\.\/)?[\w/-]+\.ts)`/g)].map((m) => m[1]);
    const root = path.join(here, '..', '..', '..');
    const missing = named.filter((f) => !fs.existsSync(f.startsWith('common/') || f.startsWith('server/') ? path.join(root, f) : path.join(here, f)));
    expect(missing).toEqual([]);
  });
});
