import { vietnamToday } from '../../common/dates.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { useTestDatabase } from '../../test/support/test-database.js';
import { buildFixture, T, type Fixture } from '../../test/support/inbox-fixtures.js';
import { makePerson, makeSession } from '../../test/support/factories.js';
import { createSmtpMailer } from '../mail/mailer.js';
import { findReminderRecipients, queueJobOfDayOnce } from '../db/repositories/inbox.repository.js';
import { sendReminderDigests } from '../domain/inbox/send-reminders.js';
import { JobWorker } from './worker.js';
import { REMINDER_JOB_KIND, reminderJobHandlers } from './reminders-job.js';

/** A mail received by the test SMTP server: envelope recipients and the raw message. */
interface Received {
  to: string[];
  raw: string;
}

const t = useTestDatabase();
let f: Fixture;
let server: SMTPServer;
let port: number;
let hrBUserId: string;
const inbox: Received[] = [];
const logLines: string[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  }),
);

beforeAll(async () => {
  f = await buildFixture(t.get().pool);
  const { pool } = t.get();
  // the unit officer's account is linked to their own personnel record, which carries the address
  const officer = await makePerson(pool, { unitId: f.units.deptB.id, fullName: 'Lê Thị Tổ Chức' });
  await pool.query(`UPDATE people SET email = 'tochuc.b@example.vn' WHERE id = $1`, [officer.id]);
  const hrB = await makeSession(pool, 'unit_hr', { unitId: f.units.deptB.id, personId: officer.id });
  expect(hrB.userId).toBeTruthy();
  hrBUserId = hrB.userId;
  // the Sở Nội vụ account is linked to no personnel record: the administrator gave the account its own address
  await pool.query(`UPDATE users SET email = 'sonoivu@example.vn' WHERE id = $1`, [f.sessions.homeAffairs.userId]);
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

/** Decodes RFC 2047 words (=?UTF-8?B|Q?...?=) of a header. */
function decodeWords(s: string): string {
  return s.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  );
}
function decodeQp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
/** The subject and the plain-text part of a raw message. */
function parse(raw: string): { subject: string; text: string } {
  const subject = decodeWords((/^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '').replace(/\r?\n[ \t]/g, ' '));
  const part = /Content-Type: text\/plain[^]*?Content-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([^]*?)(?:\r?\n--|$)/i.exec(raw);
  if (!part) return { subject, text: '' };
  const [, enc, body] = part;
  const text =
    enc.toLowerCase() === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : enc.toLowerCase() === 'quoted-printable'
        ? decodeQp(body)
        : body;
  return { subject, text };
}

describe('e-mail reminders', () => {
  it('a daily job e-mails each user a Vietnamese digest of their inbox, once', async () => {
    const database = t.get();
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, 'Hệ thống Tăng cường <no-reply@example.vn>');
    const worker = new JobWorker(database, logger, reminderJobHandlers(database, mailer, logger));
    try {
      expect(await queueJobOfDayOnce(database.db, REMINDER_JOB_KIND, T)).toBeTruthy();
      expect(await queueJobOfDayOnce(database.db, REMINDER_JOB_KIND, T)).toBeNull(); // one run a day, whoever asks
      expect(await worker.drain()).toBe(1);
      const job = (await database.pool.query(`SELECT status, result FROM jobs WHERE kind = $1`, [REMINDER_JOB_KIND])).rows[0];
      expect(job.status).toBe('succeeded');
      expect(job.result).toMatchObject({ sent: 3, failed: 0 });

      // the cadre and unit B's officer (address on their personnel record), Sở Nội vụ (the account's own address);
      // the users without an address get nothing
      expect(inbox.map((m) => m.to).sort()).toEqual([['an.nguyen@example.vn'], ['sonoivu@example.vn'], ['tochuc.b@example.vn']]);
      const homeAffairs = parse(inbox.find((m) => m.to[0] === 'sonoivu@example.vn')!.raw);
      expect(homeAffairs.subject).toBe('[Tăng cường] 5 việc cần xử lý, trong đó 3 việc quá hạn');
      expect(homeAffairs.text).toContain('[QUÁ HẠN] Thẩm định đề xuất cử tăng cường — đã chờ 16 ngày (quá 15 ngày)');
      expect(homeAffairs.text).toContain('Đơn vị cử: Sở Thử nghiệm B'); // the whole city, both departments
      expect(homeAffairs.text).toContain('Đơn vị cử: Sở Thử nghiệm A');
      const cadre = parse(inbox.find((m) => m.to[0] === 'an.nguyen@example.vn')!.raw);
      expect(cadre.subject).toBe('[Tăng cường] 2 việc cần xử lý, trong đó 1 việc quá hạn');
      expect(cadre.text).toContain('Kính gửi Người dùng');
      expect(cadre.text).toContain('[QUÁ HẠN] Báo cáo định kỳ kỳ 1 quá hạn nộp (hạn 25/11/2026)');
      expect(cadre.text).toContain('Báo cáo định kỳ kỳ 2 đến hạn nộp ngày 26/11/2026');
      expect(cadre.text).toContain('Cán bộ: Nguyễn Văn An');
      const unit = parse(inbox.find((m) => m.to[0] === 'tochuc.b@example.vn')!.raw);
      expect(unit.text).toContain('Bổ sung, hoàn thiện đề xuất bị trả lại');
      // unit B's officer is never told about unit A's cadres
      expect(unit.text).not.toContain('Nguyễn Văn An');

      // a second run sends nothing new
      const again = await sendReminderDigests(database.db, mailer, { today: T, logger });
      expect(again).toMatchObject({ sent: 0, items: 0 });
      expect(inbox.length).toBe(3);
      const deliveries = (await database.pool.query(`SELECT key, channel FROM reminder_deliveries ORDER BY key`)).rows;
      expect(deliveries.length).toBe(8);
      expect(deliveries.every((d) => d.channel === 'email' && /^[a-z_0-9]+:[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}$/.test(d.key))).toBe(true);

      // the next day the report due today is overdue, the third one comes within 15 days, and unit B's cadre is
      // 90 days from the end: that is news, and only that is sent (the first late report is not repeated)
      const next = await sendReminderDigests(database.db, mailer, { today: '2026-11-27', logger });
      expect(next).toMatchObject({ sent: 3, items: 5 });
      const homeAffairsNext = parse(inbox.slice(3).find((m) => m.to[0] === 'sonoivu@example.vn')!.raw);
      expect(homeAffairsNext.subject).toBe('[Tăng cường] 2 việc cần xử lý, trong đó 1 việc quá hạn');
      expect(homeAffairsNext.text).not.toContain('Thẩm định'); // told yesterday
      const cadreNext = parse(inbox.slice(3).find((m) => m.to[0] === 'an.nguyen@example.vn')!.raw);
      expect(cadreNext.subject).toBe('[Tăng cường] 2 việc cần xử lý, trong đó 1 việc quá hạn');
      expect(cadreNext.text).toContain('[QUÁ HẠN] Báo cáo định kỳ kỳ 2 quá hạn nộp');
      expect(cadreNext.text).toContain('Báo cáo định kỳ kỳ 3 đến hạn nộp ngày 12/12/2026');
      expect(cadreNext.text).not.toContain('kỳ 1');
      expect(parse(inbox.slice(3).find((m) => m.to[0] === 'tochuc.b@example.vn')!.raw).text).toContain('Còn 90 ngày hết thời hạn tăng cường');
    } finally {
      mailer.close();
      await worker.stop();
    }
    // the logs hold counts, never an address or a name
    const logs = logLines.join('');
    expect(logs).toContain('reminder e-mails');
    expect(logs).not.toMatch(/@example\.vn|Nguyễn Văn An|Lê Thị/);
  });

  it('a refused message is not recorded as sent, and the next run tries again', async () => {
    const database = t.get();
    const before = (await database.pool.query(`SELECT count(*)::int AS n FROM reminder_deliveries`)).rows[0].n;
    await database.pool.query(`INSERT INTO secondment_reports (secondment_id, kind, period_no, due_on) VALUES ($1, 'adhoc', NULL, '2026-11-28')`, [f.s.a1.id]);
    const failing = {
      send: async () => Promise.reject(Object.assign(new Error('550 mailbox an.nguyen@example.vn unavailable'), { responseCode: 550 })),
      close() {},
    };
    const r = await sendReminderDigests(database.db, failing, { today: '2026-11-27', logger });
    expect(r.failed).toBe(1);
    expect((await database.pool.query(`SELECT count(*)::int AS n FROM reminder_deliveries`)).rows[0].n).toBe(before);
    expect(logLines.join('')).not.toContain('@example.vn');
  });

  it("the account's own address comes before that of the linked personnel record", async () => {
    const { db, pool } = t.get();
    const addressOf = async (userId: string) => (await findReminderRecipients(db, vietnamToday())).find((u) => u.id === userId)?.email;
    expect(await addressOf(hrBUserId)).toBe('tochuc.b@example.vn');
    await pool.query(`UPDATE users SET email = 'phong.tochuc.b@example.vn' WHERE id = $1`, [hrBUserId]);
    try {
      expect(await addressOf(hrBUserId)).toBe('phong.tochuc.b@example.vn');
    } finally {
      await pool.query(`UPDATE users SET email = NULL WHERE id = $1`, [hrBUserId]);
    }
    expect(await addressOf(hrBUserId)).toBe('tochuc.b@example.vn');
    expect(await addressOf(f.sessions.homeAffairs.userId)).toBe('sonoivu@example.vn');
    expect(await addressOf(f.sessions.authority.userId)).toBeUndefined(); // neither: no reminder
  });
});
