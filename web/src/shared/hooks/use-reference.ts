import type { RatingInstrumentRow } from '../../../../common/ratings';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ReferenceResponse } from '../../api/types';

// The OpenAPI document describes the reference lists only as records of unknown values, so each list is read
// field by field here (see the note on GET /api/reference in the hand-over).
export interface EthnicGroup {
  code: string;
  name: string;
  isMinority: boolean;
}
export interface Rank {
  code: string;
  name: string;
  grade: string;
  /** Salary coefficient of each step ('2.34'), step 1 first. */
  coefficients: string[];
}
export interface RatingLevel {
  code: string;
  name: string;
  rank: number;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}
export interface DisciplineForm {
  code: string;
  name: string;
  /** Categories (can_bo, cong_chuc, vien_chuc) the form applies to in this period. */
  appliesTo: string[];
  effectiveFrom: string | null;
  effectiveTo: string | null;
}
export interface ReferenceLists {
  ethnicGroups: EthnicGroup[];
  /** The dated rating instruments: whether a year's rating of a category is scored in points (common/ratings.ts). */
  ratingInstruments: RatingInstrumentRow[];
  ranks: Rank[];
  ratingLevels: RatingLevel[];
  disciplineForms: DisciplineForm[];
  ratingName(code: string | null | undefined): string | null;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const optStr = (v: unknown) => (v === null || v === undefined ? null : String(v));
/** A numeric[] column arrives as an array or as PostgreSQL's text form '{2.34,2.67}'. */
const coefficientList = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(String)
    : typeof v === 'string'
      ? v
          .replace(/[{}]/g, '')
          .split(',')
          .filter((x) => x.trim() !== '')
          .map((x) => x.trim())
      : [];
const list = (r: ReferenceResponse, key: string): Row[] => (Array.isArray(r[key]) ? (r[key] as Row[]) : []);

export function parseReference(r: ReferenceResponse): ReferenceLists {
  const ratingLevels = list(r, 'ratingLevels').map((x) => ({
    code: str(x.code),
    name: str(x.name),
    rank: Number(x.rank ?? 0),
    effectiveFrom: optStr(x.effectiveFrom),
    effectiveTo: optStr(x.effectiveTo),
  }));
  const ratingNames = new Map(ratingLevels.map((l) => [l.code, l.name]));
  return {
    ethnicGroups: list(r, 'ethnicGroups').map((x) => ({ code: str(x.code), name: str(x.name), isMinority: Boolean(x.isMinority) })),
    ranks: list(r, 'ranks').map((x) => ({
      code: str(x.code),
      name: str(x.name),
      grade: str(x.grade),
      coefficients: coefficientList(x.coefficients),
    })),
    ratingLevels,
    ratingInstruments: list(r, 'ratingInstruments').map((x) => ({
      category: str(x.category),
      effectiveFrom: str(x.effectiveFrom),
      hasPoints: Boolean(x.hasPoints),
      instrument: str(x.instrument),
    })),
    disciplineForms: list(r, 'disciplineForms').map((x) => ({
      code: str(x.code),
      name: str(x.name),
      appliesTo: Array.isArray(x.appliesTo) ? x.appliesTo.map(String) : [],
      effectiveFrom: optStr(x.effectiveFrom),
      effectiveTo: optStr(x.effectiveTo),
    })),
    ratingName: (code) => (code ? (ratingNames.get(code) ?? code) : null),
  };
}

/** The code lists (ethnic groups, ranks, rating levels, discipline forms), loaded once per session. */
export function useReference() {
  return useQuery({
    queryKey: ['reference'],
    queryFn: async () => parseReference(await unwrap(api.GET('/api/reference'))),
    staleTime: 10 * 60_000,
  });
}
