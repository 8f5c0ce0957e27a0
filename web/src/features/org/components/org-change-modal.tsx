import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, toIsoDate } from '../../../shared/format';
import { applyIssues } from '../../cadres/components/field-form';
import { UNIT_KIND_LABELS } from '../../../../../common/enums';
import { useOrgChange } from '../hooks/use-org-changes';
import { OrgUnitPicker } from './org-unit-picker';
import type { UnitTreeNode } from '../hooks/use-org-units';

export type OrgChangeMode = 'add' | 'rename' | 'move' | 'close' | 'merge' | 'split';

const MANAGED_KINDS = ['department', 'sub_unit', 'public_service_unit'] as const;

interface Values {
  code?: string;
  name?: string;
  shortName?: string;
  kind?: (typeof MANAGED_KINDS)[number];
  parentId?: string | null;
  sourceIds?: string[];
  target?: 'existing' | 'new';
  targetId?: string | null;
  effectiveOn?: dayjs.Dayjs;
  decisionNo?: string;
  note?: string;
}

const TITLES: Record<OrgChangeMode, string> = {
  add: 'Thêm đơn vị',
  rename: 'Đổi tên đơn vị',
  move: 'Chuyển đơn vị',
  close: 'Giải thể đơn vị',
  merge: 'Hợp nhất, sáp nhập đơn vị',
  split: 'Chia tách: thành lập đơn vị mới từ',
};
const OK: Record<OrgChangeMode, string> = { add: 'Thêm', rename: 'Đổi tên', move: 'Chuyển', close: 'Giải thể', merge: 'Hợp nhất', split: 'Chia tách' };
const FIELDS = ['code', 'name', 'shortName', 'kind', 'parentId', 'sourceIds', 'targetId', 'effectiveOn', 'decisionNo', 'note'].map((name) => ({ name }));
const blank = (s: string | undefined) => s?.trim() || null;
/** Where a new unit goes by default: under the unit the action was opened on (the People's Committee: empty, the default). */
function initialParent(mode: OrgChangeMode, unit: UnitTreeNode | null): string | null | undefined {
  if (mode === 'add') return unit && unit.kind !== 'peoples_committee' ? unit.id : null;
  if (mode === 'split') return unit && unit.depth > 1 ? unit.parentId : null;
  return undefined;
}

/**
 * Mounted while open. Sở Nội vụ changes the organisation: each change is dated (effective on, never after today)
 * and may name its decision; it is recorded in the unit's history. A merger moves the sources' staff and
 * sub-units into the receiving unit (existing, or new) and closes the sources on the date.
 */
export function OrgChangeModal({ mode, unit, onClose }: { mode: OrgChangeMode; unit: UnitTreeNode | null; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const change = useOrgChange();
  const { message } = App.useApp();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const target = Form.useWatch('target', form) ?? 'new';
  const newUnit = mode === 'add' || mode === 'split' || (mode === 'merge' && target === 'new');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setOtherIssues([]);
    const dated = { effectiveOn: toIsoDate(v.effectiveOn)!, decisionNo: blank(v.decisionNo), note: blank(v.note) };
    const nu = { code: v.code?.trim() ?? '', name: v.name?.trim() ?? '', shortName: blank(v.shortName), kind: v.kind!, parentId: v.parentId ?? null };
    try {
      if (mode === 'add') await change.mutateAsync({ kind: 'add', body: { ...nu, ...dated } });
      else if (mode === 'rename') await change.mutateAsync({ kind: 'rename', id: unit!.id, body: { name: nu.name, shortName: nu.shortName, ...dated } });
      else if (mode === 'move') await change.mutateAsync({ kind: 'move', id: unit!.id, body: { parentId: v.parentId ?? null, ...dated } });
      else if (mode === 'close') await change.mutateAsync({ kind: 'close', id: unit!.id, body: dated });
      else if (mode === 'split') await change.mutateAsync({ kind: 'split', body: { sourceId: unit!.id, into: [{ newUnit: nu }], ...dated } });
      else {
        const body = target === 'new' ? { sourceIds: v.sourceIds ?? [], newUnit: nu, ...dated } : { sourceIds: v.sourceIds ?? [], targetId: v.targetId!, ...dated };
        const r = await change.mutateAsync({ kind: 'merge', body });
        message.success(`Đã hợp nhất; ${r.peopleMoved} người được chuyển về đơn vị nhận`);
        onClose();
        return;
      }
      message.success(`${TITLES[mode]}: đã ghi nhận`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOtherIssues(applyIssues(form, FIELDS, err.issues));
        message.error(err.message);
      } else notifyError(err);
    }
  };

  const required = { required: true, message: 'Không được để trống' };
  return (
    <Modal
      open
      title={unit && mode !== 'add' && mode !== 'merge' ? `${TITLES[mode]}: ${unit.name}` : TITLES[mode]}
      okText={OK[mode]}
      okButtonProps={{ danger: mode === 'close' }}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={change.isPending}
      width={640}
      destroyOnHidden
    >
      {mode === 'close' && (
        <Typography.Paragraph type="secondary">
          Đơn vị giải thể phải không còn người đang công tác và đơn vị trực thuộc (chuyển đi trước, hoặc dùng “Hợp nhất”). Lịch sử và hồ sơ được giữ lại.
        </Typography.Paragraph>
      )}
      {mode === 'split' && (
        <Typography.Paragraph type="secondary">
          Đơn vị mới được thành lập từ một phần chức năng, nhiệm vụ của {unit?.name}; ngày hiệu lực là ngày sắp xếp của đơn vị mới. Cán bộ chuyển sang đơn vị mới
          theo quyết định của đơn vị (sửa hồ sơ hoặc nhập từ Excel).
        </Typography.Paragraph>
      )}
      {mode === 'merge' && (
        <Typography.Paragraph type="secondary">
          Cán bộ đang công tác và các đơn vị trực thuộc của đơn vị được hợp nhất chuyển về đơn vị nhận; đơn vị được hợp nhất giải thể từ ngày hiệu lực. Từ ngày đó,
          cán bộ của đơn vị nhận là cán bộ “thuộc đơn vị đã sắp xếp”.
        </Typography.Paragraph>
      )}
      {otherIssues.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={otherIssues.map((i) => i.message).join('; ')} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{
          name: mode === 'rename' ? unit?.name : undefined,
          parentId: initialParent(mode, unit),
          target: 'new',
          kind: 'department',
        }}
      >
        {mode === 'merge' && (
          <>
            <Form.Item name="sourceIds" label="Các đơn vị được hợp nhất" rules={[{ required: true, message: 'Chọn ít nhất một đơn vị' }]}>
              <OrgUnitPicker multiple aria-label="Các đơn vị được hợp nhất" />
            </Form.Item>
            <Form.Item name="target" label="Đơn vị nhận">
              <Select
                options={[
                  { value: 'new', label: 'Đơn vị mới thành lập' },
                  { value: 'existing', label: 'Đơn vị đã có' },
                ]}
              />
            </Form.Item>
            {target === 'existing' && (
              <Form.Item name="targetId" label="Đơn vị nhận (đã có)" rules={[required]}>
                <OrgUnitPicker aria-label="Đơn vị nhận" />
              </Form.Item>
            )}
          </>
        )}
        {newUnit && (
          <Form.Item
            name="code"
            label="Mã đơn vị"
            rules={[required, { pattern: /^[A-Za-z0-9._-]{1,20}$/, message: 'Tối đa 20 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {(newUnit || mode === 'rename') && (
          <>
            <Form.Item name="name" label={mode === 'rename' ? 'Tên mới' : 'Tên đơn vị'} rules={[required]}>
              <Input />
            </Form.Item>
            <Form.Item name="shortName" label="Tên viết tắt">
              <Input />
            </Form.Item>
          </>
        )}
        {newUnit && (
          <Form.Item name="kind" label="Loại đơn vị" rules={[required]}>
            <Select options={MANAGED_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
          </Form.Item>
        )}
        {(newUnit || mode === 'move') && (
          <Form.Item name="parentId" label={mode === 'move' ? 'Chuyển về trực thuộc' : 'Đơn vị cấp trên'} extra="Để trống: trực thuộc Ủy ban nhân dân">
            <OrgUnitPicker aria-label="Đơn vị cấp trên" />
          </Form.Item>
        )}
        <Form.Item name="effectiveOn" label="Ngày hiệu lực" rules={[{ required: true, message: 'Chọn ngày hiệu lực' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="decisionNo" label="Số quyết định">
          <Input placeholder="Ví dụ: 15/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
