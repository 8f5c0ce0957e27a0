import type { Role } from './enums.js';

/** Areas of the interface; the menu shows only those a role may use (the API enforces the same on each route). */
export const FEATURES = ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'demand', 'oversight', 'reports', 'inbox', 'users', 'myProfile'] as const;
export type Feature = (typeof FEATURES)[number];

export const ROLE_FEATURES: Record<Role, Feature[]> = {
  admin: ['org', 'users'],
  home_affairs: ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'demand', 'oversight', 'reports', 'inbox'],
  authority: ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'demand', 'oversight', 'reports', 'inbox'],
  // a sending unit drafts, issues and reads its own reports to Sở Nội vụ
  unit_manager: ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'reports', 'inbox'],
  unit_hr: ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'reports', 'inbox'],
  host: ['cadres', 'org', 'secondments', 'feedback', 'demand', 'inbox'],
  cadre: ['myProfile', 'secondments', 'training', 'inbox'],
};

export const featuresOf = (roles: Role[]): Feature[] => FEATURES.filter((f) => roles.some((r) => ROLE_FEATURES[r].includes(f)));

/**
 * What a user may do within the areas, beyond seeing them: each is the gate of a policy on the server
 * (server/domain/access/capabilities.ts), returned by the session endpoint with the features. The web decides what
 * to show from these, the features and each record's `allowedActions` — never from role names.
 */
export const CAPABILITIES = [
  'savePlan',
  'managePlans',
  'previewPlan',
  'assess',
  'proposeSecondment',
  'decideSecondments',
  'exportSecondments',
  'chooseHostCommune',
  'manageOrg',
  'readDecisions',
  'readEntitlements',
  'financeList',
  'importCadres',
  'sensitiveFilters',
  'overdueLists',
  'raiseFeedback',
  'answerFeedback',
  'readTraining',
  'manageCourses',
  'nominate',
  'approveEnrolments',
  'approveOverBudget',
  'recordNeeds',
  'manageBudgets',
  'overrideBudget',
  'trainingReports',
  'setUpProvince',
  'confirmGrants',
  'manageReference',
  'declareCommuneNeeds',
  'reviewCommuneNeeds',
  'readShortages',
  'runMatching',
  'readReports',
  'draftReports',
  'readStatistics',
  'readInspections',
  'recordInspections',
  'readGuidance',
  'issueGuidance',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Roles whose grant names a unit (a unit's head or personnel officer, a host commune); the others may be province-wide. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['unit_manager', 'unit_hr', 'host'];
/** The role of a person's own account: it is linked to that person's record. */
export const roleOfOwnRecord = (role: Role) => role === 'cadre';
