/** Names for the API shapes the screens use, all derived from the generated schema (never copied by hand). */
import type { paths } from './schema';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer T } };
}
  ? T
  : paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } }
    ? T
    : never;
type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Me = Json<'/api/auth/me', 'get'>;
export type Grant = Me['grants'][number];
export type Feature = Me['features'][number];
export type Capability = Me['capabilities'][number];

export type CadreListQuery = Query<'/api/cadres', 'get'>;
export type CadreListResponse = Json<'/api/cadres', 'get'>;
export type CadreListItem = CadreListResponse['items'][number];

export type CadreProfile = Json<'/api/cadres/{id}', 'get'>;
export type CadreUpdate = Body<'/api/cadres/{id}', 'patch'>;
export type CadreAction = CadreProfile['allowedActions'][number];
export type RatingItem = CadreProfile['ratings'][number];
export type PlanningItem = CadreProfile['planning'][number];
export type WorkHistoryItem = CadreProfile['workHistory'][number];
export type TrainingHistoryItem = CadreProfile['trainingHistory'][number];
export type DisciplineItem = NonNullable<CadreProfile['sensitive']>['discipline'][number];
export type ProceedingItem = NonNullable<CadreProfile['sensitive']>['proceedings'][number];
export type CircumstanceItem = NonNullable<CadreProfile['sensitive']>['circumstances'][number];

export type RatingInput = Body<'/api/cadres/{id}/ratings', 'put'>;
export type DisciplineInput = Body<'/api/cadres/{id}/discipline', 'post'>;
export type PlanningInput = Body<'/api/cadres/{id}/planning', 'post'>;
export type ProceedingInput = Body<'/api/cadres/{id}/proceedings', 'post'>;
export type ProceedingCloseInput = Body<'/api/cadres/{id}/proceedings/{recordId}/close', 'post'>;
export type CircumstanceInput = Body<'/api/cadres/{id}/circumstances', 'post'>;
export type WorkHistoryInput = Body<'/api/cadres/{id}/work-history', 'post'>;
export type TrainingHistoryInput = Body<'/api/cadres/{id}/training-history', 'post'>;

export type HistoryResponse = Json<'/api/cadres/{id}/history', 'get'>;
export type HistoryEntry = HistoryResponse['items'][number];

export type OrgUnitsResponse = Json<'/api/org-units', 'get'>;
export type OrgUnit = OrgUnitsResponse['items'][number];
export type UnitKind = OrgUnit['kind'];

export type CurrentPlan = Json<'/api/plans/current', 'get'>;
export type PlanParams = CurrentPlan['params'];

export type ReferenceResponse = Json<'/api/reference', 'get'>;
export type UsersResponse = Json<'/api/users', 'get'>;
export type PendingGrantsResponse = Json<'/api/grants/pending', 'get'>;
export type NewUser = Body<'/api/users', 'post'>;
export type UserChanges = Body<'/api/users/{id}', 'patch'>;
export type JobPostsResponse = Json<'/api/org-units/{id}/job-posts', 'get'>;

export type QuotasResponse = Json<'/api/quotas', 'get'>;
export type QuotaRow = QuotasResponse['items'][number];
export type PlanVersionRef = QuotasResponse['planVersion'];

export type ScreeningQuery = Query<'/api/eligibility', 'get'>;
export type ScreeningResponse = Json<'/api/eligibility', 'get'>;
export type ScreeningItem = ScreeningResponse['items'][number];
export type ScreeningSummary = ScreeningResponse['summary'];
export type CriterionItem = ScreeningItem['criteria'][number];
export type PersonScreening = Json<'/api/eligibility/people/{id}', 'get'>;
export type AssessmentInput = Body<'/api/eligibility/people/{id}/assessments', 'post'>;

export type PlanVersionsResponse = Json<'/api/plans/versions', 'get'>;
export type PlanVersion = PlanVersionsResponse['items'][number];
export type PlanVersionInput = Body<'/api/plans/versions', 'post'>;
export type WhatIfInput = Body<'/api/plans/what-if', 'post'>;
export type PlanListResponse = Json<'/api/plans', 'get'>;
export type PlanSummary = PlanListResponse['items'][number];
export type CreatePlanInput = Body<'/api/plans', 'post'>;
export type UpdatePlanInput = Body<'/api/plans/{id}', 'patch'>;

export type ImportView = Json<'/api/imports/{id}', 'get'>;
export type ImportState = ImportView['state'];
export type ImportIssuePage = Json<'/api/imports/{id}/issues', 'get'>;
export type ImportIssue = ImportIssuePage['items'][number];
export type ImportChangePage = Json<'/api/imports/{id}/changes', 'get'>;
export type ImportChange = ImportChangePage['items'][number];

export type TrainingCourse = Json<'/api/training/courses', 'get'>['items'][number];
export type TrainingCourseInput = Body<'/api/training/courses', 'post'>;
export type TrainingNeed = Json<'/api/training/needs', 'get'>['items'][number];
export type TrainingNeedInput = Body<'/api/training/needs', 'post'>;
export type TrainingEnrolment = Json<'/api/training/enrolments', 'get'>['items'][number];
export type TrainingEnrolmentQuery = Query<'/api/training/enrolments', 'get'>;
export type TrainingEligibility = Json<'/api/training/eligibility', 'get'>;
export type TrainingBudgetOverview = Json<'/api/training/budgets', 'get'>;
export type TrainingBudgetItem = TrainingBudgetOverview['items'][number];

export type SetupStatus = Json<'/api/setup', 'get'>;
export type NationalProvince = Json<'/api/setup/provinces', 'get'>['items'][number];
export type SetupResult = Json<'/api/setup', 'post', 201>;

export type ReferenceTablesResponse = Json<'/api/reference/tables', 'get'>;
export type ReferenceTableData = ReferenceTablesResponse['tables'][number];
export type ReferenceTableRow = ReferenceTableData['rows'][number];
export type ReferenceChangeItem = ReferenceTablesResponse['history'][number];
export type ReferencePreviewInput = Body<'/api/reference/preview', 'post'>;
export type ReferenceDraftInput = ReferencePreviewInput['draft'];
export type ReferencePreviewResult = Json<'/api/reference/preview', 'post'>;
export type ReferenceSaveInput = Body<'/api/reference/changes', 'post'>;

export type ReportDetail = Json<'/api/reports/{id}', 'get'>;
export type ReportSummary = Json<'/api/reports', 'get'>['items'][number];
export type ReportDraftInput = Body<'/api/reports', 'post'>;
export type ReportIssueInput = Body<'/api/reports/{id}/issue', 'post'>;
export type ReportNarrative = Body<'/api/reports/{id}', 'patch'>['narrative'];
export type StatisticsResponse = Json<'/api/statistics', 'get'>;
export type StatisticsQuery = Query<'/api/statistics', 'get'>;
export type FigureRowsResponse = Json<'/api/reports/figures/{key}/rows', 'get'>;
export type FigureRowItem = FigureRowsResponse['items'][number];

export type GuidanceList = Json<'/api/guidance', 'get'>;
export type GuidanceDocument = GuidanceList['items'][number];
export type GuidanceInput = Body<'/api/guidance', 'post'>;
export type InspectionList = Json<'/api/inspections', 'get'>;
export type InspectionSummary = InspectionList['items'][number];
export type InspectionDetail = Json<'/api/inspections/{id}', 'get'>;
export type InspectionRecommendation = InspectionDetail['items'][number];
export type InspectionInput = Body<'/api/inspections', 'post'>;
export type InspectableUnit = Json<'/api/inspections/units', 'get'>['items'][number];
