import { viDate } from '../../../common/dates.js';
import { PROCEEDINGS_CLAUSE, PROCEEDING_KIND_LABELS } from '../../../common/exclusions.js';
import { openProceedings } from './record/exclusions.js';
import { verdictOf, type Rule } from './types.js';

/**
 * Not within an open discipline case, investigation, prosecution, trial or inspection on the reference date
 * (Law 80/2025/QH15 Art. 38 cl. 2; Decree 170/2025 Art. 25 cl. 5). The profile's dated records are the source:
 * a proceeding is an event someone records when it opens, and having none is the normal case, so no open record
 * passes, saying that nothing is recorded, rather than asking every profile for a negative fact. A case closed on
 * the reference date no longer bars it.
 */
export const proceedingsRule: Rule = (f, ctx) => {
  const open = openProceedings(f.proceedings, ctx.referenceDate);
  const facts = () => ({ proceedings: f.proceedings, openProceedings: open });
  if (open.length > 0) {
    return verdictOf('proceedings', 'fail', PROCEEDINGS_CLAUSE, () => ({
      reason: open
        .map((p) => `${PROCEEDING_KIND_LABELS[p.kind]} (từ ${viDate(p.openedOn)}${p.documentNo ? `, văn bản ${p.documentNo}` : ''}, chưa kết thúc)`)
        .join('; '),
      facts: facts(),
    }));
  }
  return verdictOf('proceedings', 'pass', PROCEEDINGS_CLAUSE, () => ({
    reason: 'Không có vụ việc đang xem xét, điều tra, truy tố, xét xử được ghi nhận',
    facts: facts(),
  }));
};
