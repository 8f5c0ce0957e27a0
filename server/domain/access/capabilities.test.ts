import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from './capabilities.js';
import type { Role } from '../../../common/enums.js';
import type { Actor } from './actor.js';

const as = (role: Role, unitId: string | null = null): Actor => ({
  userId: 'u',
  username: role,
  displayName: role,
  personId: role === 'cadre' ? 'p' : null,
  grants: [{ role, unitId }],
});

/** What each role's screens offer, derived from the policies (the web keeps no role lists of its own). */
describe('capabilities', () => {
  it('per role', () => {
    expect(capabilitiesOf(as('home_affairs'))).toEqual([
      'savePlan',
      'managePlans',
      'previewPlan',
      'exportSecondments',
      'chooseHostCommune',
      'manageOrg',
      'readDecisions',
      'readEntitlements',
      'financeList',
      'importCadres',
      'sensitiveFilters',
      'overdueLists',
      'answerFeedback',
      'readTraining',
      'manageCourses',
      'approveEnrolments',
      'recordNeeds',
      'manageBudgets',
      'overrideBudget',
      'trainingReports',
      'confirmGrants',
      'manageReference',
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
    ]);
    expect(capabilitiesOf(as('authority'))).toEqual([
      'previewPlan',
      'decideSecondments',
      'exportSecondments',
      'chooseHostCommune',
      'readDecisions',
      'readEntitlements',
      'financeList',
      'sensitiveFilters',
      'readTraining',
      'approveEnrolments',
      'approveOverBudget',
      'overrideBudget',
      'trainingReports',
      'readShortages',
      'readReports',
      'readStatistics',
      'readInspections',
      'readGuidance',
    ]);
    expect(capabilitiesOf(as('unit_hr', 'd'))).toEqual([
      'assess',
      'proposeSecondment',
      'exportSecondments',
      'chooseHostCommune',
      'readDecisions',
      'readEntitlements',
      'financeList',
      'importCadres',
      'sensitiveFilters',
      'raiseFeedback',
      'readTraining',
      'nominate',
      'recordNeeds',
      'readReports',
      'draftReports',
      'readStatistics',
      'readInspections',
      'readGuidance',
    ]);
    expect(capabilitiesOf(as('unit_manager', 'd'))).toEqual([
      'assess',
      'proposeSecondment',
      'exportSecondments',
      'chooseHostCommune',
      'readDecisions',
      'readEntitlements',
      'financeList',
      'sensitiveFilters',
      'raiseFeedback',
      'readTraining',
      'nominate',
      'recordNeeds',
      'readReports',
      'draftReports',
      'readStatistics',
      'readInspections',
      'readGuidance',
    ]);
    expect(capabilitiesOf(as('host', 'c'))).toEqual([
      'exportSecondments',
      'readDecisions',
      'raiseFeedback',
      'declareCommuneNeeds',
      'readInspections',
      'readGuidance',
    ]);
    expect(capabilitiesOf(as('cadre'))).toEqual(['readEntitlements']);
    expect(capabilitiesOf(as('admin'))).toEqual(['setUpProvince']);
  });
});
