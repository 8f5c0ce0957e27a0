import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Typography } from 'antd';
import { EditOutlined, LockOutlined } from '@ant-design/icons';

interface SectionProps {
  id: string;
  title: string;
  children: ReactNode;
  /** Shown only when the user may change the record (allowedActions includes 'update'). */
  onEdit?: () => void;
  editLabel?: string;
  extra?: ReactNode;
}

/** One section of the résumé (Mẫu 2C), with its "Sửa" button when the user may edit. */
export function ProfileSection({ id, title, children, onEdit, editLabel = 'Sửa', extra }: SectionProps) {
  return (
    <Card
      id={`section-${id}`}
      data-testid={`section-${id}`}
      title={title}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <>
          {extra}
          {onEdit && (
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={`edit-${id}`} aria-label={`${editLabel}: ${title}`}>
              {editLabel}
            </Button>
          )}
        </>
      }
    >
      {children}
    </Card>
  );
}

export function NoPermission() {
  return (
    <Typography.Text type="secondary">
      <LockOutlined /> Bạn không có quyền xem thông tin này
    </Typography.Text>
  );
}

/**
 * A label/value grid in the manner of the printed form. An item with `full` takes a whole line; the item before
 * it and the last item stretch to the end of their line, so no line is left ragged.
 */
export function Fields({ items, column = 2 }: { items: { label: string; value: ReactNode; full?: boolean }[]; column?: number }) {
  const spans: (number | 'filled')[] = items.map(() => 1);
  let used = 0;
  items.forEach((item, i) => {
    if (item.full) {
      if (used > 0) spans[i - 1] = 'filled';
      spans[i] = 'filled';
      used = 0;
    } else {
      used = (used + 1) % column;
    }
  });
  if (used > 0) spans[items.length - 1] = 'filled';
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: column, lg: column, xl: column, xxl: column }}
      items={items.map((item, i) => ({ key: item.label, label: item.label, children: item.value, span: spans[i] }))}
      styles={{ label: { width: 220 } }}
    />
  );
}
