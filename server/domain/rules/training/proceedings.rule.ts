import { viDate } from '../../../../common/dates.js';
import { PROCEEDING_KIND_LABELS, type ProceedingKind } from '../../../../common/exclusions.js';
import { openProceedings } from '../record/exclusions.js';
import type { TrainingRule } from './types.js';

/** What Law 80/2025 Art. 38 cl. 2 names: a discipline being considered, investigation, prosecution, trial (not an inspection). */
const BARRING_TRAINING: readonly ProceedingKind[] = ['discipline_case', 'investigation', 'prosecution', 'trial'];

/**
 * Law 80/2025/QH15 Art. 38 cl. 2: nobody is sent for training — any training, domestic or foreign, degree or
 * short course — while a discipline against them is being considered or while under investigation, prosecution
 * or trial, judged on the course's start date. As in the screening, the profile's dated records are the source:
 * none open passes; a case closed on the start date no longer bars.
 */
export const trainingProceedingsRule: TrainingRule = (p, c) => {
  const clause = 'Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 2';
  const open = openProceedings(p.proceedings, c.startDate).filter((x) => BARRING_TRAINING.includes(x.kind));
  const facts = { proceedings: p.proceedings, openProceedings: open };
  if (open.length > 0) {
    return {
      criterion: 'proceedings',
      result: 'fail',
      clause,
      reason: open.map((x) => `${PROCEEDING_KIND_LABELS[x.kind]} (từ ${viDate(x.openedOn)}, chưa kết thúc vào ngày khai giảng ${viDate(c.startDate)})`).join('; '),
      facts,
    };
  }
  return { criterion: 'proceedings', result: 'pass', clause, reason: 'Không có vụ việc đang xem xét kỷ luật, điều tra, truy tố, xét xử được ghi nhận', facts };
};
