import type pg from 'pg';
import type { Rng } from './random.js';
import { dayNumber, isoDate } from './random.js';
import { SYSTEM_ACTOR } from '../../domain/access/actor.js';
import { DEMO_DEPARTMENT_CODE, DEMO_HOST_COMMUNE_CODE } from './demo-accounts.js';

type Client = pg.ClientBase;

/**
 * Demo guidance and inspections of Sở Nội vụ (issue 15, Plan 131 IV.3), around `today`: three guidance documents (to
 * every unit, to the demo department, to the communes), and three inspections — the demo department's, concluded,
 * with one recommendation overdue and one answered waiting for Sở Nội vụ; the demo host commune's, concluded, with
 * one accepted and one due within 15 days; and a draft of another department. Deterministic (ids from `rng`).
 */
export async function seedDemoInspections(client: Client, rng: Rng, today: string): Promise<{ guidance: number; inspections: number }> {
  const day = (n: number) => isoDate(dayNumber(today) + n);
  const units = await client.query<{ id: string; code: string; kind: string }>(
    `SELECT id, code, kind FROM org_units WHERE closed_on IS NULL AND parent_id IS NOT NULL AND (code = ANY($1::text[]) OR kind = 'department') ORDER BY code`,
    [[DEMO_DEPARTMENT_CODE, DEMO_HOST_COMMUNE_CODE]],
  );
  const dept = units.rows.find((u) => u.code === DEMO_DEPARTMENT_CODE) ?? units.rows.find((u) => u.kind === 'department');
  const commune =
    units.rows.find((u) => u.code === DEMO_HOST_COMMUNE_CODE) ??
    (await client.query<{ id: string }>(`SELECT id FROM org_units WHERE kind IN ('commune', 'ward') AND closed_on IS NULL ORDER BY code LIMIT 1`)).rows[0];
  const other = units.rows.find((u) => u.kind === 'department' && u.id !== dept?.id);
  if (!dept || !commune) return { guidance: 0, inspections: 0 };
  const by = SYSTEM_ACTOR.userId;

  const guidance = [
    { n: '2150/HD-SNV', on: day(-80), title: 'Hướng dẫn lập hồ sơ, thủ tục cử cán bộ tăng cường về cơ sở năm 2026', units: [] as string[] },
    { n: '2388/HD-SNV', on: day(-45), title: 'Hướng dẫn chế độ báo cáo định kỳ của cán bộ tăng cường và đơn vị cử', units: [dept.id] },
    { n: '2521/SNV-CCVC', on: day(-12), title: 'Đôn đốc nhận xét, đánh giá cán bộ tăng cường năm 2026', units: [commune.id] },
  ];
  for (const g of guidance) {
    await client.query(
      `INSERT INTO guidance_documents (id, number, issued_on, title, unit_ids, issued_by, created_by) VALUES ($1, $2, $3, $4, $5::uuid[], 'Sở Nội vụ', $6)`,
      [rng.uuid(), g.n, g.on, g.title, g.units, by],
    );
  }

  const members = ['Trần Văn Hùng, Phó Giám đốc Sở Nội vụ, Trưởng đoàn', 'Lê Thị Mai, Trưởng phòng Công chức, viên chức', 'Nguyễn Minh Tâm, chuyên viên'];
  const inspections: {
    unitId: string;
    from: string;
    to: string;
    subject: string;
    findings: string;
    conclusion: [string, string] | null;
    recs: { text: string; deadline: string; status: string; answer?: string; answeredOn?: string; acceptedOn?: string }[];
  }[] = [
    {
      unitId: dept.id,
      from: day(-60),
      to: day(-58),
      subject: 'Kiểm tra việc lựa chọn, cử cán bộ tăng cường về cơ sở',
      findings: 'Đơn vị cơ bản thực hiện đúng quy trình; một số hồ sơ thiếu ý kiến của cấp ủy; chưa định kỳ nắm tình hình cán bộ đã cử.',
      conclusion: ['45/KL-SNV', day(-50)],
      recs: [
        { text: 'Bổ sung ý kiến của cấp ủy vào hồ sơ của cán bộ đã cử', deadline: day(-10), status: 'open' },
        {
          text: 'Định kỳ hằng quý trao đổi, nắm tình hình cán bộ tăng cường',
          deadline: day(20),
          status: 'answered',
          answer: 'Đơn vị đã phân công cán bộ tổ chức theo dõi, trao đổi hằng tháng với cán bộ tăng cường',
          answeredOn: day(-3),
        },
      ],
    },
    {
      unitId: commune.id,
      from: day(-40),
      to: day(-39),
      subject: 'Kiểm tra việc tiếp nhận, bố trí và quản lý cán bộ tăng cường',
      findings: 'Xã bố trí cán bộ tăng cường đúng vị trí; chưa có quy chế phối hợp với đơn vị cử.',
      conclusion: ['52/KL-SNV', day(-35)],
      recs: [
        {
          text: 'Bố trí chỗ làm việc cho cán bộ tăng cường',
          deadline: day(-20),
          status: 'accepted',
          answer: 'Đã bố trí phòng làm việc tại trụ sở UBND xã',
          answeredOn: day(-25),
          acceptedOn: day(-22),
        },
        { text: 'Ban hành quy chế phối hợp với đơn vị cử trong quản lý cán bộ tăng cường', deadline: day(10), status: 'open' },
      ],
    },
  ];
  if (other) {
    inspections.push({
      unitId: other.id,
      from: day(-5),
      to: day(-4),
      subject: 'Kiểm tra việc thực hiện chỉ tiêu cử cán bộ tăng cường năm 2026',
      findings: 'Đoàn đang tổng hợp kết quả kiểm tra.',
      conclusion: null,
      recs: [{ text: 'Rà soát, đề xuất đủ số cán bộ theo chỉ tiêu được giao', deadline: day(45), status: 'open' }],
    });
  }
  for (const x of inspections) {
    const id = rng.uuid();
    await client.query(
      `INSERT INTO inspections (id, unit_id, from_on, to_on, members, subject, findings, status, conclusion_no, concluded_on, created_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11)`,
      [id, x.unitId, x.from, x.to, members, x.subject, x.findings, x.conclusion ? 'concluded' : 'draft', x.conclusion?.[0] ?? null, x.conclusion?.[1] ?? null, by],
    );
    let seq = 0;
    for (const r of x.recs) {
      seq += 1;
      await client.query(
        `INSERT INTO inspection_recommendations (id, inspection_id, seq, text, deadline, status, answer, answered_on, accepted_on, answered_by, reviewed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $7::text IS NULL THEN NULL ELSE $10::uuid END, CASE WHEN $9::date IS NULL THEN NULL ELSE $10::uuid END)`,
        [rng.uuid(), id, seq, r.text, r.deadline, r.status, r.answer ?? null, r.answeredOn ?? null, r.acceptedOn ?? null, by],
      );
    }
  }
  return { guidance: guidance.length, inspections: inspections.length };
}
