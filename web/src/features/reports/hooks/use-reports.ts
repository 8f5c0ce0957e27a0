import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { ReportDraftInput, ReportIssueInput, ReportNarrative } from '../../../api/types';

/** The list's filters: the issuer (Sở Nội vụ or the units), one unit, a state (`late`: past the deadline or issued after it). */
export type ReportFilter = { issuer?: 'province' | 'units'; unitId?: string; status?: 'draft' | 'issued' | 'late' };

/** The reports the user may see (the server scopes them: a unit sees only its own). */
export const useReports = (filter: ReportFilter = {}, enabled = true) =>
  useQuery({ queryKey: ['reports', 'list', filter], queryFn: () => unwrap(api.GET('/api/reports', { params: { query: filter } })), enabled });

/** One report with its figures against the previous period (live for a draft, frozen once issued). */
export const useReport = (id: string) =>
  useQuery({ queryKey: ['reports', id], enabled: id !== '', queryFn: () => unwrap(api.GET('/api/reports/{id}', { params: { path: { id } } })) });

export const draftReport = (body: ReportDraftInput) => unwrap(api.POST('/api/reports', { body }));
export const saveNarrative = (id: string, version: number, narrative: ReportNarrative) =>
  unwrap(api.PATCH('/api/reports/{id}', { params: { path: { id } }, body: { version, narrative } }));
export const issueReport = (id: string, body: ReportIssueInput) => unwrap(api.POST('/api/reports/{id}/issue', { params: { path: { id } }, body }));
