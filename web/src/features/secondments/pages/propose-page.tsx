import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Collapse, Col, Form, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { VERDICT_LABELS, type TargetGroup } from '../../../../../common/eligibility';
import { ApiError, errorMessage, isApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { EligibilityPanel, TargetGroupText } from '../../eligibility/components/eligibility-panel';
import { VERDICT_COLORS } from '../../eligibility/components/eligibility-labels';
import { usePersonScreening } from '../../eligibility/hooks/use-eligibility';
import { placeIssues } from '../components/form-issues';
import { PROPOSAL_LABELS, ProposalFields, proposalBody, type ProposalValues } from '../components/proposal-fields';
import { usePropose } from '../hooks/use-secondments';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Đề xuất cử đi tăng cường": the sending unit proposes one screened cadre. The screening's verdict is shown;
 * when the cadre is not found eligible the unit must justify the proposal (Sở Nội vụ reads it at appraisal).
 */
export default function ProposePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const personId = UUID.test(params.get('personId') ?? '') ? params.get('personId')! : null;
  const screening = usePersonScreening(personId);
  const propose = usePropose();
  const [form] = Form.useForm<ProposalValues>();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const [errorText, setErrorText] = useState<string | null>(null);
  const p = screening.data;

  useEffect(() => {
    if (p && form.getFieldValue('targetGroup') === undefined) form.setFieldValue('targetGroup', p.targetGroup as TargetGroup);
  }, [p, form]);

  if (!personId) {
    return (
      <Result
        status="info"
        title="Chưa chọn cán bộ"
        subTitle="Chọn cán bộ cần đề xuất từ kết quả sàng lọc."
        extra={<Button onClick={() => navigate('/plans/screening')}>Đến trang sàng lọc cán bộ</Button>}
      />
    );
  }
  if (screening.isLoading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (screening.isError || !p) {
    const notFound = isApiError(screening.error, 404);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? 'Không tìm thấy cán bộ' : 'Không tải được kết quả sàng lọc'}
        subTitle={notFound ? 'Cán bộ không tồn tại hoặc nằm ngoài phạm vi bạn được xem.' : errorMessage(screening.error)}
        extra={<Button onClick={() => navigate('/plans/screening')}>Về trang sàng lọc</Button>}
      />
    );
  }

  const justificationNeeded = p.verdict !== 'eligible';

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setOtherIssues([]);
    setErrorText(null);
    try {
      const r = await propose.mutateAsync({ personId, ...proposalBody(v, justificationNeeded) });
      message.success(`Đã đề xuất cử ${p.fullName} đi tăng cường`);
      navigate(`/secondments/${r.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOtherIssues(placeIssues(form, err.issues));
        setErrorText(err.message);
      } else if (err instanceof ApiError && err.status === 409) {
        setErrorText(err.message);
      } else notifyError(err);
    }
  };

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="Quay lại" onClick={() => navigate(-1)} />
          Đề xuất cử đi tăng cường
        </Space>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
            <Space wrap align="center">
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="propose-name">
                {p.fullName}
              </Typography.Title>
              <Tag>{p.code}</Tag>
              <Tag color={VERDICT_COLORS[p.verdict]} data-testid="propose-verdict">
                {VERDICT_LABELS[p.verdict]}
              </Tag>
            </Space>
            <Typography.Text type="secondary">{[p.positionTitle, p.unitName].filter(Boolean).join(' — ')}</Typography.Text>
            <TargetGroupText group={p.targetGroup} reason={p.targetGroupReason} />
          </Space>
          {justificationNeeded && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="Cán bộ chưa được đánh giá đủ điều kiện theo kết quả sàng lọc"
              description="Đơn vị vẫn có thể đề xuất nhưng phải ghi rõ lý do; Sở Nội vụ xem xét khi thẩm định."
            />
          )}
          {(errorText || otherIssues.length > 0) && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={errorText ?? 'Dữ liệu chưa hợp lệ'}
              description={otherIssues.length ? otherIssues.map((i) => `${PROPOSAL_LABELS[i.path] ?? i.path}: ${i.message}`).join('; ') : undefined}
              data-testid="propose-error"
            />
          )}
          <Form form={form} layout="vertical" name="propose" disabled={propose.isPending}>
            <ProposalFields justificationNeeded={justificationNeeded} />
            <Space>
              <Button type="primary" icon={<SendOutlined />} onClick={submit} loading={propose.isPending} data-testid="submit-propose">
                Gửi đề xuất
              </Button>
              <Link to="/plans/screening">
                <Button>Hủy</Button>
              </Link>
            </Space>
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <Collapse
            defaultActiveKey={justificationNeeded ? ['explain'] : []}
            items={[{ key: 'explain', label: 'Giải thích kết quả sàng lọc', children: <EligibilityPanel personId={personId} /> }]}
          />
        </Col>
      </Row>
    </Card>
  );
}
