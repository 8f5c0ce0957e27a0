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
