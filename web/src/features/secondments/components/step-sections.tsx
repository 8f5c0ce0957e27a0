import type { ReactNode } from 'react';
import { Alert, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import {
  FOLLOW_UP_PLANNING_LABELS,
  PARTY_OPINION_OUTCOME_LABELS,
  POLITICAL_CONCLUSION_LABELS,
  TERM_REVIEW_CLAUSE,
  TERM_REVIEW_KINDS,
  TERM_REVIEW_KIND_LABELS,
  partyOpinionBar,
} from '../../../../../common/secondment';
import { EMPTY, formatDate } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import type { SecondmentDetail, TermReview } from '../hooks/secondment-api';
import { useCurrentPlan } from '../../plans/hooks/use-plans';
import { Section } from './detail-sections';

const text = (v: string | null | undefined) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : EMPTY);

/** The tags of an opinion: the committee's agreement and its conclusion on the political standards. */
export function PartyOpinionTags({
  o,
}: {
  o: { outcome: keyof typeof PARTY_OPINION_OUTCOME_LABELS; politicalConclusion: keyof typeof POLITICAL_CONCLUSION_LABELS };
}) {
  return (
    <Space size={4} wrap>
      <Tag color={o.outcome === 'agree' ? 'green' : 'red'}>{PARTY_OPINION_OUTCOME_LABELS[o.outcome]}</Tag>
      <Tag color={o.politicalConclusion === 'meets' ? 'green' : 'red'}>{POLITICAL_CONCLUSION_LABELS[o.politicalConclusion]}</Tag>
    </Space>
  );
}

/**
 * The Party committee's opinions on the proposal (Plan 131 II.1; Decree 170/2025 Art. 46), oldest first: the last
 * one stands. Before the decision, says whether the authority may decide yet.
 */
export function PartyOpinionSection({ s, extra }: { s: SecondmentDetail; extra?: ReactNode }) {
  const beforeDecision = s.status === 'proposed' || s.status === 'appraised';
  return (
    <Section id="party-opinions" title="Ý kiến của cấp ủy, kết luận tiêu chuẩn chính trị" extra={extra}>
      {beforeDecision && <DecisionCheck s={s} />}
      <List
        size="small"
        dataSource={[...s.partyOpinions].reverse()}
        data-testid="party-opinions"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ý kiến của cấp ủy" /> }}
        renderItem={(o, i) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{o.committeeName}</Typography.Text>
                <Typography.Text type="secondary">
                  Văn bản số {o.documentNo} ngày {formatDate(o.givenOn)}
                </Typography.Text>
                <PartyOpinionTags o={o} />
                {i > 0 && <Tag>Ý kiến trước</Tag>}
              </Space>
              {o.note && <Typography.Text>{o.note}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Người ghi nhận: {o.recordedByName}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Section>
  );
}

/** Before the decision: whether the authority may decide yet, in the words the server refuses with. */
function DecisionCheck({ s }: { s: SecondmentDetail }) {
  const plan = useCurrentPlan();
  if (!s.partyOpinionRequired)
    return <Typography.Paragraph type="secondary">Kế hoạch đang áp dụng không bắt buộc ý kiến của cấp ủy trước khi quyết định cử.</Typography.Paragraph>;
  const bar = plan.data ? partyOpinionBar(s.person.fullName, s.partyOpinions.at(-1), plan.data.code) : null;
  if (!bar) return null;
  return <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={bar} data-testid="party-opinion-bar" />;
}

/** The end-of-term reviews, one block per kind (the self-review, the host collective, the host Party committee). */
export function TermReviewList({ reviews, compact = false }: { reviews: TermReview[]; compact?: boolean }) {
  const reference = useReference();
  const byKind = new Map(reviews.map((r) => [r.kind, r]));
  return (
    <Descriptions
      size="small"
      column={1}
      bordered={!compact}
      data-testid="term-reviews"
      items={TERM_REVIEW_KINDS.map((kind) => {
        const r = byKind.get(kind);
        return {
          key: kind,
          label: TERM_REVIEW_KIND_LABELS[kind],
          children: r ? (
            <Space orientation="vertical" size={2}>
              <Typography.Text type="secondary">
                Ngày {formatDate(r.reviewedOn)} · {r.authorName}
                {r.proposedRating && ` · Đề xuất xếp loại: ${reference.data?.ratingName(r.proposedRating) ?? r.proposedRating}`}
              </Typography.Text>
              {text(r.content)}
              {r.strengths && <span>Ưu điểm: {r.strengths}</span>}
              {r.weaknesses && <span>Hạn chế: {r.weaknesses}</span>}
            </Space>
          ) : kind === 'host_party_committee' ? (
            <Typography.Text type="secondary">Chưa có (không bắt buộc)</Typography.Text>
          ) : (
            <Typography.Text type="secondary">Chưa có</Typography.Text>
          ),
        };
      })}
    />
  );
}

/** Decree 170/2025 Art. 49: the reviews at the end of the term, read where the return placement is decided. */
export function TermReviewsSection({ s, extra }: { s: SecondmentDetail; extra?: ReactNode }) {
  return (
    <Section id="term-reviews" title={`Nhận xét, đánh giá khi kết thúc tăng cường (${TERM_REVIEW_CLAUSE})`} extra={extra}>
      <TermReviewList reviews={s.termReviews} />
    </Section>
  );
}

/**
 * After the return: the commendation proposal (Decree 178/2024 Art. 12 as amended) and what the sending unit did
 * with the result in planning and training (Plan 131 II.2).
 */
export function AfterReturnSection({ s, extra }: { s: SecondmentDetail; extra?: ReactNode }) {
  if (s.status !== 'returned') return null;
  const c = s.commendation;
  const f = s.followUp;
  const wellDone = s.outcomeRating === 'HTT' || s.outcomeRating === 'HTXS';
  return (
    <Section id="after-return" title="Khen thưởng và sử dụng kết quả sau tăng cường" extra={extra}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'commendation',
            label: 'Đề nghị khen thưởng',
            children: c ? (
              c.declined ? (
                <span data-testid="commendation">Không đề nghị: {c.reason}</span>
              ) : (
                <span data-testid="commendation">
                  {c.form} — văn bản số {c.documentNo} ngày {formatDate(c.proposedOn)}
                  {c.note ? `. ${c.note}` : ''}
                </span>
              )
            ) : wellDone ? (
              <Typography.Text type="warning">Chưa xem xét (cán bộ hoàn thành tốt nhiệm vụ trở lên)</Typography.Text>
            ) : (
              <Typography.Text type="secondary">Không thuộc diện xét (kết quả dưới mức hoàn thành tốt nhiệm vụ)</Typography.Text>
            ),
          },
          {
            key: 'followUp',
            label: 'Quy hoạch, đào tạo',
            children: f ? (
              <span data-testid="follow-up">
                {FOLLOW_UP_PLANNING_LABELS[f.planning]}
                {f.title ? `: ${f.title}` : ''}
                {f.trainingNeedId ? '; đã ghi nhận nhu cầu đào tạo, bồi dưỡng' : ''}
                {f.note ? `. ${f.note}` : ''} ({f.byName}, {formatDate(f.on)})
              </span>
            ) : (
              <Typography.Text type="warning">Chưa ghi nhận</Typography.Text>
            ),
          },
        ]}
      />
    </Section>
  );
}
