import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { claimDeliveries, findReminderRecipients } from '../../db/repositories/inbox.repository.js';
import { mailErrorForLog, type Mailer } from '../../mail/mailer.js';
import { readInboxPage } from './get-inbox.js';
import { composeDigest } from './digest.js';

export const EMAIL_CHANNEL = 'email';
/** At most this many items in one digest; the others are counted ("và N việc khác") and come in the next one. */
export const DIGEST_MAX_ITEMS = 500;

export interface ReminderRunResult {
  recipients: number;
  sent: number;
  items: number;
  failed: number;
}

/**
 * Sends each user with an e-mail address one digest of the inbox items not e-mailed to them before (an item is
 * known by its kind, subject and due date, so a new due date or a step turning overdue is news again). An item
 * is recorded as sent in the same transaction as the sending: when the mail server refuses, nothing is recorded
 * and the next run tries again. A digest lists at most DIGEST_MAX_ITEMS items and counts the others, which are
 * not recorded, so the next run sends them. Logs only counts: never an address or a name.
 */
export async function sendReminderDigests(db: Db, mailer: Mailer, o: { today: string; logger?: Logger; maxItems?: number }): Promise<ReminderRunResult> {
  const today = o.today;
  const maxItems = o.maxItems ?? DIGEST_MAX_ITEMS;
  const recipients = await findReminderRecipients(db, today);
  const result: ReminderRunResult = { recipients: recipients.length, sent: 0, items: 0, failed: 0 };
  for (const u of recipients) {
    const actor: Actor = { userId: u.id, username: u.username, displayName: u.displayName, personId: u.personId, grants: u.grants };
    // only the items not e-mailed before, the first DIGEST_MAX_ITEMS of them in the inbox's order (overdue first)
    const fresh = await readInboxPage(db, actor, today, { pageSize: maxItems, undeliveredTo: { userId: u.id, channel: EMAIL_CHANNEL } });
    if (fresh.items.length === 0) continue;
    try {
      const n = await db.transaction(async (tx) => {
        const claimed = new Set(
          await claimDeliveries(
            tx,
            u.id,
            EMAIL_CHANNEL,
            fresh.items.map((i) => i.key),
          ),
        );
        const mine = fresh.items.filter((i) => claimed.has(i.key));
        if (mine.length === 0) return 0;
        const listedOverdue = fresh.items.filter((i) => i.overdue).length;
        const more = { total: fresh.total - fresh.items.length, overdue: fresh.overdue - listedOverdue };
        await mailer.send({ to: u.email, ...composeDigest(u.displayName, mine, today, more) });
        return mine.length;
      });
      if (n > 0) {
        result.sent++;
        result.items += n;
      }
    } catch (err) {
      result.failed++;
      o.logger?.warn({ mailError: mailErrorForLog(err) }, 'reminder e-mail not sent');
    }
  }
  o.logger?.info({ ...result, today }, 'reminder e-mails');
  return result;
}
