import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import type { TrainingCourse } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { downloadFile } from '../../../shared/download';
import { DATE_INPUT_FORMAT, toIsoDate } from '../../../shared/format';

/** Number, date and signer of the decision sending the approved cadres of a course to training (.docx). */
export function DecisionModal({ course, onClose }: { course: TrainingCourse; onClose(): void }) {
  const [form] = Form.useForm();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await downloadFile(
        api.GET('/api/training/courses/{id}/decision.docx', {
          params: {
            path: { id: course.id },
            query: { number: v.number.trim(), date: toIsoDate(v.date)!, signerName: v.signerName.trim(), signerTitle: v.signerTitle?.trim() || undefined },
          },
          parseAs: 'blob',
        }),
        'quyet-dinh-cu-di-dao-tao.docx',
      );
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Modal open title={`Quyết định cử đi học: ${course.title}`} okText="Tải quyết định (.docx)" cancelText="Hủy" onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), signerTitle: 'Chủ tịch' }}>
        <Form.Item name="number" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}>
          <Input placeholder="125/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="date" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} />
        </Form.Item>
        <Form.Item name="signerTitle" label="Quyền hạn, chức vụ người ký">
          <Input />
        </Form.Item>
        <Form.Item name="signerName" label="Họ tên người ký" rules={[{ required: true, whitespace: true, message: 'Nhập họ tên người ký' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
