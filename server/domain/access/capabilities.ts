import type { Actor } from './actor.js';
import type { Capability } from '../../../common/permissions.js';
import { CAPABILITIES } from '../../../common/permissions.js';
import { plansPolicy } from '../plans/plans.policy.js';
import { eligibilityPolicy } from '../eligibility/eligibility.policy.js';
import { secondmentPolicy } from '../secondment/secondment.policy.js';
import { orgPolicy } from '../org/org.policy.js';
import { decisionPolicy } from '../secondment-documents/decision.policy.js';
import { entitlementsPolicy } from '../secondment-entitlements/entitlements.policy.js';
import { importsPolicy } from '../imports/imports.policy.js';
import { personnelPolicy } from '../personnel/personnel.policy.js';
import { oversightPolicy } from '../oversight/oversight.policy.js';
import { feedbackPolicy } from '../feedback/feedback.policy.js';
import { enrolmentPolicy, trainingPolicy } from '../training/training.policy.js';
import { provincePolicy } from '../province/province.policy.js';
import { accessPolicy } from './access.policy.js';
import { referencePolicy } from '../reference/reference.policy.js';
import { demandPolicy } from '../demand/demand.policy.js';
import { matchingPolicy } from '../matching/matching.policy.js';
import { reportsPolicy } from '../reports/reports.policy.js';
import { inspectionPolicy } from '../inspections/inspections.policy.js';
import { guidancePolicy } from '../guidance/guidance.policy.js';

/** Each capability is held when the actor holds, anywhere, a role of this policy gate or action. */
const FROM: Record<Capability, (actor: Actor) => boolean> = {
  savePlan: (a) => plansPolicy.mayAnywhere(a, 'save'),
  managePlans: (a) => plansPolicy.mayAnywhere(a, 'manage'),
  previewPlan: (a) => plansPolicy.mayAnywhere(a, 'preview'),
  assess: (a) => eligibilityPolicy.mayAnywhere(a, 'assess'),
  proposeSecondment: (a) => secondmentPolicy.mayAnywhere(a, 'propose'),
  decideSecondments: (a) => secondmentPolicy.mayAnywhere(a, 'decide'),
  exportSecondments: (a) => secondmentPolicy.mayAnywhere(a, 'export'),
  chooseHostCommune: (a) => orgPolicy.mayAnywhere(a, 'destinations'),
  manageOrg: (a) => orgPolicy.mayAnywhere(a, 'manage'),
  readDecisions: (a) => decisionPolicy.mayAnywhere(a, 'read'),
  readEntitlements: (a) => entitlementsPolicy.mayAnywhere(a, 'read'),
  financeList: (a) => entitlementsPolicy.mayAnywhere(a, 'financeList'),
  importCadres: (a) => importsPolicy.mayAnywhere(a, 'use'),
  sensitiveFilters: (a) => personnelPolicy.mayAnywhere(a, 'sensitiveFilters'),
  overdueLists: (a) => oversightPolicy.mayAnywhere(a, 'overdue'),
  raiseFeedback: (a) => feedbackPolicy.mayAnywhere(a, 'raise'),
  answerFeedback: (a) => feedbackPolicy.mayAnywhere(a, 'close'),
  readTraining: (a) => trainingPolicy.mayAnywhere(a, 'read'),
  manageCourses: (a) => trainingPolicy.mayAnywhere(a, 'manageCourses'),
  nominate: (a) => trainingPolicy.mayAnywhere(a, 'nominate'),
  approveEnrolments: (a) => enrolmentPolicy.mayAnywhere(a, 'approve'),
  approveOverBudget: (a) => enrolmentPolicy.mayAnywhere(a, 'overBudget'),
  recordNeeds: (a) => trainingPolicy.mayAnywhere(a, 'recordNeed'),
  manageBudgets: (a) => trainingPolicy.mayAnywhere(a, 'manageBudgets'),
  overrideBudget: (a) => trainingPolicy.mayAnywhere(a, 'overrideBudget'),
  trainingReports: (a) => trainingPolicy.mayAnywhere(a, 'reports'),
  setUpProvince: (a) => provincePolicy.mayAnywhere(a, 'setUp'),
  confirmGrants: (a) => accessPolicy.mayAnywhere(a, 'confirmGrants'),
  manageReference: (a) => referencePolicy.mayAnywhere(a, 'manage'),
  declareCommuneNeeds: (a) => demandPolicy.mayAnywhere(a, 'declare'),
  reviewCommuneNeeds: (a) => demandPolicy.mayAnywhere(a, 'approve'),
  readShortages: (a) => demandPolicy.mayAnywhere(a, 'shortages'),
  runMatching: (a) => matchingPolicy.mayAnywhere(a, 'run'),
  readReports: (a) => reportsPolicy.mayAnywhere(a, 'list'),
  draftReports: (a) => reportsPolicy.mayAnywhere(a, 'draft'),
  readStatistics: (a) => reportsPolicy.mayAnywhere(a, 'statistics'),
  readInspections: (a) => inspectionPolicy.mayAnywhere(a, 'read'),
  recordInspections: (a) => inspectionPolicy.mayAnywhere(a, 'record'),
  readGuidance: (a) => guidancePolicy.mayAnywhere(a, 'read'),
  issueGuidance: (a) => guidancePolicy.mayAnywhere(a, 'issue'),
};

/** The capabilities the actor holds, in the order of the list. */
export const capabilitiesOf = (actor: Actor): Capability[] => CAPABILITIES.filter((c) => FROM[c](actor));
