import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, reportUnauthenticated, sessionHeaders } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { CreatePlanInput, PlanVersionInput, UpdatePlanInput, WhatIfInput } from '../../../api/types';
import { downloadFile } from '../../../shared/download';

/** Each city-level unit's quota for a year, with the calculation and how far the unit has got. */
export function useQuotas(year: number) {
  return useQuery({
    queryKey: ['plans', 'quotas', year],
    queryFn: () => unwrap(api.GET('/api/quotas', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}

/** The plan in force with the parameters of the version effective today. */
export function useCurrentPlan() {
  return useQuery({ queryKey: ['plans', 'current'], queryFn: () => unwrap(api.GET('/api/plans/current')), meta: { silent: true } });
}

/** Every plan of the province with its versions, which one is in force today, and the default issuing body of a new plan. */
export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: () => unwrap(api.GET('/api/plans')) });
}

/** Everything that depends on the plan is read again after a plan changes. */
const refreshPlans = (qc: ReturnType<typeof useQueryClient>) =>
  Promise.all([qc.invalidateQueries({ queryKey: ['plans'] }), qc.invalidateQueries({ queryKey: ['eligibility'] })]);

/** "Tạo kế hoạch" (Sở Nội vụ): identity and version 1 of the parameters (422 and 409 issues go to the form). */
export function useCreatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanInput) => unwrap(api.POST('/api/plans', { body })),
    onSuccess: () => refreshPlans(qc),
    meta: { silent: true },
  });
}

/** Corrects a plan's number, title, issuing body or date of issue. */
export function useUpdatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePlanInput }) => unwrap(api.PATCH('/api/plans/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refreshPlans(qc),
    meta: { silent: true },
  });
}

/** Attaches the plan's text (PDF or .docx): the file is the raw body, as the API's upload routes take it. */
export function useUploadPlanDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, file }: { id: string; file: File }) => {
      let res: Response;
      try {
        res = await fetch(`/api/plans/${id}/document?fileName=${encodeURIComponent(file.name)}`, {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { ...sessionHeaders(), 'content-type': file.type || 'application/octet-stream' },
          body: file,
        });
      } catch {
        throw new ApiError(0, null);
      }
      if (res.status === 401) reportUnauthenticated();
      if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['plans', 'list'] }),
  });
}

/** Downloads the plan's attached text under its own name. */
export const downloadPlanDocument = (id: string, fallbackName: string) =>
  downloadFile(api.GET('/api/plans/{id}/document', { params: { path: { id } }, parseAs: 'blob' }), fallbackName);

/** Saves the parameters as a new version; quotas and verdicts are read again (422 issues go to the form). */
export function useSavePlanVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanVersionInput) => unwrap(api.POST('/api/plans/versions', { body })),
    onSuccess: () => refreshPlans(qc),
    meta: { silent: true },
  });
}

/** Totals of a quota computation (the same under the version in force and the draft). */
export interface QuotaTotals {
  assignedStaffing: number;
  target: number;
  proposed: number;
  decided: number;
  active: number;
  gap: number;
}

/** The what-if preview: how a draft of the parameters would move quotas and verdicts (nothing is saved). */
export interface WhatIfResult {
  referenceDate: string | null;
  year: number | null;
  quotas: {
    current: QuotaTotals;
    draft: QuotaTotals;
    units: { unitId: string; unitName: string; current: number | null; draft: number | null }[];
  };
  eligibility: { current: Record<string, number>; draft: Record<string, number>; peopleWhoseVerdictChanges: number };
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : num(v));
const counts = (v: unknown) => Object.fromEntries(Object.entries(rec(v)).map(([k, n]) => [k, num(n)]));
const totals = (v: unknown): QuotaTotals => {
  const t = rec(v);
  return {
    assignedStaffing: num(t.assignedStaffing),
    target: num(t.target),
    proposed: num(t.proposed),
    decided: num(t.decided),
    active: num(t.active),
    gap: num(t.gap),
  };
};

// The OpenAPI document describes the what-if answer only as a record of unknown values, so it is read field by field here.
export function parseWhatIf(r: Rec): WhatIfResult {
  const q = rec(r.quotas);
  const e = rec(r.eligibility);
  return {
    referenceDate: typeof r.referenceDate === 'string' ? r.referenceDate : null,
    year: numOrNull(r.year),
    quotas: {
      current: totals(q.current),
      draft: totals(q.draft),
      units: (Array.isArray(q.units) ? q.units : []).map((u) => {
        const x = rec(u);
        return { unitId: String(x.unitId ?? ''), unitName: String(x.unitName ?? ''), current: numOrNull(x.current), draft: numOrNull(x.draft) };
      }),
    },
    eligibility: { current: counts(e.current), draft: counts(e.draft), peopleWhoseVerdictChanges: num(e.peopleWhoseVerdictChanges) },
  };
}

/** Runs the what-if preview on a draft of the parameters (422 issues go to the form). */
export function useWhatIf() {
  return useMutation({
    mutationFn: async (body: WhatIfInput) => parseWhatIf(await unwrap(api.POST('/api/plans/what-if', { body }))),
    meta: { silent: true },
  });
}
