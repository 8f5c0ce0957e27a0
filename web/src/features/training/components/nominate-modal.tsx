import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Spin, Typography } from 'antd';
import { RESULT_LABELS, VERDICT_LABELS } from '../../../../../common/eligibility';
import { formatVnd } from '../../../../../common/training';
import { ApiError } from '../../../api/errors';
import type { TrainingCourse } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { formatDate } from '../../../shared/format';
import { useCadreList } from '../../cadres/hooks/use-cadres';
import { useNeeds, useNominate, useTrainingEligibility } from '../hooks/use-training';

/**
 * The unit nominates one of its staff for a course: the training rules are shown for the chosen person before
 * sending (each criterion, reason and clause); the server refuses a person who fails one.
 */
export function NominateModal({ course, onClose }: { course: TrainingCourse; onClose(): void }) {
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [needId, setNeedId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = useCadreList({ q: q || undefined, page: 1, pageSize: 20 });
  const needs = useNeeds();
  const check = useTrainingEligibility(personId, course.id);
  const save = useNominate();
  const { message } = App.useApp();
  const personNeeds = (needs.data ?? []).filter((n) => n.personId === personId || (n.personId === null && n.status !== 'met'));

  const submit = async () => {
    if (!personId) return setError('Chọn cán bộ được đề cử');
    try {
      const r = await save.mutateAsync({ courseId: course.id, personId, needId, note: note.trim() || null });
      message.success(`Đã đề cử (${r.verdictLabel})`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status < 500 && err.status > 0) setError([err.message, ...err.issues.map((i) => i.message)].join(' — '));
      else notifyError(err);
    }
  };

  return (
    <Modal open title={`Đề cử đi học: ${course.title}`} okText="Đề cử" cancelText="Hủy" onOk={submit} onCancel={onClose} confirmLoading={save.isPending} width={720}>
      <Typography.Paragraph type="secondary">
        {formatDate(course.startDate)} – {formatDate(course.endDate)}; chi phí {formatVnd(course.costPerParticipantVnd)}/người; còn {course.seatsLeft} chỗ.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="nominate-error" />}
      <Form layout="vertical">
        <Form.Item label="Cán bộ" required>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            aria-label="Cán bộ được đề cử"
            placeholder="Gõ tên hoặc mã hồ sơ"
            value={personId ?? undefined}
            onChange={(v) => {
              setPersonId(v);
              setNeedId(null);
              setError(null);
            }}
            notFoundContent={people.isFetching ? <Spin size="small" /> : 'Không tìm thấy'}
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} (${p.code}) — ${p.unitName}` }))}
          />
        </Form.Item>
        <Form.Item label="Nhu cầu đào tạo đáp ứng">
          <Select
            allowClear
            aria-label="Nhu cầu đào tạo"
            value={needId ?? undefined}
            onChange={(v) => setNeedId(v ?? null)}
            options={personNeeds.map((n) => ({ value: n.id, label: `${n.personName ?? n.unitName}: ${n.description} (${n.fields.join(', ')})` }))}
          />
        </Form.Item>
        <Form.Item label="Ghi chú">
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      {check.data && (
        <div data-testid="nominate-eligibility">
          <Typography.Text strong>
            {VERDICT_LABELS[check.data.verdict]} (xét tại ngày khai giảng {formatDate(check.data.referenceDate)}, {check.data.instrument})
          </Typography.Text>
          <ul style={{ paddingLeft: 18 }}>
            {check.data.criteria
              .filter((c) => c.result !== 'na')
              .map((c) => (
                <li key={c.criterion}>
                  <b>{RESULT_LABELS[c.result]}</b>: {c.reason} <Typography.Text type="secondary">({c.clause})</Typography.Text>
                </li>
              ))}
          </ul>
        </div>
      )}
    </Modal>
  );
}
