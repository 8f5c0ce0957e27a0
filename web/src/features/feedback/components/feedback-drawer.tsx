import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, Popconfirm, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS, SECONDMENT_STATUS_LABELS } from '../../../../../common/secondment';
import { ApiError } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { formatDateTime } from '../../../shared/format';
import { BODY_MAX, type FeedbackDetail } from '../hooks/feedback-types';
import { useCloseFeedback, useFeedbackDetail, useReplyFeedback } from '../hooks/use-feedback';
import { FEEDBACK_STATUS_COLORS } from './feedback-labels';

/** One item beside the list: what was raised, the thread of replies, and the reply box. */
export function FeedbackDrawer({ id, homeAffairs, onClose }: { id: string | undefined; homeAffairs: boolean; onClose(): void }) {
  const detail = useFeedbackDetail(id);
  const d = detail.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={760} title={d ? d.subject : 'Kiến nghị, đề xuất'} destroyOnHidden data-testid="feedback-drawer">
      {detail.isLoading && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon title="Không tải được kiến nghị (không tồn tại hoặc ngoài phạm vi được xem)" />}
      {d && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'status', label: 'Trạng thái', children: <Tag color={FEEDBACK_STATUS_COLORS[d.status]}>{FEEDBACK_STATUS_LABELS[d.status]}</Tag> },
              { key: 'kind', label: 'Loại', children: FEEDBACK_KIND_LABELS[d.kind] },
              { key: 'unit', label: 'Đơn vị gửi', children: d.unitName },
              { key: 'author', label: 'Người gửi', children: `${d.authorName}, ${formatDateTime(d.createdAt)}` },
              ...(d.secondment
                ? [
                    {
                      key: 'secondment',
                      label: 'Cán bộ tăng cường',
                      span: 2,
                      children: `${d.secondment.personName} — ${d.secondment.sendingUnitName} → ${d.secondment.hostUnitName ?? 'chưa có nơi đến'} (${SECONDMENT_STATUS_LABELS[d.secondment.status]})`,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="feedback-body">
            {d.body}
          </Typography.Paragraph>
          <div>
            <Typography.Title level={5}>Nội dung trao đổi</Typography.Title>
            {d.replies.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có trả lời của Sở Nội vụ" />
            ) : (
              <Timeline
                data-testid="feedback-thread"
                items={d.replies.map((r) => ({
                  key: r.id,
                  color: r.fromHomeAffairs ? 'green' : 'blue',
                  content: (
                    <>
                      <Typography.Text strong>{r.fromHomeAffairs ? 'Sở Nội vụ' : d.unitName}</Typography.Text>
                      <Typography.Text type="secondary">
                        {' '}
                        · {r.authorName} · {formatDateTime(r.createdAt)}
                      </Typography.Text>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.body}</Typography.Paragraph>
                    </>
                  ),
                }))}
              />
            )}
          </div>
          {d.status === 'closed' && <Alert type="info" showIcon title="Kiến nghị đã được Sở Nội vụ đóng." />}
          {d.allowedActions.length > 0 && <ReplyBox item={d} homeAffairs={homeAffairs} onStale={() => detail.refetch()} />}
        </Space>
      )}
    </Drawer>
  );
}

function ReplyBox({ item, homeAffairs, onStale }: { item: FeedbackDetail; homeAffairs: boolean; onStale(): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reply = useReplyFeedback(item.id);
  const close = useCloseFeedback(item.id);
  const { message } = App.useApp();
  const busy = reply.isPending || close.isPending;
  const canReply = item.allowedActions.includes('reply');
  const canClose = item.allowedActions.includes('close');

  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) {
      message.warning(err.message);
      onStale();
    } else if (err instanceof ApiError && err.status === 422) setError(err.issues[0]?.message ?? err.message);
    else notifyError(err);
  };
  const send = async () => {
    if (!text.trim()) return setError('Nhập nội dung trả lời');
    setError(null);
    try {
      await reply.mutateAsync({ version: item.version, body: text.trim() });
      setText('');
      message.success(homeAffairs ? 'Đã gửi trả lời đến đơn vị' : 'Đã gửi trao đổi đến Sở Nội vụ');
    } catch (err) {
      onError(err);
    }
  };
  const doClose = async () => {
    try {
      await close.mutateAsync(item.version);
      message.success('Đã đóng kiến nghị');
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Form layout="vertical" component="div">
      {canReply && (
        <Form.Item
          label={homeAffairs ? 'Trả lời của Sở Nội vụ' : 'Trao đổi thêm với Sở Nội vụ'}
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
          htmlFor="feedback-reply"
        >
          <Input.TextArea
            id="feedback-reply"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={BODY_MAX}
            showCount
            disabled={busy}
            placeholder={homeAffairs ? 'Nội dung trả lời, hướng dẫn của Sở Nội vụ' : 'Bổ sung thông tin hoặc ý kiến về nội dung trả lời'}
          />
        </Form.Item>
      )}
      <Space>
        {canReply && (
          <Button type="primary" icon={<SendOutlined />} loading={reply.isPending} disabled={close.isPending} onClick={send} data-testid="feedback-reply-send">
            {homeAffairs ? 'Trả lời' : 'Gửi trao đổi'}
          </Button>
        )}
        {canClose && (
          <Popconfirm
            title="Đóng kiến nghị?"
            description="Sau khi đóng, kiến nghị không nhận thêm trả lời."
            okText="Đóng kiến nghị"
            cancelText="Hủy"
            onConfirm={doClose}
          >
            <Button icon={<CheckCircleOutlined />} loading={close.isPending} disabled={reply.isPending} data-testid="feedback-close">
              Đóng
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Form>
  );
}
