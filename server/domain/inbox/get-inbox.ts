import type { Tx } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import type { UseCaseContext } from '../context.js';
import { findInboxPage, type InboxCount } from '../../db/repositories/inbox.repository.js';
import { secondmentsScope } from '../../db/scope.js';
import { toInboxItem, type InboxItem } from './inbox-rules.js';
import { INBOX_KINDS, type InboxKind } from '../../../common/secondment.js';

export interface InboxPageOptions {
  page?: number;
  pageSize?: number;
  kind?: InboxKind;
  /** true: the overdue items only; false: those not yet overdue. */
  overdue?: boolean;
  /** Leave out the items already sent to this user on this channel (the e-mail digest). */
  undeliveredTo?: { userId: string; channel: string };
}

export interface InboxPage {
  today: string;
  /** Every item of the user (whatever the filter), and how many of them are overdue. */
  total: number;
  overdue: number;
  countsByKind: Record<InboxKind, number>;
  /** The items matching the filter (what the pages page through). */
  matching: number;
  page: number;
  pageSize: number;
  items: InboxItem[];
}

function tally(counts: InboxCount[], o: Pick<InboxPageOptions, 'kind' | 'overdue'>) {
  const countsByKind = Object.fromEntries(INBOX_KINDS.map((k) => [k, 0])) as Record<InboxKind, number>;
  let total = 0;
  let overdue = 0;
  let matching = 0;
  for (const c of counts) {
    countsByKind[c.kind] += c.n;
    total += c.n;
    if (c.overdue) overdue += c.n;
    if ((!o.kind || c.kind === o.kind) && (o.overdue === undefined || c.overdue === o.overdue)) matching += c.n;
  }
  return { total, overdue, countsByKind, matching };
}

/**
 * One page of the inbox of a user on a day, with the counts of every item: the rules run in the database, and
 * only the page's items are read and worded.
 */
export async function readInboxPage(tx: Tx, actor: Actor, today: string, o: InboxPageOptions = {}): Promise<InboxPage> {
  const page = o.page ?? 1;
  const pageSize = o.pageSize ?? 20;
  const { rows, counts } = await findInboxPage(tx, {
    actor,
    scope: secondmentsScope(actor),
    today,
    kind: o.kind,
    overdue: o.overdue,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    undeliveredTo: o.undeliveredTo,
  });
  return { today, ...tally(counts, o), page, pageSize, items: rows.map((r) => toInboxItem(r, today)) };
}

/** Every inbox item of a user on a day, read a page at a time (tests and checks; the screens read one page). */
export async function computeInbox(tx: Tx, actor: Actor, today: string, pageSize = 500): Promise<InboxItem[]> {
  const out: InboxItem[] = [];
  for (let page = 1; ; page++) {
    const p = await readInboxPage(tx, actor, today, { page, pageSize });
    out.push(...p.items);
    if (p.items.length < pageSize || out.length >= p.total) return out;
  }
}

/** "Việc cần xử lý": what the user must do now or soon, scoped to what they may see — one page, with the counts. */
export async function getInbox(ctx: UseCaseContext, on?: string, o: Pick<InboxPageOptions, 'page' | 'pageSize' | 'kind' | 'overdue'> = {}): Promise<InboxPage> {
  return readInboxPage(ctx.tx, ctx.actor, on ?? ctx.today, o);
}

/** The header badge: how many items, how many overdue (no item is read). */
export async function countInbox(ctx: UseCaseContext, on?: string) {
  const p = await readInboxPage(ctx.tx, ctx.actor, on ?? ctx.today, { pageSize: 0 });
  return { today: p.today, total: p.total, overdue: p.overdue };
}
