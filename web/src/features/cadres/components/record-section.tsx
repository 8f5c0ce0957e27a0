import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Modal, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { RECORD_INPUT_SCHEMAS, useDeleteRecord, useSaveRecord, type RecordKind } from '../hooks/use-cadre-profile';
import { apiValuesOf, applyIssues, FieldInputs, formValuesOf, type FieldSpec } from './field-form';
import { fieldLabel } from './field-labels';
import { ProfileSection } from './profile-section';

interface Props<T extends { id: string }, K extends RecordKind> {
  id: string;
  title: string;
  /** What one row is called, for buttons and dialogs: "quá trình công tác". */
  noun: string;
  personId: string;
  kind: K;
  rows: T[];
  columns: ColumnsType<T>;
  fields: FieldSpec[];
  canEdit: boolean;
  emptyText: string;
  /** A further action of a row (closing a proceeding), shown before edit and delete to those who may edit. */
  rowAction?: (row: T) => ReactNode;
}

/** A section made of dated rows (planning, work history, training, discipline) that can be added, changed and removed. */
export function RecordSection<T extends { id: string }, K extends RecordKind>(props: Props<T, K>) {
  const { id, title, noun, personId, kind, rows, columns, fields, canEdit, emptyText, rowAction } = props;
  const [editing, setEditing] = useState<{ row: T | null } | null>(null);
  const remove = useDeleteRecord(personId, kind);
  const { message } = App.useApp();

  const actions: ColumnsType<T> = canEdit
    ? [
        {
          title: 'Thao tác',
          key: 'actions',
          width: rowAction ? 190 : 110,
          render: (_: unknown, row) => (
            <Space size={4}>
              {rowAction?.(row)}
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={`Sửa ${noun}`} onClick={() => setEditing({ row })} />
              <Popconfirm
                title={`Xóa ${noun} này?`}
                okText="Xóa"
                cancelText="Hủy"
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(row.id).then(() => message.success('Đã xóa'))}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa ${noun}`} />
              </Popconfirm>
            </Space>
          ),
        },
      ]
    : [];

  return (
    <ProfileSection
      id={id}
      title={title}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })} data-testid={`add-${id}`}>
            Thêm
          </Button>
        )
      }
    >
      <Table<T>
        rowKey="id"
        size="small"
        columns={[...columns, ...actions]}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText }}
        scroll={{ x: 700 }}
      />
      {editing && <RecordModal noun={noun} personId={personId} kind={kind} fields={fields} row={editing.row} onClose={() => setEditing(null)} />}
    </ProfileSection>
  );
}

function RecordModal<T extends { id: string }, K extends RecordKind>(props: {
  noun: string;
  personId: string;
  kind: K;
  fields: FieldSpec[];
  row: T | null;
  onClose(): void;
}) {
  const { noun, personId, kind, fields, row, onClose } = props;
  const [form] = Form.useForm();
  const save = useSaveRecord(personId, kind);
  const { message } = App.useApp();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const [initialValues] = useState(() => (row ? formValuesOf(fields, row) : undefined));

  const submit = async () => {
    const values = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
    if (!values) return; // the form shows what is missing
    setOtherIssues([]);
    // the same schema as the server's: its Vietnamese messages go under the fields, with no round trip
    const body = RECORD_INPUT_SCHEMAS[kind].safeParse(apiValuesOf(fields, values));
    if (!body.success) {
      setOtherIssues(
        applyIssues(
          form,
          fields,
          body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      );
      return;
    }
    try {
      await save.mutateAsync({ recordId: row?.id ?? null, body: body.data });
      message.success(row ? 'Đã lưu thay đổi' : `Đã thêm ${noun}`);
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
      title={row ? `Sửa ${noun}` : `Thêm ${noun}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={720}
    >
      {otherIssues.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={otherIssues.map((i) => `${fieldLabel(i.path)}: ${i.message}`).join('; ')} />
      )}
      <Form form={form} name={`record-${kind}`} layout="vertical" initialValues={initialValues} disabled={save.isPending}>
        <FieldInputs fields={fields} />
      </Form>
    </Modal>
  );
}
