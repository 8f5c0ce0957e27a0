import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../../app/auth-context';
import { trainingRoles } from '../components/training-roles';
import { EnrolmentsTab } from '../components/enrolments-tab';
import { CoursesTab } from '../components/courses-tab';
import { NeedsTab } from '../components/needs-tab';
import { BudgetTab } from '../components/budget-tab';
import { useProvince } from '../../../shared/hooks/use-province';

/**
 * Training and fostering after restructuring (Plan 131 III.2, S13–S15): needs tied to the job post, the course
 * catalogue, nominations through to the certificate, and the budget down to the đồng. A cadre sees their own trainings.
 */
export default function TrainingPage() {
  const me = useMe();
  const province = useProvince();
  const r = trainingRoles(me);
  const [params, setParams] = useSearchParams();
  if (r.cadreOnly) {
    return (
      <Card title="Đào tạo, bồi dưỡng của tôi">
        <EnrolmentsTab isAuthority={false} own />
      </Card>
    );
  }
  const tab = params.get('tab') ?? 'enrolments';
  return (
    <Card title="Đào tạo, bồi dưỡng sau sắp xếp">
      <Typography.Paragraph type="secondary">
        {province.clause('III.2')}; Nghị định 171/2025/NĐ-CP. Đơn vị ghi nhận nhu cầu và đề cử cán bộ; Sở Nội vụ phê duyệt, kinh phí được cam kết vào dự toán của đơn
        vị.
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'enrolments' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'enrolments', label: 'Cử đi đào tạo', children: <EnrolmentsTab isAuthority={r.approveOverBudget} own={false} /> },
          { key: 'courses', label: 'Danh mục khóa học', children: <CoursesTab canManage={r.manageCourses} canNominate={r.nominate} canDecide={r.approve} /> },
          { key: 'needs', label: 'Nhu cầu đào tạo', children: <NeedsTab canRecord={r.recordNeeds} /> },
          { key: 'budget', label: 'Kinh phí', children: <BudgetTab canEnter={r.manageBudgets} canOverride={r.overrideBudget} canSummarise={r.reports} /> },
        ]}
      />
    </Card>
  );
}
