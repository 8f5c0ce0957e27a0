import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { ReferencePreviewInput, ReferenceSaveInput } from '../../../api/types';
import { downloadFile } from '../../../shared/download';

/** Each dated reference table's rows with their instrument, and the history of changes (Sở Nội vụ). */
export function useReferenceTables() {
  return useQuery({ queryKey: ['reference', 'tables'], queryFn: () => unwrap(api.GET('/api/reference/tables')) });
}

/** "Xem trước": what the draft row would move (nothing is saved; 422 issues go to the form). */
export function usePreviewReference() {
  return useMutation({
    mutationFn: (body: ReferencePreviewInput) => unwrap(api.POST('/api/reference/preview', { body })),
    meta: { silent: true },
  });
}

/** Saves the draft row with its instrument and reason; every screen that reads the tables is read again. */
export function useSaveReference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferenceSaveInput) => unwrap(api.POST('/api/reference/changes', { body })),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['reference'] }),
        qc.invalidateQueries({ queryKey: ['eligibility'] }),
        qc.invalidateQueries({ queryKey: ['plans'] }),
      ]),
    meta: { silent: true },
  });
}

/** The preview as an .xlsx, under the server's file name. */
export const downloadReferencePreview = (body: ReferencePreviewInput) =>
  downloadFile(api.POST('/api/reference/preview.xlsx', { body, parseAs: 'blob' }), 'Dự kiến thay đổi danh mục.xlsx');
