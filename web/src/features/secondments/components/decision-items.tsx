import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { PARTY_OPINION_OUTCOME_LABELS, POLITICAL_CONCLUSION_LABELS, type PartyOpinionOutcome, type PoliticalConclusion } from '../../../../../common/secondment';
import type dayjs from 'dayjs';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { needsShortReason, plannedEndDate, SHORT_REASON_REQUIRED } from './decision-rules';

/** One cadre of a decision to send, as the form holds it. */
export interface DecisionItemValues {
  secondmentId: string;
  version: number;
  hostUnitId?: string;
  startDate?: dayjs.Dayjs | null;
  durationMonths?: number | null;
  shortDurationReason?: string;
}

export interface DecisionRowInfo {
  id: string;
  fullName: string;
  code: string;
  sendingUnitName: string;
  /** The standing Party committee opinion (Plan 131 II.1), if any. */
  partyOpinion?: { committeeName: string; givenOn: string; documentNo: string; outcome: PartyOpinionOutcome; politicalConclusion: PoliticalConclusion } | null;
}

/** The Party committee's opinion of a row, as the decision's check shows it. */
function OpinionLine({ row, required }: { row: DecisionRowInfo; required: boolean }) {
  const o = row.partyOpinion;
  if (!o)
    return required ? (
      <Tag color="red" data-testid="decision-opinion-missing">
        Chưa có ý kiến của cấp ủy
      </Tag>
    ) : null;
  const ok = o.outcome === 'agree' && o.politicalConclusion === 'meets';
  return (
    <Space size={4} wrap data-testid="decision-opinion">
      <Typography.Text type="secondary">
        Ý kiến cấp ủy ({o.committeeName}, số {o.documentNo}, ngày {formatDate(o.givenOn)}):
      </Typography.Text>
      <Tag color={ok ? 'green' : 'red'}>
        {PARTY_OPINION_OUTCOME_LABELS[o.outcome]}; {POLITICAL_CONCLUSION_LABELS[o.politicalConclusion].toLowerCase()}
      </Tag>
    </Space>
  );
}

interface Props {
  rows: DecisionRowInfo[];
  /** Communes and wards the cadre may be sent to. */
  hostOptions: { value: string; label: string }[];
  hostLoading?: boolean;
  /** The plan's minimum duration (III.1.c: 36 months). */
  /** The plan's minimum duration; undefined until the plan in force is read. */
  minMonths: number | undefined;
  /** The plan requires the Party committee's opinion before the decision. */
  opinionRequired?: boolean;
}

/** Per cadre: host commune, start date, duration; a duration below the minimum needs the special-case reason. */
export function DecisionItems({ rows, hostOptions, hostLoading, minMonths, opinionRequired = false }: Props) {
  return (
    <Form.List name="items">
      {(fields) =>
        fields.map((field, index) => {
          const row = rows[index];
          return (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid={`decision-item-${index}`}
              title={
                row ? (
                  <span>
                    {row.fullName}{' '}
                    <Typography.Text type="secondary">
                      ({row.code} — {row.sendingUnitName})
                    </Typography.Text>
                  </span>
                ) : undefined
              }
            >
              {row && (row.partyOpinion || opinionRequired) && (
                <div style={{ marginBottom: 8 }}>
                  <OpinionLine row={row} required={opinionRequired} />
                </div>
              )}
              <Row gutter={12}>
                <Col xs={24} md={10}>
                  <Form.Item name={[field.name, 'hostUnitId']} label="Xã, phường nơi đến" rules={[{ required: true, message: 'Chọn xã, phường nơi đến' }]}>
                    <Select
                      options={hostOptions}
                      loading={hostLoading}
                      showSearch={accentInsensitiveSearch}
                      placeholder="Chọn xã, phường"
                      aria-label={`Xã, phường nơi đến của ${row?.fullName ?? ''}`}
                      data-testid={`decision-host-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item name={[field.name, 'startDate']} label="Ngày bắt đầu" rules={[{ required: true, message: 'Chọn ngày bắt đầu' }]}>
                    <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => {
                      const start = getFieldValue(['items', field.name, 'startDate']) as dayjs.Dayjs | null | undefined;
                      const months = getFieldValue(['items', field.name, 'durationMonths']) as number | null | undefined;
                      const end = plannedEndDate(toIsoDate(start), months);
                      return (
                        <Form.Item
                          name={[field.name, 'durationMonths']}
                          label="Thời gian (tháng)"
                          extra={end ? `Dự kiến đến ngày ${formatDate(end)}` : undefined}
                          rules={[{ required: true, message: 'Nhập số tháng' }]}
                        >
                          <InputNumber
                            min={1}
                            max={120}
                            precision={0}
                            style={{ width: '100%' }}
                            aria-label="Thời gian (tháng)"
                            data-testid={`decision-duration-${index}`}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  needsShortReason(getFieldValue(['items', field.name, 'durationMonths']), minMonths) ? (
                    <Form.Item
                      name={[field.name, 'shortDurationReason']}
                      label="Lý do trường hợp đặc biệt"
                      extra={`Kế hoạch quy định thời gian tăng cường tối thiểu ${minMonths} tháng; thời gian ngắn hơn chỉ áp dụng đối với trường hợp đặc biệt.`}
                      rules={[
                        { required: true, whitespace: true, message: SHORT_REASON_REQUIRED },
                        { max: 2000, message: 'Tối đa 2.000 ký tự' },
                      ]}
                    >
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid={`decision-reason-${index}`} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </Card>
          );
        })
      }
    </Form.List>
  );
}
