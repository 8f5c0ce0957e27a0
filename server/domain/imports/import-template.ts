import type { UseCaseContext } from '../context.js';
import { buildImportTemplate } from '../../documents/import-template.js';
import { SHEETS, TEMPLATE_VERSION } from '../../../common/import-columns.js';
import { loadImportRefs } from './load-import-refs.js';

/** The import template with the code lists and the units the actor may import into; the organisation sheets for Sở Nội vụ only. */
export async function getImportTemplate(ctx: UseCaseContext) {
  const refs = await loadImportRefs(ctx.tx, ctx.actor, ctx.today);
  return {
    fileName: `Mẫu nhập dữ liệu cán bộ (${TEMPLATE_VERSION}).xlsx`,
    buffer: await buildImportTemplate(
      refs.lists,
      SHEETS.filter((s) => !s.org || refs.canManageOrg),
      refs.examples,
    ),
  };
}
