import type { ProceedingItem } from '../../../api/types';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Card, Col, Result, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../../../common/secondment';
import { ArrowLeftOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { CATEGORY_LABELS, EDUCATION_LABELS, GENDER_LABELS, HEALTH_LABELS, PERSON_STATUS_LABELS, POLITICAL_THEORY_LABELS } from '../../../../../common/enums';
import { api } from '../../../api/client';
import type { CadreProfile } from '../../../api/types';
import { errorMessage, isApiError } from '../../../api/errors';
import { useAuth } from '../../../app/auth-context';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { EMPTY, formatCoefficient, formatDate } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import { HistoryTab } from '../components/history-tab';
import { PersonFieldsModal } from '../components/person-fields-modal';
import type { PersonSection } from '../components/person-fields';
import { Fields, NoPermission, ProfileSection } from '../components/profile-section';
import { RatingsSection } from '../components/ratings-section';
import { RecordSection } from '../components/record-section';
import { CloseProceedingModal } from '../components/close-proceeding-modal';
import {
  DISCIPLINE_COLUMNS,
  PROCEEDING_COLUMNS,
  PROCEEDING_FIELDS,
  CIRCUMSTANCE_COLUMNS,
  CIRCUMSTANCE_FIELDS,
  disciplineFields,
  PLANNING_COLUMNS,
  PLANNING_FIELDS,
  TRAINING_COLUMNS,
  TRAINING_FIELDS,
  WORK_COLUMNS,
  WORK_FIELDS,
} from '../components/record-specs';
import { useCadreProfile } from '../hooks/use-cadre-profile';
import { EligibilityPanel } from '../../eligibility/components/eligibility-panel';

const or = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? EMPTY : v);

/** "Quê quán": the pre-2025 commune and the commune(s) it belongs to today, partial matches marked. */
function homeTown(identity: CadreProfile['identity']) {
  const h = identity.homeTown;
  if (!h) return identity.homeTownText ?? EMPTY;
  const today = h.communes.map((c) => (c.match === 'full' ? c.name : `${c.name} (một phần)`)).join(', ');
  return (
    <span data-testid="home-town">
      {h.oldName} → {today}
      {identity.homeTownText && identity.homeTownText !== h.oldName && (
        <Typography.Text type="secondary"> (ghi theo hồ sơ: {identity.homeTownText})</Typography.Text>
      )}
    </span>
  );
}

/** The résumé of one cadre in the order of Mẫu 2C, with a change-history tab; sections are editable by permitted users. */
export default function CadreProfilePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const { can, me } = useAuth();
  const profile = useCadreProfile(id);
  const reference = useReference();
  const [editing, setEditing] = useState<PersonSection | null>(null);
  const [closing, setClosing] = useState<ProceedingItem | null>(null);
  const from = (location.state as { from?: string } | null)?.from;

  if (profile.isLoading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  if (profile.isError || !profile.data) {
    const notFound = isApiError(profile.error, 404) || isApiError(profile.error, 422);
    return (
      <Result
        status={notFound ? '404' : isApiError(profile.error, 403) ? '403' : 'error'}
        title={notFound ? 'Không tìm thấy hồ sơ' : 'Không tải được hồ sơ'}
        subTitle={notFound ? 'Hồ sơ không tồn tại hoặc nằm ngoài phạm vi bạn được xem.' : errorMessage(profile.error)}
        extra={
          <Space>
            {can('cadres') && <Button onClick={() => navigate('/cadres')}>Về danh sách</Button>}
            {!notFound && (
              <Button icon={<ReloadOutlined />} onClick={() => profile.refetch()}>
                Thử lại
              </Button>
            )}
          </Space>
        }
      />
    );
  }

  const p = profile.data;
  const s = p.sensitive;
  const e = p.employment;
  const q = p.qualifications;
  const canEdit = p.allowedActions.includes('update');
  const canSeeHistory = p.allowedActions.includes('viewHistory');
  const edit = (section: PersonSection) => (canEdit ? () => setEditing(section) : undefined);
  const editSensitive = (section: PersonSection) => (canEdit && s ? () => setEditing(section) : undefined);
  // the verdict of the plan's screening: for those who screen, and for the cadre on their own record
  const canSeeEligibility = can('plans') || (!!me?.user.personId && me.user.personId === p.id);
  const requestedTab = params.get('tab');
  const tab =
    requestedTab === 'history' && canSeeHistory
      ? 'history'
      : requestedTab === 'eligibility' && canSeeEligibility
        ? 'eligibility'
        : requestedTab === 'exclusions' && p.sensitive
          ? 'exclusions'
          : 'profile';

  const sec = p.secondment;
  const sections = (
    <>
      {sec && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="profile-secondment"
          message={
            <span>
              Tăng cường cơ sở: {SECONDMENT_STATUS_LABELS[sec.status as SecondmentStatus] ?? sec.status}
              {sec.hostUnitName ? ` — ${sec.hostUnitName}` : ''}
              {sec.startDate ? `, từ ${formatDate(sec.startDate)} đến ${formatDate(sec.endDate)}` : ''}
              {' · '}
              {can('secondments') && <Link to={`/secondments/${sec.id}`}>Xem hồ sơ tăng cường</Link>}
            </span>
          }
          description={
            sec.reservedPositionTitle
              ? `Vị trí công tác được bảo lưu: ${sec.reservedPositionTitle}, ${sec.reservedUnitName ?? ''} (không thay đổi trong thời gian tăng cường).`
              : undefined
          }
        />
      )}
      <ProfileSection id="identity" title="Thông tin chung" onEdit={edit('identity')}>
        <Fields
          items={[
            { label: 'Họ và tên', value: <strong data-testid="full-name">{p.identity.fullName}</strong> },
            { label: 'Mã hồ sơ', value: p.identity.code },
            { label: 'Giới tính', value: GENDER_LABELS[p.identity.gender] },
            { label: 'Ngày sinh', value: formatDate(p.identity.birthDate) },
            { label: 'Số định danh cá nhân', value: or(p.identity.idNumber) },
            { label: 'Số điện thoại', value: <span data-testid="phone">{or(p.identity.phone)}</span> },
            { label: 'Thư điện tử', value: or(p.identity.email) },
            { label: 'Quê quán', value: homeTown(p.identity), full: true },
          ]}
        />
      </ProfileSection>

      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <ProfileSection id="ethnicity" title="Dân tộc, tôn giáo" onEdit={editSensitive('ethnicity')}>
            {s ? (
              <Fields
                column={1}
                items={[
                  { label: 'Dân tộc', value: or(s.ethnicName ?? s.ethnicCode) },
                  { label: 'Tôn giáo', value: s.religion ?? 'Không' },
                ]}
              />
            ) : (
              <NoPermission />
            )}
          </ProfileSection>
        </Col>
        <Col xs={24} lg={8}>
          <ProfileSection id="health" title="Sức khỏe" onEdit={editSensitive('health')}>
            {s ? (
              <Fields
                column={1}
                items={[
                  { label: 'Tình trạng sức khỏe', value: s.healthStatus ? HEALTH_LABELS[s.healthStatus] : EMPTY },
                  { label: 'Ngày khám', value: formatDate(s.healthCheckedOn) },
                ]}
              />
            ) : (
              <NoPermission />
            )}
          </ProfileSection>
        </Col>
        <Col xs={24} lg={8}>
          <ProfileSection id="party" title="Đảng" onEdit={editSensitive('party')}>
            {s ? (
              <Fields
                column={1}
                items={[
                  { label: 'Ngày vào Đảng', value: formatDate(s.partyJoinedOn) },
                  { label: 'Ngày chính thức', value: formatDate(s.partyOfficialOn) },
                ]}
              />
            ) : (
              <NoPermission />
            )}
          </ProfileSection>
        </Col>
      </Row>

      <ProfileSection id="employment" title="Công tác" onEdit={edit('employment')}>
        <Fields
          items={[
            { label: 'Đơn vị', value: <Breadcrumb items={e.unitPath.map((u) => ({ title: u.name }))} />, full: true },
            { label: 'Vị trí việc làm', value: or(e.jobPostTitle) },
            { label: 'Chức vụ', value: <span data-testid="position-title">{or(e.positionTitle)}</span> },
            { label: 'Lãnh đạo, quản lý', value: e.isLeader ? 'Có' : 'Không' },
            { label: 'Loại', value: CATEGORY_LABELS[e.category] },
            { label: 'Ngạch', value: e.rankCode ? `${e.rankName ?? ''} (${e.rankCode})` : EMPTY },
            { label: 'Bậc lương', value: or(e.salaryStep) },
            { label: 'Hệ số lương', value: formatCoefficient(e.salaryCoefficient) },
            { label: 'Hệ số phụ cấp chức vụ', value: formatCoefficient(e.leadershipAllowanceCoef) },
            { label: 'Phụ cấp thâm niên vượt khung', value: e.seniorityAllowancePct ? `${e.seniorityAllowancePct} %` : EMPTY },
            { label: 'Ngày tuyển dụng', value: formatDate(e.recruitedOn) },
            { label: 'Trạng thái', value: PERSON_STATUS_LABELS[e.status] },
          ]}
        />
      </ProfileSection>

      <ProfileSection id="qualifications" title="Trình độ" onEdit={edit('qualifications')}>
        <Fields
          items={[
            { label: 'Giáo dục phổ thông', value: or(q.generalEducation) },
            { label: 'Trình độ chuyên môn', value: q.educationLevel ? EDUCATION_LABELS[q.educationLevel] : EMPTY },
            { label: 'Chuyên ngành', value: or(q.major) },
            { label: 'Lý luận chính trị', value: q.politicalTheory ? POLITICAL_THEORY_LABELS[q.politicalTheory] : EMPTY },
            { label: 'Quản lý nhà nước', value: or(q.stateManagement) },
          ]}
        />
      </ProfileSection>

      <RecordSection
        id="planning"
        title="Quy hoạch"
        noun="quy hoạch"
        personId={p.id}
        kind="planning"
        rows={p.planning}
        columns={PLANNING_COLUMNS}
        fields={PLANNING_FIELDS}
        canEdit={canEdit}
        emptyText="Chưa được quy hoạch"
      />

      <RatingsSection personId={p.id} category={p.employment.category} ratings={p.ratings} canEdit={canEdit} />

      {s ? (
        <RecordSection
          id="discipline"
          title="Kỷ luật"
          noun="kỷ luật"
          personId={p.id}
          kind="discipline"
          rows={s.discipline}
          columns={DISCIPLINE_COLUMNS}
          fields={disciplineFields(reference.data, e.category)}
          canEdit={canEdit}
          emptyText="Không có kỷ luật"
        />
      ) : (
        <ProfileSection id="discipline" title="Kỷ luật">
          <NoPermission />
        </ProfileSection>
      )}

      <RecordSection
        id="work-history"
        title="Quá trình công tác"
        noun="quá trình công tác"
        personId={p.id}
        kind="work-history"
        rows={p.workHistory}
        columns={WORK_COLUMNS}
        fields={WORK_FIELDS}
        canEdit={canEdit}
        emptyText="Chưa có quá trình công tác"
      />

      <RecordSection
        id="training-history"
        title="Đào tạo, bồi dưỡng"
        noun="đào tạo, bồi dưỡng"
        personId={p.id}
        kind="training-history"
        rows={p.trainingHistory}
        columns={TRAINING_COLUMNS}
        fields={TRAINING_FIELDS}
        canEdit={canEdit}
        emptyText="Chưa có quá trình đào tạo, bồi dưỡng"
      />
    </>
  );

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {can('cadres') && (
            <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate(from ?? '/cadres')}>
              Danh sách cán bộ
            </Button>
          )}
          <Space wrap align="center">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="profile-title">
              {p.identity.fullName}
            </Typography.Title>
            <Tag>{p.identity.code}</Tag>
            <Tag color="blue">{CATEGORY_LABELS[e.category]}</Tag>
            {e.status !== 'active' && <Tag color="default">{PERSON_STATUS_LABELS[e.status]}</Tag>}
            {p.planning.some((x) => !x.removedOn) && <Tag color="green">Trong quy hoạch</Tag>}
            <DownloadButton
              size="small"
              icon={<FileWordOutlined />}
              data-testid="download-resume"
              download={() =>
                downloadFile(api.GET('/api/cadres/{id}/resume.docx', { params: { path: { id: p.id } }, parseAs: 'blob' }), `so-yeu-ly-lich-${p.identity.code}.docx`)
              }
            >
              Tải sơ yếu lý lịch (.docx)
            </DownloadButton>
          </Space>
          <Typography.Text type="secondary">{[e.positionTitle, e.unitPath.map((u) => u.name).join(' › ')].filter(Boolean).join(' — ')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Sơ yếu lý lịch theo Mẫu 2C. {s ? 'Việc xem thông tin dân tộc, tôn giáo, sức khỏe, Đảng, kỷ luật, vụ việc và hoàn cảnh được ghi nhật ký.' : ''}
          </Typography.Text>
        </Space>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'profile' ? {} : { tab: k }, { replace: true, state: location.state })}
        items={[
          { key: 'profile', label: 'Sơ yếu lý lịch', children: sections },
          ...(s
            ? [
                {
                  key: 'exclusions',
                  label: 'Vụ việc, hoàn cảnh',
                  children: (
                    <>
                      <RecordSection
                        id="proceedings"
                        title="Vụ việc: xem xét kỷ luật, điều tra, truy tố, xét xử, thanh tra"
                        noun="vụ việc"
                        personId={p.id}
                        kind="proceedings"
                        rows={s.proceedings}
                        columns={PROCEEDING_COLUMNS}
                        fields={PROCEEDING_FIELDS}
                        canEdit={canEdit}
                        emptyText="Không có vụ việc được ghi nhận"
                        rowAction={(row) =>
                          row.closedOn ? null : (
                            <Button size="small" onClick={() => setClosing(row)} data-testid="close-proceeding">
                              Kết thúc
                            </Button>
                          )
                        }
                      />
                      <RecordSection
                        id="circumstances"
                        title="Hoàn cảnh cá nhân"
                        noun="hoàn cảnh"
                        personId={p.id}
                        kind="circumstances"
                        rows={s.circumstances}
                        columns={CIRCUMSTANCE_COLUMNS}
                        fields={CIRCUMSTANCE_FIELDS}
                        canEdit={canEdit}
                        emptyText="Không có hoàn cảnh được ghi nhận"
                      />
                    </>
                  ),
                },
              ]
            : []),
          ...(canSeeEligibility
            ? [
                {
                  key: 'eligibility',
                  label: 'Kết quả đánh giá điều kiện',
                  children: (
                    <Card data-testid="eligibility-tab">
                      <EligibilityPanel personId={p.id} />
                    </Card>
                  ),
                },
              ]
            : []),
          ...(canSeeHistory ? [{ key: 'history', label: 'Lịch sử thay đổi', children: <HistoryTab personId={p.id} /> }] : []),
        ]}
      />
      {closing && <CloseProceedingModal personId={p.id} row={closing} onClose={() => setClosing(null)} />}
      {editing && <PersonFieldsModal profile={p} section={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
