import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, reportUnauthenticated, sessionHeaders } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { ImportState, ImportView } from '../../../api/types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server's upload limit (server/domain/imports/create-import.ts). */
export const MAX_UPLOAD_MB = 50;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
/** How often a running check or commit is asked for its progress. */
export const POLL_MS = 1000;

/** States in which a job is still working on the import. */
export const isBusy = (state: ImportState | undefined) => state === 'uploaded' || state === 'validating' || state === 'committing';

const KEY = ['imports'] as const;

/** One import, polled every second while its check or commit runs. */
export function useImport(id: string | undefined) {
  return useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'one', id],
    queryFn: () => unwrap(api.GET('/api/imports/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (q) => (isBusy(q.state.data?.state) ? POLL_MS : false),
    staleTime: 0,
    meta: { silent: true },
  });
}

/** The user's recent imports (the jobs keep running when the page is closed: the user comes back to them here). */
export function useRecentImports() {
  return useQuery({
    queryKey: [...KEY, 'recent'],
    queryFn: async () => (await unwrap(api.GET('/api/imports'))).items,
    refetchInterval: (q) => (q.state.data?.some((i) => isBusy(i.state)) ? 3 * POLL_MS : false),
    staleTime: 0,
  });
}

export function useImportIssues(id: string, page: number, pageSize: number, severity?: 'error' | 'warning') {
  return useQuery({
    queryKey: [...KEY, 'one', id, 'issues', page, pageSize, severity ?? null],
    queryFn: () => unwrap(api.GET('/api/imports/{id}/issues', { params: { path: { id }, query: { page, pageSize, severity } } })),
    placeholderData: keepPreviousData,
    staleTime: Infinity, // a finished check does not change
  });
}

export function useImportChanges(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'one', id, 'changes', page, pageSize],
    queryFn: () => unwrap(api.GET('/api/imports/{id}/changes', { params: { path: { id }, query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** Keeps the cached import (and the recent list) in step with an answer of the server. */
function useRemember() {
  const qc = useQueryClient();
  return (view: ImportView) => {
    qc.setQueryData([...KEY, 'one', view.id], view);
    void qc.invalidateQueries({ queryKey: [...KEY, 'recent'] });
  };
}

export function useCommitImport() {
  const remember = useRemember();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/imports/{id}/commit', { params: { path: { id } } })),
    onSuccess: remember,
  });
}

export function useCancelImport() {
  const remember = useRemember();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/imports/{id}/cancel', { params: { path: { id } } })),
    onSuccess: remember,
  });
}

/**
 * Sends the file as the raw body of POST /api/imports (the server starts the check at once and answers 202).
 * XMLHttpRequest rather than fetch: only it reports the progress of an upload, which matters for 50 MB.
 */
export function uploadImportFile(file: File, onProgress: (percent: number) => void): Promise<ImportView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', XLSX_TYPE);
    for (const [k, v] of Object.entries(sessionHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(100, Math.round((e.loaded * 100) / e.total)));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON (a proxy's error page) */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as ImportView);
      const err = new ApiError(xhr.status, body);
      if (xhr.status === 401) reportUnauthenticated(err.message);
      reject(err);
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onabort = () => reject(new ApiError(0, null));
    xhr.send(file);
  });
}

export function useUploadImport() {
  const remember = useRemember();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (percent: number) => void }) => uploadImportFile(file, onProgress),
    onSuccess: remember,
    meta: { silent: true },
  });
}
