import { viDate } from '../../../common/dates.js';
import { CIRCUMSTANCES_CLAUSE, CIRCUMSTANCE_KIND_LABELS } from '../../../common/exclusions.js';
import { circumstanceOn, thirdBirthday, type CircumstanceRecord } from './record/exclusions.js';
import { verdictOf, type Rule } from './types.js';

const until = (c: CircumstanceRecord) => {
  const end = c.kind === 'child_under_36_months' && c.childBirthDate ? thirdBirthday(c.childBirthDate) : null;
  if (end) return `, con sinh ngày ${viDate(c.childBirthDate)}, đủ 36 tháng ngày ${viDate(end)}`;
  return c.toDate ? `, đến ${viDate(c.toDate)}` : '';
};

/**
 * Not treating a serious illness, in long-term study, pregnant, on maternity leave, raising a child under 36
 * months, or in particular family hardship on the reference date (Decree 170/2025 Art. 25 cl. 5, applied to
 * secondment by Art. 26 cl. 7). The three about a child are lifted by the person's consent recorded on or before
 * the date. A child's record without the birth date needs information. As for proceedings, the profile's dated
 * records are the source: none in force passes.
 */
export const circumstancesRule: Rule = (f, ctx) => {
  const on = ctx.referenceDate;
  const states = f.circumstances.map((c) => ({ c, state: circumstanceOn(c, on) }));
  const facts = () => ({ circumstances: states.map(({ c, state }) => ({ ...c, state })) });
  const bars = states.filter((s) => s.state === 'bars').map((s) => s.c);
  if (bars.length > 0) {
    return verdictOf('circumstances', 'fail', CIRCUMSTANCES_CLAUSE, () => ({
      reason: bars.map((c) => `${CIRCUMSTANCE_KIND_LABELS[c.kind]} (từ ${viDate(c.fromDate)}${until(c)})`).join('; '),
      facts: facts(),
    }));
  }
  if (states.some((s) => s.state === 'unknown')) {
    return verdictOf('circumstances', 'unknown', CIRCUMSTANCES_CLAUSE, () => ({
      reason: 'Đang nuôi con nhỏ nhưng chưa ghi ngày sinh của con: chưa xác định được con dưới 36 tháng tuổi',
      facts: facts(),
    }));
  }
  const consented = states.filter((s) => s.state === 'consented').map((s) => s.c);
  if (consented.length > 0) {
    return verdictOf('circumstances', 'pass', CIRCUMSTANCES_CLAUSE, () => ({
      reason: consented.map((c) => `${CIRCUMSTANCE_KIND_LABELS[c.kind]}, đã đồng ý đi tăng cường ngày ${viDate(c.consentOn)}`).join('; '),
      facts: facts(),
    }));
  }
  return verdictOf('circumstances', 'pass', CIRCUMSTANCES_CLAUSE, () => ({
    reason: 'Không có hoàn cảnh thuộc trường hợp chưa cử đi được ghi nhận',
    facts: facts(),
  }));
};
