import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../api/errors';

/**
 * Why a page that needs the plan has nothing to show: no plan yet (a province just set up: Sở Nội vụ creates it on
 * the plan page), a date before the plan, or another error — always with the server's Vietnamese message.
 */
export function PlanErrorAlert({ error, title }: { error: unknown; title: string }) {
  if (isApiError(error, 404)) {
    return (
      <Alert
        type="info"
        showIcon
        title="Chưa có kế hoạch đang áp dụng"
        description={
          <>
            {errorMessage(error)} <Link to="/plans">Mở trang Kế hoạch, tham số</Link>
          </>
        }
        style={{ marginBottom: 12 }}
        data-testid="no-plan-alert"
      />
    );
  }
  return <Alert type="error" showIcon title={title} description={errorMessage(error)} style={{ marginBottom: 12 }} />;
}
