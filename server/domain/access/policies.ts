import type { PolicyTable } from './policy.js';
import { accessPolicy } from './access.policy.js';
import { secondmentPolicy } from '../secondment/secondment.policy.js';
import { enrolmentPolicy, trainingPolicy } from '../training/training.policy.js';
import { feedbackPolicy } from '../feedback/feedback.policy.js';
import { demandPolicy, demandRoundPolicy } from '../demand/demand.policy.js';
import { personnelPolicy } from '../personnel/personnel.policy.js';
import { eligibilityPolicy } from '../eligibility/eligibility.policy.js';
import { importsPolicy } from '../imports/imports.policy.js';
import { orgPolicy } from '../org/org.policy.js';
import { plansPolicy } from '../plans/plans.policy.js';
import { oversightPolicy } from '../oversight/oversight.policy.js';
import { inboxPolicy } from '../inbox/inbox.policy.js';
import { decisionPolicy } from '../secondment-documents/decision.policy.js';
import { entitlementPaymentsPolicy, entitlementsPolicy } from '../secondment-entitlements/entitlements.policy.js';
import { provincePolicy } from '../province/province.policy.js';
import { referencePolicy } from '../reference/reference.policy.js';
import { matchingPolicy } from '../matching/matching.policy.js';
import { reportsPolicy } from '../reports/reports.policy.js';
import { inspectionPolicy, recommendationPolicy } from '../inspections/inspections.policy.js';
import { guidancePolicy } from '../guidance/guidance.policy.js';

/** Every resource's policy, for the test that walks them against the routes' `x-roles` and for the features. */
export const POLICIES: PolicyTable[] = [
  accessPolicy,
  secondmentPolicy,
  trainingPolicy,
  enrolmentPolicy,
  feedbackPolicy,
  demandPolicy,
  demandRoundPolicy,
  personnelPolicy,
  eligibilityPolicy,
  importsPolicy,
  orgPolicy,
  plansPolicy,
  oversightPolicy,
  inboxPolicy,
  decisionPolicy,
  entitlementsPolicy,
  entitlementPaymentsPolicy,
  provincePolicy,
  referencePolicy,
  matchingPolicy,
  reportsPolicy,
  inspectionPolicy,
  recommendationPolicy,
  guidancePolicy,
];
