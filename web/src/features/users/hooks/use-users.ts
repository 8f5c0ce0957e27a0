import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { Grant, NewUser } from '../../../api/types';

/** A user row. The OpenAPI document types users as free records, so the fields are read one by one here. */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  isActive: boolean;
  personId: string | null;
  grants: Grant[];
}

function toUserRow(r: Record<string, unknown>): UserRow {
  return {
    id: String(r.id),
    username: String(r.username ?? ''),
    displayName: String(r.displayName ?? ''),
    isActive: r.isActive !== false,
    personId: r.personId ? String(r.personId) : null,
    grants: Array.isArray(r.grants) ? (r.grants as Grant[]) : [],
  };
}

export function useUsers(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['users', page, pageSize],
    queryFn: async () => {
      const r = await unwrap(api.GET('/api/users', { params: { query: { page, pageSize } } }));
      return { total: r.total, items: r.items.map(toUserRow) };
    },
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
