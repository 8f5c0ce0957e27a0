import type { Tx } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import type { UseCaseContext } from '../context.js';
import { findInboxSecondments, findPendingReports } from '../../db/repositories/reminders.repository.js';
import { secondmentsScope } from '../secondment/secondment.policy.js';
import { todayInVietnam } from '../eligibility/rule-context.js';
import { addDays } from '../rules/dates.js';
import { inboxItemsFor, REPORT_DUE_AHEAD_DAYS, type InboxItem } from './inbox-rules.js';

/** The inbox items of one user on a day (the e-mail job calls this for each recipient). */
export async function computeInbox(tx: Tx, actor: Actor, today: string): Promise<InboxItem[]> {
  const scope = secondmentsScope(actor);
  const [rows, reports] = await Promise.all([
    findInboxSecondments(tx, scope, Number(today.slice(0, 4))),
    findPendingReports(tx, scope, addDays(today, REPORT_DUE_AHEAD_DAYS)),
  ]);
  return inboxItemsFor(actor, rows, reports, today);
}

/** "Việc cần xử lý": what the user must do now or soon, scoped to what they may see. */
export async function getInbox(ctx: UseCaseContext, on?: string) {
  const today = on ?? todayInVietnam();
  const items = await computeInbox(ctx.tx, ctx.actor, today);
  return { today, total: items.length, overdue: items.filter((i) => i.overdue).length, items };
}
