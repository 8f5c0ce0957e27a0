import { Link } from 'react-router-dom';
import { Badge, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useInboxCount } from '../hooks/use-inbox';

/** The bell of the header: how many things wait for the user (overdue ones in red), leading to the inbox; reads the counts only. */
export function InboxBadge() {
  const inbox = useInboxCount();
  const total = inbox.data?.total ?? 0;
  const overdue = inbox.data?.overdue ?? 0;
  const label = `Việc cần xử lý: ${total}${overdue ? `, quá hạn ${overdue}` : ''}`;
  return (
    <Tooltip title={label}>
      <Link to="/inbox" aria-label={label} data-testid="inbox-badge" style={{ color: '#fff', display: 'inline-flex' }}>
        <Badge count={total} color={overdue ? '#cf1322' : '#d48806'} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
