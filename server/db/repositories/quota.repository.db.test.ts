import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { countsAgainstQuotaSql } from './quota.repository.js';
import { countsAgainstQuota } from '../../domain/rules/quota.js';
import { QUOTA_FIGURES, SECONDMENT_STATUSES, type QuotaFigure } from '../../../common/secondment.js';
import { pgArray } from '../sql-helpers.js';

const t = useTestDatabase();

describe('countsAgainstQuota and its SQL twin agree', () => {
  it('on every state, for every figure', async () => {
    for (const figure of Object.keys(QUOTA_FIGURES) as QuotaFigure[]) {
      const r = await t
        .get()
        .db.execute<{ status: string; counts: boolean }>(
          sql`SELECT s AS status, ${countsAgainstQuotaSql(figure, sql`s`)} AS counts FROM unnest(${pgArray(SECONDMENT_STATUSES)}::text[]) s`,
        );
      expect(Object.fromEntries(r.rows.map((x) => [x.status, x.counts])), figure).toEqual(
        Object.fromEntries(SECONDMENT_STATUSES.map((s) => [s, countsAgainstQuota(s, figure)])),
      );
    }
  });
});
