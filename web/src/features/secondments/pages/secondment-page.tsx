import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, IdcardOutlined, ReloadOutlined } from '@ant-design/icons';
import { SECONDMENT_DECIDED_STATUSES, type SecondmentAction } from '../../../../../common/secondment';
import { errorMessage, isApiError } from '../../../api/errors';
import { useAuth } from '../../../app/auth-context';
import { formatDate } from '../../../shared/format';
import { ActivityButton, PathActionBar } from '../components/action-bar';
import { ContactModal, EvaluateModal, RequestReportModal, SubmitReportModal } from '../components/activity-modals';
import { DecisionModal } from '../components/decision-modal';
import { EndEarlyModal, ExtendModal, PlaceModal } from '../components/decision-step-modals';
import {
  ContactsSection,
  DecisionsSection,
  EvaluationsSection,
  ProposalSection,
  ReceptionSection,
  ReportsSection,
  ReturnSection,
  Section,
  updatedText,
} from '../components/detail-sections';
import { EntitlementsCard } from '../components/entitlements-card';
import { CommendationModal, FollowUpModal, PartyOpinionModal, TermReviewModal } from '../components/step-record-modals';
import { AfterReturnSection, PartyOpinionSection, TermReviewsSection } from '../components/step-sections';
import { EventTimeline, PathSteps } from '../components/path-steps';
import { SecondmentStatusTag } from '../components/status-tag';
import { CompleteModal, ForwardModal, ReasonModal, ReceiveModal, ResubmitModal, type ModalProps } from '../components/step-modals';
import type { SecondmentDetail, SecondmentReport } from '../hooks/secondment-api';
import { useSecondment } from '../hooks/use-secondments';

type Open =
  | {
      kind:
        | SecondmentAction
        | 'request_report'
        | 'evaluate'
        | 'log_contact'
        | 'record_party_opinion'
        | 'review_self'
        | 'review_host'
        | 'record_commendation'
        | 'record_follow_up';
    }
  | { kind: 'submit_report'; report: SecondmentReport };

/** Statuses from the decision on: the cadre was (or is) at the grassroots, so entitlements and reception apply. */
const DECIDED_OR_LATER = new Set<string>(SECONDMENT_DECIDED_STATUSES);
const RECEIVED_OR_LATER = new Set(['active', 'completed', 'ended_early', 'returned']);
const BEFORE_DECISION = new Set(['proposed', 'appraised']);

/** The modal of an action, mounted while open. */
function ActionModalFor({ open, ...p }: ModalProps & { open: Open }) {
  switch (open.kind) {
    case 'resubmit':
      return <ResubmitModal {...p} />;
    case 'withdraw':
    case 'send_back':
    case 'reject':
      return <ReasonModal {...p} action={open.kind} />;
    case 'forward':
      return <ForwardModal {...p} />;
    case 'decide':
      return (
        <DecisionModal
          candidates={[
            {
              id: p.record.id,
              version: p.record.version,
              fullName: p.record.person.fullName,
              code: p.record.person.code,
              sendingUnitName: p.record.sendingUnit.name,
              hostUnitId: p.record.hostUnit?.id ?? null,
              startDate: p.record.startDate,
              partyOpinion: p.record.partyOpinion,
            },
          ]}
          onClose={p.onClose}
          onStale={p.onStale}
        />
      );
    case 'receive':
      return <ReceiveModal {...p} />;
    case 'extend':
      return <ExtendModal {...p} />;
    case 'end_early':
      return <EndEarlyModal {...p} />;
    case 'complete':
      return <CompleteModal {...p} />;
    case 'place':
      return <PlaceModal {...p} />;
    case 'request_report':
      return <RequestReportModal {...p} />;
    case 'evaluate':
      return <EvaluateModal {...p} />;
    case 'log_contact':
      return <ContactModal {...p} />;
    case 'submit_report':
      return <SubmitReportModal {...p} report={open.report} />;
    case 'record_party_opinion':
      return <PartyOpinionModal {...p} />;
    case 'review_self':
      return <TermReviewModal {...p} kinds={['self_review']} />;
    case 'review_host':
      return <TermReviewModal {...p} kinds={['host_collective', 'host_party_committee']} />;
    case 'record_commendation':
      return <CommendationModal {...p} />;
    case 'record_follow_up':
      return <FollowUpModal {...p} />;
  }
}

/**
 * One secondment: who, from where to where, the path with its dated events, the proposal and verdicts, the
 * decisions, the reserved home post, reception, reports, evaluations, contacts, return and placement; the
 * buttons are the actions the API allows this user.
 */
export default function SecondmentPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { can, me } = useAuth();
  const record = useSecondment(id);
  const [open, setOpen] = useState<Open | null>(null);
  const from = (location.state as { from?: string } | null)?.from;

  if (record.isLoading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  if (record.isError || !record.data) {
    const notFound = isApiError(record.error, 404) || isApiError(record.error, 422);
    return (
      <Result
        status={notFound ? '404' : isApiError(record.error, 403) ? '403' : 'error'}
        title={notFound ? 'Không tìm thấy hồ sơ tăng cường' : 'Không tải được hồ sơ tăng cường'}
        subTitle={notFound ? 'Hồ sơ không tồn tại hoặc nằm ngoài phạm vi bạn được xem.' : errorMessage(record.error)}
        extra={
          <Space>
            <Button onClick={() => navigate('/secondments')}>Về danh sách</Button>
            {!notFound && (
              <Button icon={<ReloadOutlined />} onClick={() => record.refetch()}>
                Thử lại
              </Button>
            )}
          </Space>
        }
      />
    );
  }

  const s: SecondmentDetail = record.data;
  const allowed = s.allowedActions;
  const canOpenProfile = can('cadres') || me?.user.personId === s.person.id;
  const received = RECEIVED_OR_LATER.has(s.status);
  const canSeeEntitlements = !!me?.capabilities.includes('readEntitlements'); // the host commune does not
  const modalProps = { record: s, onClose: () => setOpen(null), onStale: () => void record.refetch() };

  return (
    <>
      <Card
        title={
          <Space wrap align="center">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="Quay lại" onClick={() => navigate(from ?? '/secondments')} />
            <span data-testid="secondment-person">{s.person.fullName}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {s.person.code} · {formatDate(s.person.birthDate)}
            </Typography.Text>
            <SecondmentStatusTag status={s.status} testId="secondment-status" />
          </Space>
        }
        extra={
          canOpenProfile && (
            <Link to={`/cadres/${s.person.id}`}>
              <Button icon={<IdcardOutlined />}>Hồ sơ cán bộ</Button>
            </Link>
          )
        }
        style={{ marginBottom: 16 }}
      >
        <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="secondment-route">
          <Typography.Text strong>{s.sendingUnit.name}</Typography.Text>
          {s.person.positionTitle && <Typography.Text type="secondary">({s.person.positionTitle})</Typography.Text>}
          <ArrowRightOutlined />
          <Typography.Text strong>{s.hostUnit?.name ?? 'Chưa xác định nơi đến'}</Typography.Text>
          {s.decisionNo && <Typography.Text type="secondary">· Quyết định số {s.decisionNo}</Typography.Text>}
          {(s.startDate || s.endDate) && (
            <Typography.Text type="secondary">
              · {formatDate(s.startDate)} – {formatDate(s.endDate)}
            </Typography.Text>
          )}
        </Space>
        <PathSteps status={s.status} events={s.events} />
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <PathActionBar allowed={allowed} onAction={(a) => setOpen({ kind: a })} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {updatedText(s)}
          </Typography.Text>
        </Space>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ProposalSection s={s} />
          {!s.proposalWithheld && (s.partyOpinions.length > 0 || allowed.includes('record_party_opinion') || BEFORE_DECISION.has(s.status)) && (
            <PartyOpinionSection
              s={s}
              extra={<ActivityButton allowed={allowed} action="record_party_opinion" onClick={() => setOpen({ kind: 'record_party_opinion' })} />}
            />
          )}
          {(DECIDED_OR_LATER.has(s.status) || s.decisions.length > 0) && <DecisionsSection s={s} />}
          {DECIDED_OR_LATER.has(s.status) && <ReceptionSection s={s} />}
          {(received || s.reports.length > 0) && (
            <ReportsSection
              s={s}
              onSubmit={allowed.includes('submit_report') ? (report) => setOpen({ kind: 'submit_report', report }) : undefined}
              extra={<ActivityButton allowed={allowed} action="request_report" onClick={() => setOpen({ kind: 'request_report' })} />}
            />
          )}
          {(received || s.evaluations.length > 0) && (
            <EvaluationsSection s={s} extra={<ActivityButton allowed={allowed} action="evaluate" onClick={() => setOpen({ kind: 'evaluate' })} />} />
          )}
          {(received || s.contacts.length > 0 || allowed.includes('log_contact')) && (
            <ContactsSection s={s} extra={<ActivityButton allowed={allowed} action="log_contact" onClick={() => setOpen({ kind: 'log_contact' })} />} />
          )}
          {(s.termReviews.length > 0 || allowed.includes('review_self') || allowed.includes('review_host')) && (
            <TermReviewsSection
              s={s}
              extra={
                <Space size={4}>
                  <ActivityButton allowed={allowed} action="review_self" onClick={() => setOpen({ kind: 'review_self' })} />
                  <ActivityButton allowed={allowed} action="review_host" onClick={() => setOpen({ kind: 'review_host' })} />
                </Space>
              }
            />
          )}
          <ReturnSection s={s} />
          <AfterReturnSection
            s={s}
            extra={
              <Space size={4}>
                {(s.outcomeRating === 'HTT' || s.outcomeRating === 'HTXS') && (
                  <ActivityButton allowed={allowed} action="record_commendation" onClick={() => setOpen({ kind: 'record_commendation' })} />
                )}
                {!s.followUp && <ActivityButton allowed={allowed} action="record_follow_up" onClick={() => setOpen({ kind: 'record_follow_up' })} />}
              </Space>
            }
          />
          {DECIDED_OR_LATER.has(s.status) && canSeeEntitlements && (
            <div id="entitlements" style={{ marginBottom: 16 }}>
              <EntitlementsCard secondmentId={s.id} />
            </div>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Section id="timeline" title="Quá trình xử lý">
            <EventTimeline events={s.events} />
          </Section>
        </Col>
      </Row>

      {open && <ActionModalFor open={open} {...modalProps} />}
    </>
  );
}
