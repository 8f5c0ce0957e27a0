import { useState } from 'react';
import { Alert, Button, Form, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { accentInsensitiveSearch } from '../../../shared/select-search';

export interface RunNeedOption {
  needId: string;
  label: string;
}

/**
 * "Why not this person for this need" on a run (S7): the officer finds a cadre by name (accents optional, the cadre
 * list's search) and picks one of the run's needs; the answer is the run's own reason, from its stored inputs.
 */
export function MatchingWhyNot({ runId, needs }: { runId: string; needs: RunNeedOption[] }) {
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<string | undefined>();
  const [needId, setNeedId] = useState<string | undefined>();
  const people = useQuery({
    queryKey: ['cadres', 'pick', search],
    queryFn: () => unwrap(api.GET('/api/cadres', { params: { query: { q: search, pageSize: 10 } } })),
    enabled: search.trim().length >= 2,
    staleTime: 10_000,
  });
  const ask = useMutation({
    mutationFn: (q: { personId: string; needId: string }) => unwrap(api.GET('/api/matching/runs/{id}/why-not', { params: { path: { id: runId }, query: q } })),
    onError: notifyError,
    meta: { silent: true },
  });
  return (
    <Form layout="vertical" style={{ maxWidth: 720 }} onFinish={() => personId && needId && ask.mutate({ personId, needId })}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end' }}>
        <Form.Item label="Cán bộ" htmlFor="why-not-person" style={{ flex: '1 1 260px', marginBottom: 8 }}>
          <Select
            id="why-not-person"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="Gõ họ tên (không cần dấu)"
            value={personId}
            onChange={setPersonId}
            loading={people.isFetching}
            notFoundContent={search.trim().length < 2 ? 'Gõ ít nhất 2 ký tự' : 'Không tìm thấy'}
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} (${p.code}) — ${p.unitName}` }))}
          />
        </Form.Item>
        <Form.Item label="Nhu cầu" htmlFor="why-not-need" style={{ flex: '1 1 260px', marginBottom: 8 }}>
          <Select
            id="why-not-need"
            showSearch={accentInsensitiveSearch}
            placeholder="Chọn nhu cầu"
            value={needId}
            onChange={setNeedId}
            options={needs.map((n) => ({ value: n.needId, label: n.label }))}
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button htmlType="submit" disabled={!personId || !needId} loading={ask.isPending} data-testid="why-not-ask">
            Vì sao không?
          </Button>
        </Form.Item>
      </div>
      {ask.data && (
        <Alert
          type={ask.data.proposed ? 'success' : 'info'}
          showIcon
          title={ask.data.proposed ? 'Cặp này có trong phương án.' : ask.data.why}
          data-testid="why-not-answer"
        />
      )}
    </Form>
  );
}
