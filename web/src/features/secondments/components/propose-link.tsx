import type { MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { Button } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth-context';

/** "Đề xuất": opens the proposal form for one screened person; shown only to the sending unit's roles. */
export function ProposeLink({ personId }: { personId: string }) {
  const { may } = useAuth();
  if (!may('proposeSecondment')) return null;
  return (
    <Link to={`/secondments/new?personId=${encodeURIComponent(personId)}`} onClick={(e: MouseEvent) => e.stopPropagation()} data-testid="propose-button">
      <Button size="small" icon={<SendOutlined />}>
        Đề xuất
      </Button>
    </Link>
  );
}
