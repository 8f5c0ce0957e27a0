import { planClause } from '../../../../common/plan-clause';
import { useAuth } from '../../app/auth-context';

/**
 * How the interface names the province this deployment serves and its plan, from the session (GET /api/auth/me):
 * "cấp tỉnh" or "cấp thành phố", "UBND tỉnh An Giang", "Kế hoạch 131/KH-UBND, mục III.2". Neutral words before
 * the first setup or the first plan.
 */
export function useProvince() {
  const { me } = useAuth();
  const p = me?.province ?? null;
  const planCode = me?.planCode ?? null;
  return {
    /** 'thành phố' or 'tỉnh' ("cấp thành phố", "toàn tỉnh"); 'tỉnh' before the setup. */
    level: p?.levelWord ?? 'tỉnh',
    /** "Ủy ban nhân dân thành phố Cần Thơ" */
    committee: p?.peoplesCommitteeName ?? 'Ủy ban nhân dân tỉnh, thành phố',
    /** "UBND thành phố Cần Thơ" */
    committeeShort: p?.committeeShortName ?? 'UBND tỉnh, thành phố',
    /** "Kế hoạch 131/KH-UBND" */
    plan: planCode ? `Kế hoạch ${planCode}` : 'Kế hoạch',
    /** "Kế hoạch 131/KH-UBND, mục III.2" (the sections are those of Plan 131, the template of every plan) */
    clause: (section: string) => (planCode ? planClause(planCode, section) : `Kế hoạch, mục ${section}`),
  };
}
