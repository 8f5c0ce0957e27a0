import { useEffect, useRef } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { DATE_INPUT_FORMAT } from '../../../shared/format';
import { useNextDecisionNumber } from '../hooks/use-secondments';

/**
 * The number, date and signer of a decision. The number is prefilled with the next one of the decision's year
 * (numbered from 01 each year, Decree 30/2020) until the user changes it; onNextSeq hears that next number.
 */
export function DecisionHeaderFields({
  form,
  onNextSeq,
  issuerUnitId,
}: {
  form: FormInstance;
  onNextSeq?(seq: number | undefined): void;
  /** A sending unit issuing its own decision (return); the People's Committee otherwise. */
  issuerUnitId?: string;
}) {
  const decidedOn = Form.useWatch<dayjs.Dayjs | undefined>('decidedOn', form);
  const year = (decidedOn ?? dayjs()).year();
  const next = useNextDecisionNumber(year, issuerUnitId);
  // the suffix is the issuer's code: "/QĐ-UBND", or the unit's ("/QĐ-SYT") as the server numbers it
  const suffix = next.data ? next.data.number.slice(next.data.number.indexOf('/')) : issuerUnitId ? '/QĐ' : '/QĐ-UBND';
  const touchedSeq = useRef(false);

  useEffect(() => {
    onNextSeq?.(next.data?.seq);
    if (next.data && !touchedSeq.current) form.setFieldValue('seq', next.data.seq);
  }, [next.data, form, onNextSeq]);

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="seq"
          label="Số quyết định"
          extra={next.data ? `Số tiếp theo của năm ${year}: ${next.data.number}` : next.isError ? 'Không lấy được số tiếp theo; hệ thống sẽ tự cấp số.' : undefined}
          rules={[{ type: 'number', min: 1, message: 'Số quyết định phải từ 01 trở lên' }]}
        >
          <InputNumber
            min={1}
            max={99999}
            precision={0}
            style={{ width: '100%' }}
            suffix={suffix}
            onChange={() => (touchedSeq.current = true)}
            data-testid="decision-seq"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="decidedOn" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày ký quyết định' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="signerName"
          label="Người ký"
          rules={[
            { required: true, whitespace: true, message: 'Nhập họ tên người ký' },
            { max: 120, message: 'Tối đa 120 ký tự' },
          ]}
        >
          <Input maxLength={120} placeholder="Họ và tên" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="signerTitle"
          label="Chức vụ người ký"
          rules={[
            { required: true, whitespace: true, message: 'Nhập chức vụ người ký' },
            { max: 120, message: 'Tối đa 120 ký tự' },
          ]}
        >
          <Input maxLength={120} placeholder="Ví dụ: KT. CHỦ TỊCH — PHÓ CHỦ TỊCH" />
        </Form.Item>
      </Col>
    </Row>
  );
}
