/**
 * The calls of the secondment workflow API with the typed client, and the names of its shapes, all derived
 * from the generated schema (see `npm run gen:api`).
 */
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody: { content: { 'application/json': infer T } } } ? T : never;
type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type SecondmentListQuery = Query<'/api/secondments', 'get'>;
export type SecondmentListResponse = Json<'/api/secondments', 'get'>;
export type SecondmentSummary = SecondmentListResponse['items'][number];
export type SecondmentDetail = Json<'/api/secondments/{id}', 'get'>;
export type SecondmentEvent = SecondmentDetail['events'][number];
export type SecondmentReport = SecondmentDetail['reports'][number];
export type VerdictSnapshot = NonNullable<SecondmentDetail['proposalVerdict']>;
export type PostSnapshot = NonNullable<SecondmentDetail['reservedPost']>;
export type AllowedAction = SecondmentDetail['allowedActions'][number];

export type ProposeInput = Body<'/api/secondments', 'post'>;
export type DecideInput = Body<'/api/secondments/decisions/send', 'post'>;
export type DecisionHeaderInput = Pick<DecideInput, 'seq' | 'decidedOn' | 'signerName' | 'signerTitle'>;
export type ResubmitInput = Body<'/api/secondments/{id}/resubmit', 'post'>;
export type VersionedReason = Body<'/api/secondments/{id}/withdraw', 'post'>;
export type ForwardInput = Body<'/api/secondments/{id}/forward', 'post'>;
export type ReceiveInput = Body<'/api/secondments/{id}/receive', 'post'>;
export type ExtendInput = Body<'/api/secondments/{id}/extend', 'post'>;
export type EndEarlyInput = Body<'/api/secondments/{id}/end-early', 'post'>;
export type CompleteInput = Body<'/api/secondments/{id}/complete', 'post'>;
export type PlaceInput = Body<'/api/secondments/{id}/place', 'post'>;
export type SubmitReportInput = Body<'/api/secondments/{id}/reports/{reportId}/submit', 'post'>;
export type RequestReportInput = Body<'/api/secondments/{id}/reports', 'post'>;
export type EvaluationInput = Body<'/api/secondments/{id}/evaluations', 'post'>;
export type ContactInput = Body<'/api/secondments/{id}/contacts', 'post'>;
export type PartyOpinionInput = Body<'/api/secondments/{id}/party-opinions', 'post'>;
export type TermReviewInput = Body<'/api/secondments/{id}/term-reviews', 'post'>;
export type CommendationInput = Body<'/api/secondments/{id}/commendation', 'post'>;
export type FollowUpInput = Body<'/api/secondments/{id}/follow-up', 'post'>;
export type PartyOpinion = SecondmentDetail['partyOpinions'][number];
export type TermReview = SecondmentDetail['termReviews'][number];

const path = (id: string) => ({ params: { path: { id } } });

export const secondmentApi = {
  list: (query: SecondmentListQuery) => unwrap(api.GET('/api/secondments', { params: { query } })),
  get: (id: string) => unwrap(api.GET('/api/secondments/{id}', path(id))),
  nextDecisionNumber: (year: number, issuerUnitId?: string) =>
    unwrap(api.GET('/api/secondments/next-decision-number', { params: { query: { year, ...(issuerUnitId ? { issuerUnitId } : {}) } } })),
  propose: (body: ProposeInput) => unwrap(api.POST('/api/secondments', { body })),
  decide: (body: DecideInput) => unwrap(api.POST('/api/secondments/decisions/send', { body })),
  resubmit: (id: string, body: ResubmitInput) => unwrap(api.POST('/api/secondments/{id}/resubmit', { ...path(id), body })),
  withdraw: (id: string, body: VersionedReason) => unwrap(api.POST('/api/secondments/{id}/withdraw', { ...path(id), body })),
  forward: (id: string, body: ForwardInput) => unwrap(api.POST('/api/secondments/{id}/forward', { ...path(id), body })),
  sendBack: (id: string, body: VersionedReason) => unwrap(api.POST('/api/secondments/{id}/send-back', { ...path(id), body })),
  reject: (id: string, body: VersionedReason) => unwrap(api.POST('/api/secondments/{id}/reject', { ...path(id), body })),
  receive: (id: string, body: ReceiveInput) => unwrap(api.POST('/api/secondments/{id}/receive', { ...path(id), body })),
  extend: (id: string, body: ExtendInput) => unwrap(api.POST('/api/secondments/{id}/extend', { ...path(id), body })),
  endEarly: (id: string, body: EndEarlyInput) => unwrap(api.POST('/api/secondments/{id}/end-early', { ...path(id), body })),
  complete: (id: string, body: CompleteInput) => unwrap(api.POST('/api/secondments/{id}/complete', { ...path(id), body })),
  place: (id: string, body: PlaceInput) => unwrap(api.POST('/api/secondments/{id}/place', { ...path(id), body })),
  requestReport: (id: string, body: RequestReportInput) => unwrap(api.POST('/api/secondments/{id}/reports', { ...path(id), body })),
  submitReport: (id: string, reportId: string, body: SubmitReportInput) =>
    unwrap(api.POST('/api/secondments/{id}/reports/{reportId}/submit', { params: { path: { id, reportId } }, body })),
  evaluate: (id: string, body: EvaluationInput) => unwrap(api.POST('/api/secondments/{id}/evaluations', { ...path(id), body })),
  logContact: (id: string, body: ContactInput) => unwrap(api.POST('/api/secondments/{id}/contacts', { ...path(id), body })),
  recordPartyOpinion: (id: string, body: PartyOpinionInput) => unwrap(api.POST('/api/secondments/{id}/party-opinions', { ...path(id), body })),
  recordTermReview: (id: string, body: TermReviewInput) => unwrap(api.POST('/api/secondments/{id}/term-reviews', { ...path(id), body })),
  recordCommendation: (id: string, body: CommendationInput) => unwrap(api.POST('/api/secondments/{id}/commendation', { ...path(id), body })),
  recordFollowUp: (id: string, body: FollowUpInput) => unwrap(api.POST('/api/secondments/{id}/follow-up', { ...path(id), body })),
  /** The list with the current filters (every page) as .xlsx, for downloadFile. */
  exportXlsx: (query: Omit<SecondmentListQuery, 'page' | 'pageSize'>) => api.GET('/api/secondments/export.xlsx', { params: { query }, parseAs: 'blob' }),
};
