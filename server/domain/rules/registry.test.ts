import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_REGISTRY } from './screen-person.js';
import { eligibleFacts, ruleContext } from '../../../test/support/rule-facts.js';
import { CRITERIA } from '../../../common/eligibility.js';

describe('the rules registry', () => {
  it('holds every criterion once, in the order shown, each under the name of its own rule file', () => {
    expect(RULE_REGISTRY.map((r) => r.criterion)).toEqual([...CRITERIA]);
    for (const r of RULE_REGISTRY) {
      expect(existsSync(new URL(`./${r.file}.ts`, import.meta.url)), r.file).toBe(true);
      expect(r.rule(eligibleFacts(), ruleContext()).criterion, r.file).toBe(r.criterion);
    }
  });
});
