import { afterAll, expect } from 'vitest';
import { suiteLeaks } from './log-watch.js';

// After each database test file: the lines its app and workers logged hold none of the personal values it used.
afterAll(() => {
  const { leaks } = suiteLeaks();
  expect(leaks, 'personal data in the log').toEqual([]);
});
