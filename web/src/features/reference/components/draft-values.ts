import type { Dayjs } from 'dayjs';
import type { ReferenceDraftInput, ReferenceTableRow } from '../../../api/types';
import { fromIsoDate, toIsoDate } from '../../../shared/format';

/** The form's values for a draft row (every table's fields; only those of the chosen table are sent). */
export interface DraftFormValues {
  effectiveFrom?: Dayjs | null;
  effectiveTo?: Dayjs | null;
  amountVnd?: number | null;
  multiplier?: number | null;
  code?: string;
  name?: string;
  appliesTo?: string[];
  barMonths?: number | null;
  title?: string;
  category?: string;
  params?: string;
  hasPoints?: boolean;
  referenceDate?: Dayjs | null;
  destUnitId?: string;
  destinationPostId?: string;
  instrument?: string;
  reason?: string;
}

export type ReferenceTableName = ReferenceDraftInput['table'];

const opt = <T>(v: T | null | undefined) => (v === null || v === undefined || v === '' ? undefined : v);

/** The draft the API takes, from the form values of a table; a params text that is not JSON throws a Vietnamese message. */
export function draftFromValues(table: ReferenceTableName, v: DraftFormValues): ReferenceDraftInput {
  const effectiveFrom = toIsoDate(v.effectiveFrom ?? null) ?? '';
  const effectiveTo = v.effectiveTo === undefined ? undefined : toIsoDate(v.effectiveTo);
  switch (table) {
    case 'base_salaries':
      return { table, effectiveFrom, amountVnd: opt(v.amountVnd) };
    case 'allowance_multipliers':
      return { table, effectiveFrom, multiplier: opt(v.multiplier) };
    case 'discipline_forms':
      return {
        table,
        code: (v.code ?? '').trim(),
        name: opt(v.name?.trim()),
        appliesTo: v.appliesTo?.length ? (v.appliesTo as ('can_bo' | 'cong_chuc' | 'vien_chuc')[]) : undefined,
        barMonths: opt(v.barMonths),
        effectiveFrom,
        effectiveTo,
      };
    case 'key_posts':
      return { table, title: (v.title ?? '').trim(), level: 'commune', effectiveFrom, effectiveTo };
    case 'training_regulations': {
      let params: Record<string, unknown> | undefined;
      if (v.params?.trim()) {
        try {
          params = JSON.parse(v.params) as Record<string, unknown>;
        } catch {
          throw new Error('Các chỉ số của quy định phải viết đúng dạng JSON');
        }
      }
      return { table, category: (v.category ?? 'cong_chuc') as 'cong_chuc', effectiveFrom, params };
    }
    case 'rating_instruments':
      return { table, category: (v.category ?? 'cong_chuc') as 'cong_chuc', effectiveFrom, hasPoints: v.hasPoints ?? undefined };
  }
}

/** The form filled from a row of the list (to correct it, or to close it with an end date). */
export function valuesFromRow(table: ReferenceTableName, r: ReferenceTableRow): DraftFormValues {
  const x = r.values as Record<string, unknown>;
  const base = { effectiveFrom: fromIsoDate(r.effectiveFrom), effectiveTo: fromIsoDate(r.effectiveTo) };
  switch (table) {
    case 'base_salaries':
      return { ...base, amountVnd: Number(x.amountVnd) };
    case 'allowance_multipliers':
      return { ...base, multiplier: Number(x.multiplier) };
    case 'discipline_forms':
      return { ...base, code: String(x.code), name: String(x.name ?? ''), appliesTo: (x.appliesTo as string[]) ?? [], barMonths: Number(x.barMonths) };
    case 'key_posts':
      return { ...base, title: String(x.title) };
    case 'training_regulations':
      return { ...base, category: String(x.category), params: JSON.stringify(x.params, null, 2) };
    case 'rating_instruments':
      return { ...base, category: String(x.category), hasPoints: Boolean(x.hasPoints) };
  }
}
