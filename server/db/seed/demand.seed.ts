import type pg from 'pg';
import type { Rng } from './random.js';
import { addMonths, dayNumber, isoDate } from './random.js';
import { SYSTEM_ACTOR } from '../../domain/access/actor.js';
import type { DemandField } from '../../../common/demand.js';
import { DEMO_HOST_COMMUNE_CODE } from './demo-accounts.js';

/**
 * Demo demand (issue 13): the field of every job post (from its title), the staffing norm of the communes' posts
 * (mostly at or above today's holders, some posts short of people; a staff post nobody holds mostly without one), and the needs of most of the communes,
 * consistent with their posts — a need for a short post asks for at most its vacancy — submitted, a share approved
 * into one approved demand round, a few drafts, rejected and withdrawn, so a matching has real work. Deterministic.
 */

type Client = pg.ClientBase;

/** The field of a post from its title (the first pattern that matches), for the demo's posts. */
const FIELD_BY_TITLE: [RegExp, DemandField][] = [
  [/Bí thư Đảng ủy|Chủ tịch UBND|Phó Chủ tịch|Chủ tịch Ủy ban MTTQ|Giám đốc|Chủ tịch HĐND/, 'lanh_dao'],
  [/Công an|Quân sự/, 'quoc_phong_an_ninh'],
  [/Tư pháp|Hộ tịch/, 'tu_phap_ho_tich'],
  [/Địa chính|Đất đai|Tài nguyên/, 'dat_dai_tnmt'],
  [/Tài chính|Kế toán/, 'tai_chinh_ngan_sach'],
  [/Kinh tế|Hạ tầng|Đô thị/, 'kinh_te_dau_tu'],
  [/Văn hóa|Thư viện|Hội |Đoàn Thanh niên|Phóng viên|Biên tập/, 'van_hoa_xa_hoi'],
  [/Cán sự|Phục vụ hành chính công|Kỹ thuật viên/, 'cntt_chuyen_doi_so'],
  [/Điều dưỡng|Dược sĩ|Khoa/, 'y_te'],
  [/Giáo viên|Giảng viên|Tổ trưởng chuyên môn/, 'giao_duc'],
  [/Thanh tra/, 'thanh_tra'],
  [/Kỹ sư/, 'xay_dung_quy_hoach'],
];
export const fieldOfTitle = (title: string): DemandField => FIELD_BY_TITLE.find(([re]) => re.test(title))?.[1] ?? 'quan_ly_chung';

/** What a commune asks for by field when none of its posts fits (no post of that field, or no posts). */
const FIELD_NEEDS: { field: DemandField; title: string; reason: string }[] = [
  {
    field: 'cntt_chuyen_doi_so',
    title: 'Cán bộ chuyển đổi số',
    reason: 'Triển khai chính quyền số, dịch vụ công trực tuyến toàn trình; xã chưa có công chức chuyên trách công nghệ thông tin',
  },
  {
    field: 'dat_dai_tnmt',
    title: 'Cán bộ quản lý đất đai',
    reason: 'Khối lượng hồ sơ đất đai, giải phóng mặt bằng tăng sau sắp xếp; thiếu công chức có chuyên môn quản lý đất đai',
  },
  {
    field: 'tai_chinh_ngan_sach',
    title: 'Cán bộ tài chính - ngân sách',
    reason: 'Xã mới hình thành tiếp nhận ngân sách của các xã cũ; cần cán bộ có kinh nghiệm quản lý tài chính công',
  },
  {
    field: 'xay_dung_quy_hoach',
    title: 'Cán bộ quy hoạch - xây dựng',
    reason: 'Lập và quản lý quy hoạch chung của xã sau sáp nhập; thiếu cán bộ chuyên môn xây dựng',
  },
  { field: 'y_te', title: 'Cán bộ y tế dự phòng', reason: 'Trạm y tế thiếu nhân lực sau khi chuyển giao về xã quản lý' },
  {
    field: 'giao_duc',
    title: 'Cán bộ quản lý giáo dục',
    reason: 'Xã được giao quản lý các trường mầm non, tiểu học, trung học cơ sở; chưa có cán bộ theo dõi lĩnh vực giáo dục',
  },
  { field: 'nong_nghiep', title: 'Cán bộ khuyến nông', reason: 'Chuyển đổi cơ cấu cây trồng, vật nuôi; cần cán bộ có chuyên môn nông nghiệp hỗ trợ hợp tác xã' },
];

const POST_REASONS: Partial<Record<DemandField, string>> = {
  lanh_dao: 'Chức danh chủ chốt còn khuyết sau sắp xếp; đề nghị tăng cường cán bộ có năng lực, không phải người địa phương',
  tu_phap_ho_tich: 'Số việc hộ tịch, chứng thực tăng mạnh khi hợp nhất các xã; công chức tư pháp hiện có không đáp ứng',
  dat_dai_tnmt: 'Tồn đọng hồ sơ cấp giấy chứng nhận quyền sử dụng đất; thiếu công chức địa chính theo định mức',
  tai_chinh_ngan_sach: 'Thiếu công chức tài chính - kế toán theo định mức vị trí việc làm; khối lượng quyết toán ngân sách lớn',
  kinh_te_dau_tu: 'Phòng Kinh tế thiếu người theo đề án vị trí việc làm; nhiều dự án đầu tư công đang triển khai',
  van_hoa_xa_hoi: 'Thiếu công chức văn hóa - xã hội để thực hiện chính sách an sinh xã hội trên địa bàn rộng',
  cntt_chuyen_doi_so: 'Trung tâm phục vụ hành chính công thiếu người vận hành hệ thống một cửa điện tử',
  quoc_phong_an_ninh: 'Địa bàn rộng sau hợp nhất; cần tăng cường lực lượng bảo đảm an ninh, trật tự ở cơ sở',
  quan_ly_chung: 'Văn phòng thiếu người theo định mức vị trí việc làm sau sắp xếp',
};

interface PostRow {
  id: string;
  unitId: string;
  title: string;
  isLeadership: boolean;
  holders: number;
  minEducation: string | null;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: string | null;
  standards: string | null;
}

export async function seedDemoDemand(client: Client, rng: Rng, today: string): Promise<{ needs: number; communes: number }> {
  // the field of every post, from its title
  const titles = await client.query<{ title: string }>('SELECT DISTINCT title FROM job_posts ORDER BY title');
  const fields = titles.rows.map((r) => ({ title: r.title, field: fieldOfTitle(r.title) }));
  await client.query(`UPDATE job_posts j SET field = x.field FROM json_to_recordset($1::json) AS x(title text, field text) WHERE j.title = x.title`, [
    JSON.stringify(fields),
  ]);

  // the communes' posts with their holders today (own active staff on the post + cadres seconded in under the post's title)
  const posts = await client.query<PostRow>(`SELECT j.id, j.unit_id AS "unitId", j.title, j.is_leadership AS "isLeadership",
      (SELECT count(*)::int FROM people p WHERE p.job_post_id = j.id AND p.unit_id = j.unit_id AND p.status = 'active')
        + (SELECT count(*)::int FROM secondments s WHERE s.host_unit_id = j.unit_id AND s.status = 'active' AND lower(trim(s.host_role)) = lower(trim(j.title))) AS holders,
      j.min_education AS "minEducation", j.required_rank_grade AS "requiredRankGrade", j.required_political_theory AS "requiredPoliticalTheory", j.standards
    FROM job_posts j JOIN org_units u ON u.id = j.unit_id
    WHERE u.kind IN ('commune', 'ward') AND u.closed_on IS NULL ORDER BY u.code, j.title, j.id`);
  const normRng = rng.fork('norm');
  const norms: { id: string; norm: number | null }[] = [];
  const vacancy = new Map<string, number>();
  for (const p of posts.rows) {
    let norm: number | null;
    // a leadership post is for one person (a second deputy now and then): vacant, it is short
    if (p.isLeadership) norm = Math.max(p.holders, 1) + (normRng.chance(0.1) ? 1 : 0);
    // a staff post nobody holds: now and then one short, mostly not yet set in the commune's job-post scheme
    else if (p.holders === 0) norm = normRng.chance(0.3) ? 1 : null;
    else {
      const r = normRng.next();
      norm = r < 0.06 && p.holders > 1 ? p.holders - 1 : r < 0.6 ? p.holders : r < 0.9 ? p.holders + 1 : p.holders + 2;
    }
    norms.push({ id: p.id, norm });
    vacancy.set(p.id, norm === null ? 0 : Math.max(norm - p.holders, 0));
  }
  await client.query(`UPDATE job_posts j SET norm = x.norm FROM json_to_recordset($1::json) AS x(id uuid, norm int) WHERE j.id = x.id`, [JSON.stringify(norms)]);

  // one approved demand round
  const roundId = rng.uuid();
  const approvedOn = isoDate(dayNumber(today) - 40);
  await client.query(
    `INSERT INTO demand_rounds (id, name, status, approved_on, decision_no, note, created_by, approved_by, created_at, updated_at, version)
     VALUES ($1, $2, 'approved', $3, $4, $5, $6, $6, $7, $7, 3)`,
    [
      roundId,
      'Đợt 1 năm 2026: nhu cầu tăng cường cán bộ về xã, phường',
      approvedOn,
      `${Number(approvedOn.slice(5, 7)) * 7 + 100}/QĐ-SNV`,
      'Tổng hợp từ đề nghị của các xã, phường sau sắp xếp đơn vị hành chính',
      SYSTEM_ACTOR.userId,
      `${approvedOn}T09:00:00+07:00`,
    ],
  );

  const byUnit = new Map<string, PostRow[]>();
  for (const p of posts.rows) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  const communes = await client.query<{ id: string; code: string }>(
    `SELECT id, code FROM org_units WHERE kind IN ('commune', 'ward') AND closed_on IS NULL ORDER BY code`,
  );
  const needRng = rng.fork('needs');
  const rows: Record<string, unknown>[] = [];
  let withNeeds = 0;
  const from = ['2026-12-01', '2027-01-01', '2027-03-01'];
  for (const c of communes.rows) {
    // a few communes declare nothing (never the demo host commune: its account has needs to show)
    if (needRng.chance(0.12) && c.code !== DEMO_HOST_COMMUNE_CODE) continue;
    withNeeds++;
    const own = byUnit.get(c.id) ?? [];
    const short = own.filter((p) => (vacancy.get(p.id) ?? 0) > 0).sort((a, b) => vacancy.get(b.id)! - vacancy.get(a.id)! || a.id.localeCompare(b.id));
    const picks: { post: PostRow | null; field: DemandField; title: string | null; count: number; reason: string }[] = [];
    for (const p of short.slice(0, needRng.int(1, 2))) {
      const field = fieldOfTitle(p.title);
      picks.push({
        post: p,
        field,
        title: null,
        count: Math.min(vacancy.get(p.id)!, needRng.int(1, 3)),
        reason: POST_REASONS[field] ?? POST_REASONS.quan_ly_chung!,
      });
    }
    if (picks.length === 0 || needRng.chance(0.4)) {
      const f = FIELD_NEEDS[needRng.int(0, FIELD_NEEDS.length - 1)];
      picks.push({ post: null, field: f.field, title: f.title, count: needRng.int(1, 2), reason: f.reason });
    }
    for (const k of picks) {
      const r = needRng.next();
      const status = r < 0.45 ? 'approved' : r < 0.85 ? 'submitted' : r < 0.92 ? 'draft' : r < 0.96 ? 'rejected' : 'withdrawn';
      const approvedCount = status === 'approved' ? (k.count > 1 && needRng.chance(0.3) ? k.count - 1 : k.count) : null;
      const inRound = status === 'approved' && needRng.chance(0.9);
      const wantedFrom = from[needRng.int(0, from.length - 1)];
      const createdAt = `${isoDate(dayNumber(approvedOn) - needRng.int(10, 60))}T0${needRng.int(7, 9)}:30:00+07:00`;
      rows.push({
        id: needRng.uuid(),
        unit_id: c.id,
        job_post_id: k.post?.id ?? null,
        field: k.field,
        post_title: k.title,
        count: k.count,
        urgency: k.post && (vacancy.get(k.post.id) ?? 0) >= 2 ? 'high' : needRng.chance(0.3) ? 'high' : needRng.chance(0.7) ? 'normal' : 'low',
        wanted_from: wantedFrom,
        wanted_until: isoDate(addMonths(dayNumber(wantedFrom), 36)),
        min_education: k.post?.minEducation ?? 'dai_hoc',
        required_rank_grade: k.post?.requiredRankGrade ?? null,
        required_political_theory: k.post?.requiredPoliticalTheory ?? null,
        standards: k.post?.standards ?? null,
        reason: k.reason,
        status,
        approved_count: approvedCount,
        review_note: status === 'rejected' ? 'Đề nghị xã bố trí, điều động nội bộ trước khi đề nghị tăng cường' : null,
        round_id: inRound ? roundId : null,
        created_by: SYSTEM_ACTOR.userId,
        created_at: createdAt,
        updated_at: createdAt,
        version: status === 'draft' ? 1 : status === 'submitted' ? 2 : inRound ? 4 : 3,
      });
    }
  }
  await client.query(`INSERT INTO commune_needs SELECT * FROM json_populate_recordset(NULL::commune_needs, $1::json)`, [JSON.stringify(rows)]);
  return { needs: rows.length, communes: withNeeds };
}
