import type { InboxItem } from './inbox-rules.js';
import { viDate } from '../../../common/dates.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The e-mail digest of a user's new inbox items, in Vietnamese (plain text, with the same as simple HTML). `more`
 * counts the new items not listed (a digest lists a bounded number): the subject counts them, the body says so.
 */
export function composeDigest(displayName: string, items: InboxItem[], today: string, more: { total: number; overdue: number } = { total: 0, overdue: 0 }) {
  const overdue = items.filter((i) => i.overdue).length + more.overdue;
  const subject = `[Tăng cường] ${(items.length + more.total).toLocaleString('vi-VN')} việc cần xử lý${overdue ? `, trong đó ${overdue.toLocaleString('vi-VN')} việc quá hạn` : ''}`;
  const rest =
    more.total > 0
      ? `Và ${more.total.toLocaleString('vi-VN')} việc khác${more.overdue ? ` (trong đó ${more.overdue.toLocaleString('vi-VN')} việc quá hạn)` : ''} chưa liệt kê trong thư này; các việc đó sẽ được nhắc trong thư sau hoặc xem ngay trên hệ thống.`
      : null;
  const where = (i: InboxItem) =>
    [
      i.personName ? `Cán bộ: ${i.personName}` : null,
      `${i.secondmentId ? 'Đơn vị cử' : 'Đơn vị'}: ${i.sendingUnitName}`,
      i.hostUnitName ? `Nơi tăng cường: ${i.hostUnitName}` : null,
    ]
      .filter(Boolean)
      .join(' — ');
  const intro = `Hệ thống quản lý cán bộ tăng cường xin nhắc các việc cần xử lý tính đến ngày ${viDate(today)}:`;
  const outro = ['Vui lòng đăng nhập hệ thống, mục "Việc cần xử lý", để xem chi tiết và xử lý.', 'Thư này do hệ thống gửi tự động, vui lòng không trả lời.'];
  const text = [
    `Kính gửi ${displayName},`,
    '',
    intro,
    '',
    ...items.flatMap((i, n) => [`${n + 1}. ${i.overdue ? '[QUÁ HẠN] ' : ''}${i.title}`, `   ${where(i)}`, `   Hạn: ${viDate(i.dueOn)}`, '']),
    ...(rest ? [rest, ''] : []),
    ...outro,
  ].join('\n');
  const html = [
    `<p>Kính gửi ${escapeHtml(displayName)},</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<ol>',
    ...items.map(
      (i) =>
        `<li>${i.overdue ? '<strong style="color:#a8071a">[QUÁ HẠN]</strong> ' : ''}<strong>${escapeHtml(i.title)}</strong><br>${escapeHtml(where(i))}<br>Hạn: ${viDate(i.dueOn)}</li>`,
    ),
    '</ol>',
    ...(rest ? [`<p><strong>${escapeHtml(rest)}</strong></p>`] : []),
    ...outro.map((l) => `<p>${escapeHtml(l)}</p>`),
  ].join('\n');
  return { subject, text, html };
}
