import { useMemo } from 'react';
import { Button, Col, Divider, Form, InputNumber, Row, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PLAN_PARAM_LABELS, TRAINING_HEADCOUNT_BASES, TRAINING_HEADCOUNT_BASIS_LABELS, type PlanParams } from '../../../../../common/plan-params';
import { toIsoDate } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import { MATCHING_WEIGHT_LABELS, PARAM_CLAUSES, ROUNDING_LABELS, WEIGHT_LABELS } from './param-format';

/** The report periods of the schedule: calendar months, quarters, half years, years. */
const REPORT_PERIOD_OPTIONS = [
  { value: 1, label: 'Hằng tháng' },
  { value: 3, label: 'Hằng quý (3 tháng)' },
  { value: 6, label: '6 tháng' },
  { value: 12, label: 'Hằng năm' },
];

const required = (message: string): Rule => ({ required: true, message });
const between = (min: number, max: number, unit = ''): Rule => ({
  type: 'number',
  min,
  max,
  message: `Từ ${min} đến ${max}${unit}`,
});

/** One labelled parameter input, with the clause it comes from under it. */
function ParamItem({ name, children, rules, help }: { name: keyof PlanParams; children: React.ReactNode; rules?: Rule[]; help?: string }) {
  return (
    <Form.Item
      name={['params', name]}
      label={PLAN_PARAM_LABELS[name]}
      rules={rules}
      extra={
        <>
          {help && <span style={{ display: 'block' }}>{help}</span>}
          <span>Căn cứ: {PARAM_CLAUSES[name]}</span>
        </>
      }
    >
      {children}
    </Form.Item>
  );
}

/**
 * Every parameter of a plan as form fields under `params` (rates in percent, see params-form-values.ts): the same
 * fields for a new version ("Điều chỉnh tham số") and for a new plan ("Tạo kế hoạch"). `current` gives the
 * suggestions of the list fields.
 */
export function ParamsFields({ current }: { current: PlanParams }) {
  const reference = useReference();
  const today = toIsoDate(dayjs())!;
  const ratingOptions = useMemo(() => {
    const seen = new Set<string>();
    return (reference.data?.ratingLevels ?? [])
      .filter((l) => !l.effectiveTo || l.effectiveTo >= today)
      .sort((a, b) => a.rank - b.rank)
      .filter((l) => !seen.has(l.code) && seen.add(l.code))
      .map((l) => ({ value: l.code, label: l.name }));
  }, [reference.data, today]);
  const disciplineOptions = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const f of reference.data?.disciplineForms ?? []) if (!f.effectiveTo || f.effectiveTo >= today) byCode.set(f.code, f.name);
    return [...byCode].map(([value, label]) => ({ value, label: `${label} (${value})` })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [reference.data, today]);
  const tagOptions = (list: string[]) => list.map((x) => ({ value: x, label: x }));

  const months = (min: number, max: number) => [required('Nhập số tháng'), between(min, max, ' tháng')];
  const monthInput = (min: number, max: number, id?: string) => <InputNumber id={id} min={min} max={max} precision={0} suffix="tháng" style={{ width: 180 }} />;

  return (
    <>
      <Divider titlePlacement="start" plain>
        Chỉ tiêu và thời gian tăng cường
      </Divider>
      <Row gutter={24}>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="quotaRate" rules={[required('Nhập tỷ lệ'), between(0, 100, ' %')]}>
            <InputNumber min={0} max={100} step={0.5} precision={2} suffix="%" decimalSeparator="," style={{ width: 180 }} />
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="quotaRounding" rules={[required('Chọn cách làm tròn')]}>
            <Select options={Object.entries(ROUNDING_LABELS).map(([value, label]) => ({ value, label }))} style={{ width: 280 }} />
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="minSecondmentMonths" rules={months(1, 120)}>
            {monthInput(1, 120)}
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ParamItem
            name="minServiceLeftMonths"
            help="Không ít hơn thời gian tăng cường tối thiểu"
            rules={[
              ...months(0, 240),
              ({ getFieldValue }) => ({
                validator: (_, v?: number) =>
                  v !== undefined && v !== null && v < (getFieldValue(['params', 'minSecondmentMonths']) ?? 0)
                    ? Promise.reject(new Error('Thời gian công tác còn lại phải không ít hơn thời gian tăng cường tối thiểu'))
                    : Promise.resolve(),
              }),
            ]}
          >
            {monthInput(0, 240)}
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="reportPeriodMonths" rules={months(1, 12)}>
            {monthInput(1, 12)}
          </ParamItem>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        Chế độ báo cáo kết quả thực hiện kế hoạch
      </Divider>
      <Row gutter={24}>
        <Col xs={24} md={12} xl={6}>
          <ParamItem name="unitReportPeriodMonths" rules={[required('Chọn kỳ báo cáo')]}>
            <Select options={REPORT_PERIOD_OPTIONS} style={{ width: 200 }} />
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <ParamItem name="unitReportDueDays" rules={[required('Nhập số ngày'), between(1, 60, ' ngày')]}>
            <InputNumber min={1} max={60} precision={0} suffix="ngày" style={{ width: 180 }} />
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <ParamItem name="provinceReportPeriodMonths" rules={[required('Chọn kỳ báo cáo')]}>
            <Select options={REPORT_PERIOD_OPTIONS.filter((o) => o.value >= 3)} style={{ width: 200 }} />
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <ParamItem name="provinceReportDueDays" rules={[required('Nhập số ngày'), between(1, 90, ' ngày')]}>
            <InputNumber min={1} max={90} precision={0} suffix="ngày" style={{ width: 180 }} />
          </ParamItem>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        Tiêu chuẩn, điều kiện
      </Divider>
      <Row gutter={24}>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="ratingYearsConsidered" rules={[required('Nhập số năm'), between(1, 10, ' năm')]}>
            <InputNumber min={1} max={10} precision={0} suffix="năm" style={{ width: 180 }} />
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="minRatingCode" rules={[required('Chọn mức xếp loại')]}>
            <Select options={ratingOptions} loading={reference.isLoading} style={{ width: 300 }} />
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="healthCertificateMonths" rules={months(1, 60)}>
            {monthInput(1, 60)}
          </ParamItem>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="assessmentValidityMonths" rules={months(1, 60)}>
            {monthInput(1, 60)}
          </ParamItem>
        </Col>
        <Col xs={24} xl={16}>
          <Form.Item
            label={PLAN_PARAM_LABELS.disciplineBarMonths}
            extra={`Để trống để áp dụng thời hạn pháp luật quy định cho từng hình thức. Căn cứ: ${PARAM_CLAUSES.disciplineBarMonths}`}
          >
            <Form.List name={['params', 'disciplineBarMonths']}>
              {(rows, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {rows.map((row) => (
                    <Space key={row.key} align="start" wrap>
                      <Form.Item name={[row.name, 'formCode']} rules={[required('Chọn hình thức kỷ luật')]} style={{ marginBottom: 0 }}>
                        <Select options={disciplineOptions} placeholder="Hình thức kỷ luật" style={{ width: 300 }} aria-label="Hình thức kỷ luật" />
                      </Form.Item>
                      <Form.Item name={[row.name, 'months']} rules={months(0, 120)} style={{ marginBottom: 0 }}>
                        <InputNumber min={0} max={120} precision={0} suffix="tháng" style={{ width: 140 }} aria-label="Số tháng" />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label="Bỏ dòng này" onClick={() => remove(row.name)} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({})} size="small">
                    Thêm hình thức
                  </Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
        </Col>
        <Col xs={24}>
          <ParamItem
            name="nonLocalKeyPosts"
            help="Bí thư, Phó Bí thư Đảng ủy, Chủ tịch HĐND, Chủ tịch UBND, Chủ tịch Ủy ban MTTQ, Chủ nhiệm Ủy ban Kiểm tra cấp xã đã thuộc danh mục chức danh chủ chốt (Chỉ thị 45-CT/TW; Kết luận 201-KL/TW). Chỉ nhập chức danh kế hoạch bổ sung; gõ tên rồi nhấn Enter."
          >
            <Select mode="tags" options={tagOptions(current.nonLocalKeyPosts)} tokenSeparators={[';']} placeholder="Chức danh" />
          </ParamItem>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        Quy trình và chế độ
      </Divider>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <ParamItem name="partyOpinionRequired" rules={[required('Chọn một phương án')]}>
            <Select
              options={[
                { value: true, label: 'Bắt buộc' },
                { value: false, label: 'Không bắt buộc' },
              ]}
              style={{ width: 220 }}
            />
          </ParamItem>
        </Col>
        <Col xs={24} md={12}>
          <ParamItem
            name="oneOffAllowanceBelowMinimum"
            rules={[required('Chọn một phương án')]}
            help="Kế hoạch 131/KH-UBND không quy định trợ cấp cho trường hợp cử dưới 36 tháng: mặc định không hưởng."
          >
            <Select
              options={[
                { value: true, label: 'Được hưởng' },
                { value: false, label: 'Không được hưởng' },
              ]}
              style={{ width: 220 }}
            />
          </ParamItem>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        Thứ tự ưu tiên
      </Divider>
      <Row gutter={24}>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="youngAgeThreshold" rules={[required('Nhập số tuổi'), between(18, 60, ' tuổi')]}>
            <InputNumber min={18} max={60} precision={0} suffix="tuổi" style={{ width: 180 }} />
          </ParamItem>
        </Col>
        <Col xs={24} xl={16}>
          <Form.Item label={PLAN_PARAM_LABELS.priorityWeights} extra={`Điểm cộng cho mỗi yếu tố ưu tiên. Căn cứ: ${PARAM_CLAUSES.priorityWeights}`}>
            <Space wrap>
              {(Object.keys(WEIGHT_LABELS) as (keyof PlanParams['priorityWeights'])[]).map((k) => (
                <Form.Item key={k} name={['params', 'priorityWeights', k]} rules={[required('Nhập trọng số'), between(-100, 100)]} style={{ marginBottom: 0 }}>
                  <InputNumber prefix={`${WEIGHT_LABELS[k]}:`} step={1} decimalSeparator="," style={{ width: 250 }} aria-label={`Trọng số: ${WEIGHT_LABELS[k]}`} />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={PLAN_PARAM_LABELS.matchingWeights}
            extra={`Điểm của mỗi cặp cán bộ – nhu cầu khi ghép, cộng với trọng số ưu tiên. Căn cứ: ${PARAM_CLAUSES.matchingWeights}`}
          >
            <Space wrap>
              {(Object.keys(MATCHING_WEIGHT_LABELS) as (keyof PlanParams['matchingWeights'])[]).map((k) => (
                <Form.Item key={k} name={['params', 'matchingWeights', k]} rules={[required('Nhập trọng số'), between(0, 1000)]} style={{ marginBottom: 0 }}>
                  <InputNumber
                    prefix={`${MATCHING_WEIGHT_LABELS[k]}:`}
                    min={0}
                    step={1}
                    decimalSeparator=","
                    style={{ width: 300 }}
                    aria-label={`Trọng số ghép: ${MATCHING_WEIGHT_LABELS[k]}`}
                  />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        Đào tạo, bồi dưỡng
      </Divider>
      <Row gutter={24}>
        <Col xs={24} md={12} xl={8}>
          <ParamItem name="trainingBudgetRate" rules={[required('Nhập tỷ lệ'), between(0, 100, ' %')]}>
            <InputNumber min={0} max={100} step={0.5} precision={2} suffix="%" decimalSeparator="," style={{ width: 180 }} />
          </ParamItem>
          <ParamItem name="trainingBudgetHeadcount" rules={[required('Chọn cách tính số người')]}>
            <Select options={TRAINING_HEADCOUNT_BASES.map((b) => ({ value: b, label: TRAINING_HEADCOUNT_BASIS_LABELS[b] }))} style={{ width: 320 }} />
          </ParamItem>
        </Col>
        <Col xs={24} xl={16}>
          <ParamItem
            name="priorityFields"
            help="Gõ tên lĩnh vực rồi nhấn Enter để thêm"
            rules={[{ required: true, type: 'array', min: 1, message: 'Cần ít nhất một lĩnh vực ưu tiên' }]}
          >
            <Select mode="tags" options={tagOptions(current.priorityFields)} tokenSeparators={[';']} placeholder="Lĩnh vực" />
          </ParamItem>
        </Col>
      </Row>
    </>
  );
}
