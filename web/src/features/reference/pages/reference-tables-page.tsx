import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ExperimentOutlined, FileExcelOutlined, SaveOutlined } from '@ant-design/icons';
import { CATEGORIES, CATEGORY_LABELS } from '../../../../../common/enums';
import { ApiError, errorMessage, type ApiIssue } from '../../../api/errors';
import type { ReferenceChangeItem, ReferenceTableData, ReferenceTableRow } from '../../../api/types';
import { useMe } from '../../../app/auth-context';
import { Forbidden } from '../../../app/guards';
import { DATE_INPUT_FORMAT, formatDate, formatDateTime, toIsoDate } from '../../../shared/format';
import { ReferencePreviewView } from '../components/reference-preview-view';
import { useDestinationPosts, useDestinations } from '../../eligibility/hooks/use-eligibility';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { draftFromValues, valuesFromRow, type DraftFormValues, type ReferenceTableName } from '../components/draft-values';
import { downloadReferencePreview, usePreviewReference, useReferenceTables, useSaveReference } from '../hooks/use-reference-tables';

/** Short names for the tabs (the full name heads the table). */
const TAB_LABELS: Record<ReferenceTableName, string> = {
  base_salaries: 'Lương cơ sở',
  allowance_multipliers: 'Trợ cấp một lần',
  discipline_forms: 'Thời hạn kỷ luật',
  key_posts: 'Chức danh chủ chốt',
  training_regulations: 'Quy định đào tạo',
  rating_instruments: 'Văn bản xếp loại',
};
/** The tables whose change moves screening verdicts (the others move money). */
const SCREENING_TABLES: readonly ReferenceTableName[] = ['discipline_forms', 'key_posts'];

const categoryOptions = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
const dateInput = (o: { allowClear?: boolean } = {}) => (
  <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} allowClear={o.allowClear ?? true} />
);

/**
 * "Văn bản, danh mục có thời hạn" (Sở Nội vụ): each dated reference table with its rows and instruments; a draft row
 * ("Dự kiến thay đổi") previewed before saving — who changes verdict and why, which entitlements, budgets and
 * repayments move and by how much — exported to Excel, then saved with its instrument and reason; and the history.
 * Rating levels are not here: their instruments are fixed in the code (common/ratings.ts).
 */
export default function ReferenceTablesPage() {
  const me = useMe();
  const tables = useReferenceTables();
  const [active, setActive] = useState<ReferenceTableName>('base_salaries');
  if (!me.capabilities.includes('manageReference')) return <Forbidden />;
  if (tables.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (tables.isError || !tables.data) return <Result status="warning" title="Không tải được danh mục" subTitle={errorMessage(tables.error)} />;
  const data = tables.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="Văn bản, danh mục có thời hạn">
        <Typography.Paragraph type="secondary">
          Mỗi dòng có hiệu lực từ một ngày theo một văn bản. Khi có văn bản mới, thêm dòng mới từ ngày áp dụng (hoặc kết thúc hiệu lực dòng cũ), xem trước ai thay
          đổi kết quả sàng lọc, chế độ, kinh phí nào thay đổi rồi mới lưu. Dòng đã có hiệu lực trước hôm nay chỉ được kết thúc hiệu lực, không được sửa. Mức xếp loại
          chất lượng theo văn bản từng năm được quy định cố định trong hệ thống, không sửa tại đây.
        </Typography.Paragraph>
        <Tabs
          activeKey={active}
          onChange={(k) => setActive(k as ReferenceTableName)}
          items={data.tables.map((t) => ({
            key: t.table,
            label: TAB_LABELS[t.table],
            children: <TableTab key={t.table} t={t} today={data.today} />,
          }))}
        />
      </Card>
      <History items={data.history} loading={tables.isFetching} />
    </Space>
  );
}

function statusTag(r: ReferenceTableRow, today: string) {
  if (r.inForce) return <Tag color="green">Đang áp dụng</Tag>;
  if (r.effectiveFrom > today) return <Tag color="blue">Chưa có hiệu lực</Tag>;
  return <Tag>Hết hiệu lực</Tag>;
}

/** One table: its rows, and the "Dự kiến thay đổi" form with its preview and the save button. */
function TableTab({ t, today }: { t: ReferenceTableData; today: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DraftFormValues>();
  const preview = usePreviewReference();
  const save = useSaveReference();
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const table = t.table;

  const showIssues = (err: unknown) => {
    if (err instanceof ApiError && err.issues.length) {
      const fields = new Set(['instrument', 'reason', 'referenceDate']);
      const onFields = err.issues.filter((i) => fields.has(i.path) || i.path.startsWith('draft.'));
      form.setFields(
        onFields
          .filter((i) => !i.path.startsWith('draft.params.'))
          .map((i) => ({ name: i.path.replace(/^draft\./, '') as keyof DraftFormValues, errors: [i.message] })),
      );
      setIssues(err.issues.filter((i) => !onFields.includes(i) || i.path.startsWith('draft.params.')));
    } else setIssues([{ path: '', message: errorMessage(err) }]);
  };

  const body = () => {
    const v = form.getFieldsValue(true);
    return {
      draft: draftFromValues(table, v),
      referenceDate: toIsoDate(v.referenceDate ?? null) ?? undefined,
      destinationPostId: table === 'key_posts' ? (v.destinationPostId ?? undefined) : undefined,
      instrument: v.instrument?.trim() ?? '',
    };
  };
  const run = () => {
    setIssues([]);
    let b;
    try {
      b = body();
    } catch (e) {
      setIssues([{ path: 'draft.params', message: errorMessage(e) }]);
      return;
    }
    const key = JSON.stringify(b.draft);
    preview.mutate(b, { onSuccess: () => setPreviewed(key), onError: showIssues });
  };
  const exportXlsx = async () => {
    try {
      await downloadReferencePreview(body());
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const submit = async () => {
    setIssues([]);
    const v = form.getFieldsValue(true);
    try {
      const r = await save.mutateAsync({ draft: draftFromValues(table, v), instrument: v.instrument?.trim() ?? '', reason: v.reason?.trim() ?? '' });
      message.success(r.action === 'close' ? 'Đã kết thúc hiệu lực dòng' : r.action === 'update' ? 'Đã sửa dòng chưa có hiệu lực' : 'Đã thêm dòng mới');
      form.resetFields();
      preview.reset();
      setPreviewed(null);
    } catch (err) {
      showIssues(err);
    }
  };
  const fill = (r: ReferenceTableRow) => {
    form.resetFields();
    form.setFieldsValue(valuesFromRow(table, r));
    preview.reset();
    setPreviewed(null);
  };
  // read on every change of the form, so the buttons follow the draft
  const watched = Form.useWatch([], { form, preserve: true }) as DraftFormValues | undefined;
  const current = (() => {
    try {
      return JSON.stringify(draftFromValues(table, { ...form.getFieldsValue(true), ...(watched ?? {}) }));
    } catch {
      return null;
    }
  })();
  const upToDate = preview.data && previewed !== null && previewed === current;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text strong>{t.label}</Typography.Text>
      <Table<ReferenceTableRow>
        data-testid={`reference-rows-${table}`}
        rowKey={(r) => JSON.stringify(r.rowKey)}
        size="small"
        dataSource={t.rows}
        pagination={t.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 800 }}
        columns={[
          { title: 'Hiệu lực từ', dataIndex: 'effectiveFrom', width: 110, render: (d: string) => formatDate(d) },
          ...(t.hasEndDate ? [{ title: 'Đến hết', dataIndex: 'effectiveTo', width: 110, render: (d: string | null) => formatDate(d, 'Không thời hạn') }] : []),
          { title: 'Nội dung', dataIndex: 'summary' },
          { title: 'Văn bản căn cứ', dataIndex: 'instrument' },
          { title: 'Trạng thái', key: 'status', width: 140, render: (_: unknown, r: ReferenceTableRow) => statusTag(r, today) },
          {
            title: '',
            key: 'action',
            width: 150,
            render: (_: unknown, r: ReferenceTableRow) =>
              r.editable === 'none' ? null : (
                <Button size="small" onClick={() => fill(r)}>
                  {r.editable === 'close' ? 'Kết thúc hiệu lực' : 'Sửa dòng'}
                </Button>
              ),
          },
        ]}
      />
      <Card size="small" title="Dự kiến thay đổi" data-testid={`reference-draft-${table}`}>
        <Form
          form={form}
          layout="vertical"
          name={`reference-draft-${table}`}
          onValuesChange={() => setIssues([])}
          disabled={save.isPending}
          initialValues={table === 'training_regulations' || table === 'rating_instruments' ? { category: 'cong_chuc' } : {}}
        >
          <Row gutter={16}>
            <DraftFields table={table} hasEnd={t.hasEndDate} />
          </Row>
          {SCREENING_TABLES.includes(table) && (
            <Row gutter={16}>
              <Col xs={24} md={6}>
                <Form.Item name="referenceDate" label="Ngày xét khi sàng lọc" tooltip="Mặc định: hôm nay, hoặc ngày bắt đầu chịu tác động nếu muộn hơn">
                  {dateInput()}
                </Form.Item>
              </Col>
              {table === 'key_posts' && <DestinationFields />}
            </Row>
          )}
          <Form.Item name="instrument" label="Văn bản căn cứ (số, ký hiệu, ngày ban hành)" required>
            <Input maxLength={300} placeholder="Ví dụ: Nghị định số .../2027/NĐ-CP ngày ..." />
          </Form.Item>
          <Form.Item name="reason" label="Lý do thay đổi" required>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
          </Form.Item>
          {issues.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title="Không thực hiện được"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {issues.map((i) => (
                    <li key={i.path + i.message}>{i.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Space wrap style={{ marginBottom: 16 }}>
            <Button icon={<ExperimentOutlined />} onClick={run} loading={preview.isPending} data-testid="reference-preview-button">
              Xem trước ảnh hưởng
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={exportXlsx} disabled={!upToDate}>
              Xuất Excel
            </Button>
            <Button type="primary" icon={<SaveOutlined />} onClick={submit} loading={save.isPending} disabled={!upToDate} data-testid="reference-save-button">
              Lưu thay đổi
            </Button>
            {!upToDate && <Typography.Text type="secondary">Xem trước ảnh hưởng của đúng dòng dự kiến trước khi xuất Excel hoặc lưu.</Typography.Text>}
          </Space>
        </Form>
        {preview.data && upToDate && <ReferencePreviewView p={preview.data} />}
      </Card>
    </Space>
  );
}

/** The post the non-local rule is judged for: key posts matter only for a destination post. */
function DestinationFields() {
  const form = Form.useFormInstance<DraftFormValues>();
  const unitId = Form.useWatch('destUnitId', form);
  const destinations = useDestinations();
  const posts = useDestinationPosts(unitId);
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item name="destUnitId" label="Nơi đến: xã, phường" tooltip="Chức danh chủ chốt được xét khi sàng lọc cho một vị trí nơi đến">
          <Select
            allowClear
            showSearch={accentInsensitiveSearch}
            placeholder="Chọn xã, phường"
            loading={destinations.isLoading}
            options={(destinations.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={() => form.setFieldValue('destinationPostId', undefined)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name="destinationPostId" label="Vị trí việc làm nơi đến">
          <Select
            allowClear
            showSearch={accentInsensitiveSearch}
            placeholder={unitId ? 'Chọn vị trí' : 'Chọn xã, phường trước'}
            disabled={!unitId}
            loading={posts.isFetching}
            options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.isKeyPost ? `${p.title} (chủ chốt)` : p.title }))}
          />
        </Form.Item>
      </Col>
    </>
  );
}

/** The fields of a draft row of one table. */
function DraftFields({ table, hasEnd }: { table: ReferenceTableName; hasEnd: boolean }) {
  const col = (span: number, node: ReactNode) => (
    <Col xs={24} md={span}>
      {node}
    </Col>
  );
  const from = col(
    6,
    <Form.Item name="effectiveFrom" label="Hiệu lực từ ngày" required>
      {dateInput({ allowClear: false })}
    </Form.Item>,
  );
  const to = hasEnd
    ? col(
        6,
        <Form.Item name="effectiveTo" label="Đến hết ngày" tooltip="Để trống: không thời hạn. Kết thúc hiệu lực một dòng đã áp dụng: nhập ngày này">
          {dateInput()}
        </Form.Item>,
      )
    : null;
  switch (table) {
    case 'base_salaries':
      return (
        <>
          {from}
          {col(
            8,
            <Form.Item name="amountVnd" label="Mức lương cơ sở (đồng/tháng)" required>
              <InputNumber min={1} step={10000} style={{ width: '100%' }} />
            </Form.Item>,
          )}
        </>
      );
    case 'allowance_multipliers':
      return (
        <>
          {from}
          {col(
            8,
            <Form.Item name="multiplier" label="Trợ cấp một lần (số tháng lương cơ sở)" required>
              <InputNumber min={0.01} step={0.5} precision={2} style={{ width: '100%' }} />
            </Form.Item>,
          )}
        </>
      );
    case 'discipline_forms':
      return (
        <>
          {col(
            4,
            <Form.Item name="code" label="Mã hình thức" required>
              <Input maxLength={10} placeholder="KT, CC, CCH…" />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="name" label="Tên hình thức" tooltip="Để trống: lấy tên của dòng gần nhất cùng mã">
              <Input maxLength={100} />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="appliesTo" label="Đối tượng áp dụng" required>
              <Select mode="multiple" options={categoryOptions} />
            </Form.Item>,
          )}
          {col(
            4,
            <Form.Item name="barMonths" label="Thời hạn (tháng)" required>
              <InputNumber min={0} max={120} style={{ width: '100%' }} />
            </Form.Item>,
          )}
          {from}
          {to}
        </>
      );
    case 'key_posts':
      return (
        <>
          {col(
            12,
            <Form.Item name="title" label="Chức danh" required>
              <Input maxLength={200} />
            </Form.Item>,
          )}
          {from}
          {to}
        </>
      );
    case 'training_regulations':
      return (
        <>
          {col(
            6,
            <Form.Item name="category" label="Đối tượng" required>
              <Select options={categoryOptions} />
            </Form.Item>,
          )}
          {from}
          {col(
            24,
            <Form.Item name="params" label="Các chỉ số của quy định (JSON)" required tooltip="Sao chép từ dòng hiện có bằng nút “Sửa dòng” rồi chỉnh số">
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} style={{ fontFamily: 'monospace' }} />
            </Form.Item>,
          )}
        </>
      );
    case 'rating_instruments':
      return (
        <>
          {col(
            6,
            <Form.Item name="category" label="Đối tượng" required>
              <Select options={categoryOptions} />
            </Form.Item>,
          )}
          {from}
          {col(
            8,
            <Form.Item
              name="hasPoints"
              label="Cách xếp loại"
              required
              tooltip="Năm xếp loại theo văn bản có hiệu lực vào ngày 31/12 của năm đó; khi chấm điểm, mức xếp loại suy ra từ điểm"
            >
              <Select
                options={[
                  { value: true, label: 'Chấm điểm 0–100, mức theo điểm' },
                  { value: false, label: 'Xếp mức, không chấm điểm' },
                ]}
              />
            </Form.Item>,
          )}
        </>
      );
  }
}

function History({ items, loading }: { items: ReferenceChangeItem[]; loading: boolean }) {
  return (
    <Card title="Lịch sử thay đổi danh mục">
      <Table<ReferenceChangeItem>
        data-testid="reference-history"
        rowKey="id"
        size="small"
        dataSource={items}
        loading={loading}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Chưa có thay đổi nào' }}
        columns={[
          { title: 'Thời điểm', dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
          { title: 'Danh mục', dataIndex: 'tableLabel', width: 220 },
          { title: 'Thay đổi', dataIndex: 'actionLabel', width: 150 },
          {
            title: 'Dòng',
            key: 'row',
            render: (_: unknown, c) =>
              Object.values(c.rowKey)
                .map((v) => (/^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? formatDate(String(v)) : String(v)))
                .join(' · '),
          },
          { title: 'Văn bản căn cứ', dataIndex: 'instrument' },
          { title: 'Lý do', dataIndex: 'reason' },
          { title: 'Người thực hiện', dataIndex: 'authorName', width: 180 },
        ]}
      />
    </Card>
  );
}
