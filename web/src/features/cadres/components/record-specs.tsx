import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { TRAINING_KINDS, TRAINING_KIND_LABELS } from '../../../../../common/enums';
import { CIRCUMSTANCE_KINDS, CIRCUMSTANCE_KIND_LABELS, CONSENT_CIRCUMSTANCES, PROCEEDING_KINDS, PROCEEDING_KIND_LABELS } from '../../../../../common/exclusions';
import type { CadreProfile, CircumstanceItem, DisciplineItem, PlanningItem, ProceedingItem, TrainingHistoryItem, WorkHistoryItem } from '../../../api/types';
import { formatDate } from '../../../shared/format';
import type { ReferenceLists } from '../../../shared/hooks/use-reference';
import type { FieldSpec, Option } from './field-form';

type Category = CadreProfile['employment']['category'];

const period = (from: string, to: string | null) => `${formatDate(from)} – ${to ? formatDate(to) : 'nay'}`;

export const PLANNING_FIELDS: FieldSpec[] = [
  { name: 'title', kind: 'text', required: true, maxLength: 200, wide: true, placeholder: 'Phó Giám đốc Sở' },
  { name: 'term', kind: 'text', required: true, pattern: { re: /^\d{4}-\d{4}$/, message: 'Nhiệm kỳ dạng 2025-2030' }, placeholder: '2025-2030' },
  { name: 'decisionNo', kind: 'text', maxLength: 50 },
  { name: 'approvedOn', kind: 'date', required: true },
  { name: 'removedOn', kind: 'date' },
];
export const PLANNING_COLUMNS: ColumnsType<PlanningItem> = [
  { title: 'Chức danh quy hoạch', dataIndex: 'title' },
  { title: 'Nhiệm kỳ', dataIndex: 'term', width: 110 },
  { title: 'Số quyết định', dataIndex: 'decisionNo', width: 150, render: (v: string | null) => v ?? '' },
  { title: 'Ngày phê duyệt', dataIndex: 'approvedOn', width: 130, render: (v: string) => formatDate(v) },
  {
    title: 'Tình trạng',
    dataIndex: 'removedOn',
    width: 190,
    render: (v: string | null) => (v ? `Đưa ra khỏi quy hoạch ${formatDate(v)}` : <Tag color="green">Đang trong quy hoạch</Tag>),
  },
];

export const WORK_FIELDS: FieldSpec[] = [
  { name: 'fromDate', kind: 'date', required: true },
  { name: 'toDate', kind: 'date' },
  { name: 'organisation', kind: 'text', required: true, maxLength: 300, wide: true },
  { name: 'position', kind: 'text', maxLength: 200 },
  { name: 'isGrassroots', kind: 'switch' },
];
export const WORK_COLUMNS: ColumnsType<WorkHistoryItem> = [
  { title: 'Thời gian', key: 'period', width: 210, render: (_: unknown, r) => period(r.fromDate, r.toDate) },
  { title: 'Cơ quan, đơn vị', dataIndex: 'organisation' },
  { title: 'Chức danh, chức vụ', dataIndex: 'position', render: (v: string | null) => v ?? '' },
  { title: 'Ở cơ sở', dataIndex: 'isGrassroots', width: 90, align: 'center', render: (v: boolean) => (v ? <Tag color="orange">Cơ sở</Tag> : '') },
];

export const TRAINING_FIELDS: FieldSpec[] = [
  { name: 'fromDate', kind: 'date', required: true },
  { name: 'toDate', kind: 'date' },
  { name: 'institution', kind: 'text', required: true, maxLength: 300, wide: true },
  { name: 'field', kind: 'text', required: true, maxLength: 200 },
  { name: 'kind', kind: 'select', required: true, options: TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k] })) },
  { name: 'certificate', kind: 'text', maxLength: 200, wide: true },
];
export const TRAINING_COLUMNS: ColumnsType<TrainingHistoryItem> = [
  { title: 'Thời gian', key: 'period', width: 210, render: (_: unknown, r) => period(r.fromDate, r.toDate) },
  { title: 'Cơ sở đào tạo', dataIndex: 'institution' },
  { title: 'Chuyên ngành, nội dung', dataIndex: 'field' },
  { title: 'Hình thức', dataIndex: 'kind', width: 170, render: (k: TrainingHistoryItem['kind']) => TRAINING_KIND_LABELS[k] },
  { title: 'Văn bằng, chứng chỉ', dataIndex: 'certificate', render: (v: string | null) => v ?? '' },
];

/**
 * Discipline forms differ by category and changed with Decree 172/2025: one option per form code that applies
 * to the cadre's category in some period (the server checks the form against the decision date).
 */
export function disciplineFields(ref: ReferenceLists | undefined, category: Category): FieldSpec[] {
  const options = new Map<string, Option>();
  for (const f of ref?.disciplineForms ?? []) {
    if (options.has(f.code) || (f.appliesTo.length > 0 && !f.appliesTo.includes(category))) continue;
    options.set(f.code, { value: f.code, label: f.effectiveTo ? `${f.name} (áp dụng đến ${formatDate(f.effectiveTo)})` : f.name });
  }
  return [
    { name: 'formCode', kind: 'select', required: true, options: [...options.values()], loading: !ref, wide: true },
    { name: 'decisionNo', kind: 'text', maxLength: 50 },
    { name: 'decidedOn', kind: 'date', required: true },
    { name: 'effectiveFrom', kind: 'date', required: true },
    { name: 'effectiveTo', kind: 'date' },
    { name: 'partyDecidedOn', kind: 'date', help: 'Nếu có: thời hạn kỷ luật tính từ ngày này (Nghị định 172/2025/NĐ-CP, Điều 2 khoản 9)' },
    { name: 'reason', kind: 'textarea', maxLength: 1000, wide: true },
  ];
}
export const DISCIPLINE_COLUMNS: ColumnsType<DisciplineItem> = [
  { title: 'Hình thức', dataIndex: 'formName', render: (v: string | null, r) => v ?? r.formCode },
  { title: 'Số quyết định', dataIndex: 'decisionNo', width: 140, render: (v: string | null) => v ?? '' },
  { title: 'Ngày quyết định', dataIndex: 'decidedOn', width: 130, render: (v: string) => formatDate(v) },
  { title: 'Hiệu lực', key: 'period', width: 210, render: (_: unknown, r) => period(r.effectiveFrom, r.effectiveTo) },
  { title: 'Quyết định của Đảng', dataIndex: 'partyDecidedOn', width: 150, render: (v: string | null) => (v ? formatDate(v) : '') },
  { title: 'Lý do', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
];

export const PROCEEDING_FIELDS: FieldSpec[] = [
  {
    name: 'kind',
    label: 'Loại vụ việc',
    kind: 'select',
    required: true,
    wide: true,
    options: PROCEEDING_KINDS.map((k) => ({ value: k, label: PROCEEDING_KIND_LABELS[k] })),
  },
  { name: 'openedOn', kind: 'date', required: true },
  { name: 'documentNo', kind: 'text', maxLength: 50 },
  { name: 'closedOn', kind: 'date', help: 'Ghi khi vụ việc kết thúc; từ ngày này không còn là trường hợp chưa cử đi' },
  { name: 'outcome', kind: 'text', maxLength: 1000, placeholder: 'Không kỷ luật / Khiển trách / Đình chỉ điều tra…' },
  { name: 'note', kind: 'textarea', maxLength: 1000, wide: true },
];
export const PROCEEDING_COLUMNS: ColumnsType<ProceedingItem> = [
  { title: 'Vụ việc', dataIndex: 'kind', render: (k: ProceedingItem['kind']) => PROCEEDING_KIND_LABELS[k] },
  { title: 'Số văn bản', dataIndex: 'documentNo', width: 140, render: (v: string | null) => v ?? '' },
  { title: 'Thời gian', key: 'period', width: 210, render: (_: unknown, r) => period(r.openedOn, r.closedOn) },
  {
    title: 'Tình trạng',
    key: 'state',
    width: 220,
    render: (_: unknown, r) => (r.closedOn ? `Đã kết thúc: ${r.outcome ?? ''}` : <Tag color="red">Chưa kết thúc</Tag>),
  },
];

export const CIRCUMSTANCE_FIELDS: FieldSpec[] = [
  {
    name: 'kind',
    label: 'Hoàn cảnh',
    kind: 'select',
    required: true,
    wide: true,
    options: CIRCUMSTANCE_KINDS.map((k) => ({ value: k, label: CIRCUMSTANCE_KIND_LABELS[k] })),
  },
  { name: 'fromDate', kind: 'date', required: true },
  { name: 'toDate', kind: 'date' },
  { name: 'childBirthDate', kind: 'date', help: 'Chỉ với trường hợp nuôi con dưới 36 tháng tuổi' },
  { name: 'consentOn', kind: 'date', help: 'Chỉ với trường hợp mang thai, nghỉ thai sản, nuôi con dưới 36 tháng tuổi' },
  { name: 'consentDocumentNo', kind: 'text', maxLength: 50 },
  { name: 'note', kind: 'textarea', maxLength: 1000, wide: true },
];
export const CIRCUMSTANCE_COLUMNS: ColumnsType<CircumstanceItem> = [
  { title: 'Hoàn cảnh', dataIndex: 'kind', render: (k: CircumstanceItem['kind']) => CIRCUMSTANCE_KIND_LABELS[k] },
  { title: 'Thời gian', key: 'period', width: 210, render: (_: unknown, r) => period(r.fromDate, r.toDate) },
  { title: 'Ngày sinh của con', dataIndex: 'childBirthDate', width: 140, render: (v: string | null) => (v ? formatDate(v) : '') },
  {
    title: 'Đồng ý đi tăng cường (ngày)',
    dataIndex: 'consentOn',
    width: 190,
    render: (v: string | null, r) => (v ? formatDate(v) : CONSENT_CIRCUMSTANCES.includes(r.kind) ? 'Chưa đồng ý' : 'Không áp dụng'),
  },
];
