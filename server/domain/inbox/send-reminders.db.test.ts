import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { buildFixture, T, type Fixture } from '../../../test/support/inbox-fixtures.js';
import { sendReminderDigests } from './send-reminders.js';
import type { Mailer } from '../../mail/mailer.js';

const t = useTestDatabase();
let f: Fixture;

beforeAll(async () => {
  f = await buildFixture(t.get().pool);
  await t.get().pool.query(`UPDATE users SET email = 'sonoivu@example.vn' WHERE id = $1`, [f.sessions.homeAffairs.userId]);
});

describe('a digest with more items than it lists', () => {
  it('lists the first ones, counts the others, and the next runs send those', async () => {
    const { db, pool } = t.get();
    const sent: { subject: string; text: string }[] = [];
    // the cadre (two items) is mailed too: only Sở Nội vụ's mails are looked at
    const mailer: Mailer = {
      send: async (m: { to: string; subject: string; text: string }) => void (m.to === 'sonoivu@example.vn' && sent.push({ subject: m.subject, text: m.text })),
      close() {},
    };
    const run = () => sendReminderDigests(db, mailer, { today: T, maxItems: 2 });
    const deliveries = async () =>
      (await pool.query(`SELECT count(*)::int AS n FROM reminder_deliveries WHERE user_id = $1`, [f.sessions.homeAffairs.userId])).rows[0].n;

    // Sở Nội vụ has 5 items on T, 3 of them overdue (listed first)
    expect(await run()).toMatchObject({ sent: 2, items: 4 });
    expect(sent[0].subject).toBe('[Tăng cường] 5 việc cần xử lý, trong đó 3 việc quá hạn');
    expect(sent[0].text.match(/\[QUÁ HẠN\]/g)?.length).toBe(2);
    expect(sent[0].text).toContain('Và 3 việc khác (trong đó 1 việc quá hạn) chưa liệt kê trong thư này');
    expect(await deliveries()).toBe(2); // only what was listed is recorded

    expect(await run()).toMatchObject({ sent: 1, items: 2 });
    expect(sent[1].subject).toBe('[Tăng cường] 3 việc cần xử lý, trong đó 1 việc quá hạn');
    expect(sent[1].text).toContain('Và 1 việc khác chưa liệt kê');
    expect(await run()).toMatchObject({ sent: 1, items: 1 });
    expect(sent[2].text).not.toContain('việc khác');
    expect(await run()).toMatchObject({ sent: 0, items: 0 });
    expect(await deliveries()).toBe(5);
  });
});
