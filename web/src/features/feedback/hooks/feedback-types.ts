/** Names for the feedback API shapes, derived from the generated schema (never copied by hand). */
import type { paths } from '../../../api/schema';
import type { Me } from '../../../api/types';

export type FeedbackListQuery = NonNullable<paths['/api/feedback']['get']['parameters']['query']>;
export type FeedbackListResponse = paths['/api/feedback']['get']['responses'][200]['content']['application/json'];
export type FeedbackListItem = FeedbackListResponse['items'][number];
export type FeedbackDetail = paths['/api/feedback/{id}']['get']['responses'][200]['content']['application/json'];
export type FeedbackReply = FeedbackDetail['replies'][number];
export type FeedbackInput = paths['/api/feedback']['post']['requestBody']['content']['application/json'];
export type LinkableSecondment = paths['/api/feedback/secondments']['get']['responses'][200]['content']['application/json']['items'][number];

/** Who raises items and who answers them: capabilities from the feedback policy on the server. */
export const canRaiseFeedback = (me: Me | null) => !!me?.capabilities.includes('raiseFeedback');
export const isHomeAffairs = (me: Me | null) => !!me?.capabilities.includes('answerFeedback');

/** Limits of the texts (server: SUBJECT_MAX, BODY_MAX). */
export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;
