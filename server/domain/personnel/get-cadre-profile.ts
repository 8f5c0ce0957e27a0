import type { UseCaseContext } from '../context.js';
import type { CadreProfile } from '../../../common/schemas/personnel.js';
import { peopleScope } from '../../db/scope.js';
import { findPersonInScope, loadProfileParts, resolveLegacyCommune } from '../../db/repositories/personnel.repository.js';
import { cadreActions } from './personnel.policy.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { openSecondmentSummary } from '../../db/repositories/secondment.repository.js';
import { SECONDMENT_OPEN_STATUSES } from '../../../common/secondment.js';
import { ratingInstrument } from '../../../common/ratings.js';
import { findRatingInstruments } from '../../db/repositories/eligibility.repository.js';

/** The sections of a profile only those who may read sensitive data see; reading them is logged. */
const SENSITIVE_SECTIONS = ['ethnicity', 'religion', 'health', 'party', 'discipline', 'proceedings', 'circumstances'] as const;

/** The résumé of one person as the actor may see it; reading the sensitive sections is logged. */
export async function getCadreProfile({ actor, tx, requestId, today }: UseCaseContext, id: string): Promise<CadreProfile> {
  const p = await findPersonInScope(tx, id, peopleScope({ actor, today }));
  if (!p) throw notFound('Cán bộ');
  const allowedActions = cadreActions(actor, { id: p.id, unitPath: p.unitPath });
  const showSensitive = allowedActions.includes('readSensitive');
  const parts = await loadProfileParts(tx, p.id, p.unitPath);
  const instruments = await findRatingInstruments(tx);
  const homeTown = p.homeTownCode ? await resolveLegacyCommune(tx, String(p.homeTownCode)) : null;
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const profile: CadreProfile = {
    id: p.id,
    version: p.version,
    identity: {
      code: p.code,
      fullName: String(p.fullName),
      gender: p.gender,
      birthDate: String(p.birthDate),
      idNumber: s(p.idNumber),
      phone: s(p.phone),
      email: s(p.email),
      homeTownCode: s(p.homeTownCode),
      homeTownText: s(p.homeTownText),
      homeTown,
    },
    sensitive: showSensitive
      ? {
          ethnicCode: s(p.ethnicCode),
          ethnicName: parts.names?.ethnicName ?? null,
          religion: s(p.religion),
          healthStatus: p.healthStatus ?? null,
          healthCheckedOn: s(p.healthCheckedOn),
          partyJoinedOn: s(p.partyJoinedOn),
          partyOfficialOn: s(p.partyOfficialOn),
          discipline: parts.discipline,
          proceedings: parts.proceedings,
          circumstances: parts.circumstances,
        }
      : null,
    employment: {
      unitId: String(p.unitId),
      unitName: parts.unitPath[parts.unitPath.length - 1]?.name ?? '',
      unitPath: parts.unitPath,
      jobPostId: s(p.jobPostId),
      jobPostTitle: parts.names?.jobPostTitle ?? null,
      positionTitle: s(p.positionTitle),
      isLeader: Boolean(p.isLeader),
      category: p.category,
      rankCode: s(p.rankCode),
      rankName: parts.names?.rankName ?? null,
      salaryStep: n(p.salaryStep),
      salaryCoefficient: s(p.salaryCoefficient),
      leadershipAllowanceCoef: s(p.leadershipAllowanceCoef),
      seniorityAllowancePct: n(p.seniorityAllowancePct),
      recruitedOn: s(p.recruitedOn),
      status: p.status,
    },
    qualifications: {
      generalEducation: s(p.generalEducation),
      educationLevel: p.educationLevel ?? null,
      major: s(p.major),
      politicalTheory: p.politicalTheory ?? null,
      stateManagement: s(p.stateManagement),
    },
    planning: parts.planning,
    ratings: parts.ratings.map((r) => ({ ...r, instrument: ratingInstrument(instruments, r.year, String(p.category)) })),
    workHistory: parts.workHistory,
    trainingHistory: parts.trainingHistory,
    hiddenSections: showSensitive ? [] : [...SENSITIVE_SECTIONS],
    allowedActions,
    secondment: await openSecondmentSummary(tx, p.id, SECONDMENT_OPEN_STATUSES),
  };
  if (showSensitive) {
    await recordAudit(
      tx,
      { actor, requestId },
      {
        action: 'read_sensitive',
        entityType: 'person',
        entityId: p.id,
        personId: p.id,
        meta: { sections: [...SENSITIVE_SECTIONS] },
      },
    );
  }
  return profile;
}
