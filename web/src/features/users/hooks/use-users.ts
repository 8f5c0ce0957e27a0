import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { NewUser, UserChanges, UsersResponse } from '../../../api/types';

/** A user row as the API lists it (with the account's e-mail address, null when none). */
export type UserRow = UsersResponse['items'][number];

export function useUsers(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['users', page, pageSize],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/api/users', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
    meta: { silent: true },
  });
}

/** Changes the display name and/or the e-mail address; the caller shows 409 and 422 itself. */
export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserChanges) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
    meta: { silent: true },
  });
}

/** Deactivates (its sessions end) or reactivates an account. */
export function useSetActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; isActive: boolean }) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: v.id } }, body: { isActive: v.isActive } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Revokes a grant, or refuses one still waiting for confirmation. */
export function useRevokeGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; grantId: string; reason?: string | null }) =>
      unwrap(api.POST('/api/users/{id}/grants/{grantId}/revoke', { params: { path: { id: v.id, grantId: v.grantId } }, body: { reason: v.reason ?? null } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['grants', 'pending'] });
    },
  });
}

/** Grants the administrator proposed, waiting for Sở Nội vụ (a second person) to confirm them. */
export function usePendingGrants() {
  return useQuery({ queryKey: ['grants', 'pending'], queryFn: () => unwrap(api.GET('/api/grants/pending')) });
}

export function useConfirmGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; grantId: string }) =>
      unwrap(api.POST('/api/users/{id}/grants/{grantId}/confirm', { params: { path: { id: v.id, grantId: v.grantId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['grants', 'pending'] }),
  });
}
