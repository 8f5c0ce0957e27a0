import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FIGURE_GROUP_LABELS, NARRATIVE_KEYS, NARRATIVE_LABELS, REPORT_STATUS_LABELS, type NarrativeKey } from '../../../../../common/schemas/reports';
import { api } from '../../../api/client';
import type { ReportDetail } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { DATE_INPUT_FORMAT, formatDate, formatNumber, toIsoDate } from '../../../shared/format';
import { issueReport, saveNarrative, useReport } from '../hooks/use-reports';
import { figureListPath } from '../../statistics/hooks/figure-query';

type FigureRow = ReportDetail['figures'][number];
type IssueForm = { seq?: number; issuedOn: dayjs.Dayjs; signerName: string; signerTitle: string };

const change = (v: number) => (v > 0 ? `+${formatNumber(v)}` : formatNumber(v));

/**
 * One report: its figures against the previous period of the same length (computed, never typed; frozen once
 * issued), the narrative of sections III–V to edit while a draft, the issue under a number of the book, and the
 * downloads (.docx ready to sign, the annex tables in .xlsx). What is offered comes from the report's allowedActions.
 */
export default function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  const queryClient = useQueryClient();
  const [narrativeForm] = Form.useForm<Record<string, string>>();
  const [issueForm] = Form.useForm<IssueForm>();
  const r = report.data;
  useEffect(() => {
    if (r) narrativeForm.setFieldsValue(Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, r.narrative[k] ?? ''])));
  }, [r, narrativeForm]);
  const refresh = (x: ReportDetail) => {
    queryClient.setQueryData(['reports', id], x);
    return queryClient.invalidateQueries({ queryKey: ['reports'], exact: true });
  };
  const save = useMutation({
    mutationFn: (v: Record<string, string>) => saveNarrative(id, r!.version, v),
    meta: { silent: true },
    onError: notifyError,
    onSuccess: refresh,
  });
  const issue = useMutation({
    mutationFn: (v: IssueForm) =>
      issueReport(id, { version: r!.version, seq: v.seq ?? undefined, issuedOn: toIsoDate(v.issuedOn)!, signerName: v.signerName, signerTitle: v.signerTitle }),
    meta: { silent: true },
    onError: notifyError,
    onSuccess: refresh,
  });
  if (!r) return <Card loading={report.isLoading}>{report.isError && <Alert type="error" message="Không tải được báo cáo." />}</Card>;
  const mayEdit = r.allowedActions.includes('edit');
  const training = r.kind === 'training_annual';
  const title = training
    ? `Báo cáo kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${r.periodFrom.slice(0, 4)}`
    : `Báo cáo kết quả thực hiện kế hoạch, ${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}`;
  // a fact of section V taken into the proposals, on a line of its own after what is written
  const insertFact = (text: string) => {
    const now = (narrativeForm.getFieldValue('proposals') as string | undefined)?.trimEnd() ?? '';
    narrativeForm.setFieldValue('proposals', now ? `${now}\n${text}` : text);
  };
  const narrativeField = (k: NarrativeKey) => (
    <Form.Item key={k} name={k} label={NARRATIVE_LABELS[k]}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} />
    </Form.Item>
  );
  const mayIssue = r.allowedActions.includes('issue');
  const base = r.number ? `bao-cao-${r.number.replace(/\W+/g, '-')}` : `du-thao-bao-cao-${r.periodFrom}-${r.periodTo}`;

  const columns: ColumnsType<FigureRow> = [
    { title: 'Nhóm', dataIndex: 'group', width: 220, render: (g: FigureRow['group']) => FIGURE_GROUP_LABELS[g] },
    { title: 'Chỉ tiêu', dataIndex: 'label' },
    { title: 'Đơn vị tính', dataIndex: 'unit', width: 100 },
    {
      title: 'Kỳ này',
      dataIndex: 'value',
      width: 120,
      align: 'right',
      // each figure that counts rows opens the list it counts, for the report's period and scope
      render: (v: number, x) =>
        x.listed ? (
          <Link
            to={figureListPath(x.key, { from: r.periodFrom, to: r.periodTo, unitId: r.unitId ?? undefined }, r.id)}
            aria-label={`${x.label}: ${formatNumber(v)} ${x.unit}, xem danh sách`}
          >
            {formatNumber(v)}
          </Link>
        ) : (
          formatNumber(v)
        ),
    },
    { title: 'Kỳ trước', dataIndex: 'previous', width: 120, align: 'right', render: (v: number) => formatNumber(v) },
    { title: 'Tăng, giảm', dataIndex: 'change', width: 110, align: 'right', render: (v: number) => change(v) },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={title}
        extra={
          <Space wrap>
            <DownloadButton
              icon={<FileWordOutlined />}
              download={() => downloadFile(api.GET('/api/reports/{id}/report.docx', { params: { path: { id } }, parseAs: 'blob' }), `${base}.docx`)}
            >
              Tải .docx
            </DownloadButton>
            <DownloadButton
              icon={<FileExcelOutlined />}
              download={() => downloadFile(api.GET('/api/reports/{id}/annex.xlsx', { params: { path: { id } }, parseAs: 'blob' }), `${base}-phu-luc.xlsx`)}
            >
              Tải phụ lục .xlsx
            </DownloadButton>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="Phạm vi">{r.unitName ?? 'Toàn tỉnh, thành phố'}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <Tag color={r.status === 'issued' ? 'green' : 'blue'}>{REPORT_STATUS_LABELS[r.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Số, ngày">{r.number ? `${r.number}, ngày ${formatDate(r.issuedOn)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="So với kỳ">{`${formatDate(r.previousFrom)} – ${formatDate(r.previousTo)}`}</Descriptions.Item>
        </Descriptions>
        {r.frozen ? (
          <Alert
            type="info"
            showIcon
            message="Báo cáo đã ban hành: số liệu đã được chốt tại ngày ban hành, không thay đổi theo dữ liệu sau này. Danh sách mở từ mỗi số liệu là dữ liệu hôm nay của cùng kỳ."
          />
        ) : (
          <Alert type="warning" showIcon message="Dự thảo: số liệu được tính trực tiếp từ dữ liệu tại thời điểm xem. Bấm vào số liệu để xem danh sách được đếm." />
        )}
      </Card>

      <Card title={training ? 'Số liệu (mục I và Biểu 01)' : 'Số liệu (mục I, II và Biểu 01)'}>
        <Table<FigureRow> rowKey="key" size="small" columns={columns} dataSource={r.figures} pagination={false} />
      </Card>

      {!training && (
        <Card title="Kết quả theo đơn vị (Biểu 02)">
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={r.units}
            columns={[
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Biên chế được giao', dataIndex: 'assignedStaffing', align: 'right', render: (v: number | null) => formatNumber(v) },
              { title: 'Chỉ tiêu của năm', dataIndex: 'target', align: 'right', render: (v: number | null) => formatNumber(v) },
              { title: 'Được cử trong kỳ', dataIndex: 'decided', align: 'right', render: (v: number) => formatNumber(v) },
              { title: 'Còn thiếu', dataIndex: 'gap', align: 'right', render: (v: number | null) => formatNumber(v) },
            ]}
          />
        </Card>
      )}

      <Card title={training ? 'Đánh giá, phương hướng, đề xuất (mục II–IV)' : 'Đánh giá, phương hướng, đề xuất (mục III–V)'}>
        <Form form={narrativeForm} name="report-narrative" layout="vertical" disabled={!mayEdit} onFinish={(v) => save.mutate(v)}>
          {NARRATIVE_KEYS.filter((k) => k !== 'proposals').map(narrativeField)}
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              {narrativeField('proposals')}
            </Col>
            <Col xs={24} lg={10}>
              <List
                size="small"
                bordered
                data-testid="proposal-facts"
                header={<Typography.Text strong>Kiến nghị, đề xuất của các đơn vị trong kỳ ({r.proposalFacts.length})</Typography.Text>}
                locale={{ emptyText: <Typography.Text>Trong kỳ không có kiến nghị, đề xuất của các đơn vị.</Typography.Text> }}
                dataSource={r.proposalFacts}
                rowKey="id"
                renderItem={(f) => (
                  <List.Item
                    actions={
                      mayEdit
                        ? [
                            <Button key="insert" size="small" onClick={() => insertFact(f.text)} aria-label={`Chèn vào đề xuất, kiến nghị: ${f.subject}`}>
                              Chèn
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <Typography.Text>{f.text.replace(/^- /, '')}</Typography.Text>
                  </List.Item>
                )}
              />
            </Col>
          </Row>
          {mayEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Lưu dự thảo
            </Button>
          )}
        </Form>
      </Card>

      {mayIssue && (
        <Card title="Ban hành báo cáo">
          <Typography.Paragraph type="secondary">
            Số được đánh từ 01 mỗi năm trong sổ văn bản; để trống để lấy số tiếp theo. Sau khi ban hành, số liệu được chốt và không sửa được nữa.
          </Typography.Paragraph>
          <Form form={issueForm} name="report-issue" layout="vertical" onFinish={(v) => issue.mutate(v)} style={{ maxWidth: 480 }}>
            <Form.Item name="seq" label="Số (để trống: số tiếp theo)">
              <InputNumber min={1} max={99_999} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành' }]}>
              <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="signerName" label="Người ký" rules={[{ required: true, whitespace: true, message: 'Nhập họ tên người ký' }]}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="signerTitle" label="Chức vụ người ký" initialValue="Giám đốc" rules={[{ required: true, whitespace: true, message: 'Nhập chức vụ' }]}>
              <Input maxLength={120} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={issue.isPending}>
              Ban hành
            </Button>
          </Form>
        </Card>
      )}
      <Link to="/reports">← Danh sách báo cáo</Link>
    </Space>
  );
}
