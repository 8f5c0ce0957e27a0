import { yearOf } from '../../../../../common/dates';
import { levelFromPoints, ratingHasPoints, ratingSchemeOf } from '../../../../../common/ratings';
import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { RatingItem } from '../../../api/types';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { useReference, type RatingLevel } from '../../../shared/hooks/use-reference';
import { useDeleteRating, useSaveRating } from '../hooks/use-cadre-profile';
import { applyIssues, FieldInputs, type FieldSpec } from './field-form';
import { fieldLabel } from './field-labels';
import { ProfileSection } from './profile-section';

const LEVEL_COLORS: Record<number, string> = { 1: 'green', 2: 'blue', 3: 'gold', 4: 'red' };

/** Rating levels in force in a year (the list of levels changes with the regulations). */
const levelsOf = (levels: RatingLevel[], year: number | undefined) =>
  levels.filter((l) => !year || ((!l.effectiveFrom || l.effectiveFrom <= `${year}-12-31`) && (!l.effectiveTo || l.effectiveTo >= `${year}-01-01`)));

/** "Xếp loại chất lượng hằng năm": one level per year; saving a year that exists replaces it. */
export function RatingsSection({ personId, category, ratings, canEdit }: { personId: string; category: string; ratings: RatingItem[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<{ row: RatingItem | null } | null>(null);
  const reference = useReference();
  const remove = useDeleteRating(personId);
  const { message } = App.useApp();
  const rankOf = (code: string) => reference.data?.ratingLevels.find((l) => l.code === code)?.rank ?? 0;

  const columns: ColumnsType<RatingItem> = [
    { title: 'Năm', dataIndex: 'year', width: 80 },
    {
      title: 'Mức xếp loại',
      dataIndex: 'levelCode',
      render: (code: string, r) => <Tag color={LEVEL_COLORS[rankOf(code)]}>{r.levelName ?? reference.data?.ratingName(code) ?? code}</Tag>,
    },
    { title: 'Điểm', dataIndex: 'points', width: 80, render: (v: number | null) => (v === null ? '' : String(v).replace('.', ',')) },
    { title: 'Căn cứ', dataIndex: 'instrument', render: (v: string) => v },
    { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '' },
  ];
  if (canEdit) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 110,
      render: (_: unknown, row) => (
        <Space size={4}>
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={`Sửa xếp loại năm ${row.year}`} onClick={() => setEditing({ row })} />
          <Popconfirm
            title={`Xóa xếp loại năm ${row.year}?`}
            okText="Xóa"
            cancelText="Hủy"
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(row.year).then(() => message.success('Đã xóa'))}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa xếp loại năm ${row.year}`} />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <ProfileSection
      id="ratings"
      title="Xếp loại chất lượng hằng năm"
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })} data-testid="add-ratings">
            Thêm
          </Button>
        )
      }
    >
      <Table<RatingItem> rowKey="year" size="small" columns={columns} dataSource={ratings} pagination={false} locale={{ emptyText: 'Chưa có xếp loại' }} />
      {editing && (
        <RatingModal
          personId={personId}
          category={category}
          row={editing.row}
          existingYears={ratings.map((r) => r.year)}
          levels={reference.data?.ratingLevels ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </ProfileSection>
  );
}

function RatingModal(props: { personId: string; category: string; row: RatingItem | null; existingYears: number[]; levels: RatingLevel[]; onClose(): void }) {
  const { personId, category, row, existingYears, levels, onClose } = props;
  const [form] = Form.useForm();
  const save = useSaveRating(personId);
  const { message } = App.useApp();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const thisYear = yearOf();
  const year = Form.useWatch('year', form) as number | undefined;
  const points = Form.useWatch('points', form) as number | null | undefined;
  // where the year's instrument scores points (rating_instruments: Decree 335/2025, 233/2026) the level follows from them
  const instruments = useReference().data?.ratingInstruments ?? [];
  const scored = year !== undefined && ratingHasPoints(instruments, year, category);
  const scheme = year !== undefined ? ratingSchemeOf(instruments, year, category) : null;
  const hasPoints = scored && points !== null && points !== undefined;
  const derived = hasPoints ? levels.find((l) => l.code === levelFromPoints(points)) : undefined;

  const fields: FieldSpec[] = [
    { name: 'year', kind: 'int', required: true, min: 2000, max: thisYear, disabled: !!row },
    ...(scored ? [{ name: 'points', label: `Điểm (${scheme?.instrument ?? ''})`, kind: 'int' as const, min: 0, max: 100, precision: 2 }] : []),
    {
      name: 'levelCode',
      kind: 'select',
      required: !hasPoints,
      options: levelsOf(levels, year).map((l) => ({ value: l.code, label: l.name })),
      help: derived ? `Theo điểm: ${derived.name}` : undefined,
    },
    { name: 'note', kind: 'textarea', maxLength: 500, wide: true },
  ];
  const replacing = !row && year !== undefined && existingYears.includes(year);

  const submit = async () => {
    const v = (await form.validateFields().catch(() => null)) as { year: number; levelCode?: string; points?: number | null; note?: string } | null;
    if (!v) return; // the form shows what is missing
    setOtherIssues([]);
    try {
      await save.mutateAsync({
        year: row?.year ?? v.year,
        levelCode: v.levelCode ?? null,
        points: scored ? (v.points ?? null) : null,
        note: v.note?.trim() || null,
      });
      message.success(`Đã lưu xếp loại năm ${row?.year ?? v.year}`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOtherIssues(applyIssues(form, fields, err.issues));
        message.error(err.message);
      } else notifyError(err);
    }
  };

  return (
    <Modal
      open
      title={row ? `Sửa xếp loại năm ${row.year}` : 'Thêm xếp loại chất lượng'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={600}
    >
      {replacing && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`Năm ${year} đã có xếp loại; lưu sẽ thay thế mức cũ.`} />}
      {otherIssues.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={otherIssues.map((i) => `${fieldLabel(i.path)}: ${i.message}`).join('; ')} />
      )}
      <Form
        form={form}
        name="rating"
        layout="vertical"
        initialValues={row ? { year: row.year, levelCode: row.levelCode, points: row.points ?? undefined, note: row.note ?? undefined } : { year: thisYear - 1 }}
        disabled={save.isPending}
      >
        <FieldInputs fields={fields} />
      </Form>
    </Modal>
  );
}
