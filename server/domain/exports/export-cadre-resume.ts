import type { UseCaseContext } from '../context.js';
import { getCadreProfile } from '../personnel/get-cadre-profile.js';
import { renderResumeDocx } from '../../documents/resume-docx.js';
import { recordAudit } from '../audit/record-audit.js';
import { provinceOfDeployment } from '../province/province-of-deployment.js';

/**
 * The résumé (Mẫu 2C) of a person in scope as .docx. Reading the profile logs the sensitive read (when the
 * actor may see those sections); the file itself is logged as an export.
 */
export async function exportCadreResume(ctx: UseCaseContext, id: string) {
  const profile = await getCadreProfile(ctx, id);
  const province = await provinceOfDeployment(ctx.tx);
  const buffer = await renderResumeDocx(profile, { place: province.placeName, today: ctx.today });
  await recordAudit(ctx.tx, ctx, {
    action: 'export',
    entityType: 'person',
    // no person_id: the profile's change history lists changes, not downloads (the read itself is logged above)
    entityId: profile.id,
    meta: { format: 'docx', document: 'mau_2c', sensitive: profile.sensitive !== null },
  });
  return { fileName: `Sơ yếu lý lịch - ${profile.identity.fullName} (${profile.identity.code}).docx`, buffer };
}
