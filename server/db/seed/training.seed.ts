import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { vietnamToday, yearOf } from '../../../common/dates.js';
import type { Actor } from '../../domain/access/actor.js';
import { SYSTEM_ACTOR } from '../../domain/access/actor.js';
import { createCourse, type CourseInput } from '../../domain/training/create-course.js';
import { setRegularBudget } from '../../domain/training/set-regular-budget.js';
import { computeSupplementary } from '../../domain/training/compute-supplementary-budget.js';
import { recordNeed } from '../../domain/training/record-need.js';
import { nominate } from '../../domain/training/nominate.js';
import { approveEnrolment } from '../../domain/training/approve-enrolment.js';
import { findUnitByCode } from '../repositories/org.repository.js';
import { DEMO_DEPARTMENT_CODE } from './demo-accounts.js';
import { findProvince } from '../repositories/province.repository.js';
import { demoProvince } from './demo-province.js';

/**
 * Demo training data (issue 6), through the same use cases as the screens: four courses of next year, the regular
 * and supplementary budgets of the demo department and two others, a few needs, nominations and one approval
 * (the demo cadre's). Does nothing when a course exists.
 */
export async function ensureDemoTraining(db: Db, courseYear?: number, today = vietnamToday()): Promise<boolean> {
  const year = courseYear ?? Math.max(2027, yearOf(today) + 1);
  return db.transaction(async (tx) => {
    const existing = await tx.execute(sql`SELECT 1 FROM training_courses LIMIT 1`);
    if (existing.rows.length) return false;
    const dept = await findUnitByCode(tx, DEMO_DEPARTMENT_CODE);
    if (!dept) return false;
    const province = demoProvince((await findProvince(tx))?.code ?? '92');
    const ha: Actor = { ...SYSTEM_ACTOR, grants: [{ role: 'home_affairs', unitId: null }] };
    const hr: Actor = { ...SYSTEM_ACTOR, grants: [{ role: 'unit_hr', unitId: dept.id }] };
    const asHa = { actor: ha, tx, today };
    const asHr = { actor: hr, tx, today };
    const y = (md: string, plus = 0) => `${year + plus}-${md}`;
    const courses: CourseInput[] = [
      {
        title: 'Bồi dưỡng kỹ năng quản lý nhà nước sau sắp xếp tổ chức bộ máy',
        provider: province.politicalSchool,
        location: 'domestic',
        source: 'city_plan',
        kind: 'short_course',
        fields: ['Luật'],
        startDate: y('03-02'),
        endDate: y('03-20'),
        hours: 120,
        capacity: 40,
        costPerParticipantVnd: 4_500_000,
        fundingSource: 'regular',
      },
      {
        title: 'Chuyển đổi số và trí tuệ nhân tạo trong quản lý y tế',
        provider: province.medicalUniversity,
        location: 'domestic',
        source: 'central_programme',
        kind: 'short_course',
        fields: ['Y tế chuyên sâu', 'Công nghiệp công nghệ cao, công nghệ thông tin'],
        startDate: y('04-06'),
        endDate: y('04-24'),
        hours: 80,
        capacity: 30,
        costPerParticipantVnd: 6_800_000,
        fundingSource: 'supplementary',
      },
      {
        title: 'Thạc sĩ Quản lý kinh tế',
        provider: province.university,
        location: 'domestic',
        source: 'city_plan',
        kind: 'master',
        fields: ['Kinh tế'],
        startDate: y('09-01'),
        endDate: y('08-31', 2),
        hours: 900,
        capacity: 15,
        costPerParticipantVnd: 95_000_000,
        fundingSource: 'supplementary',
      },
      {
        title: 'Bồi dưỡng logistics và quản lý chuỗi cung ứng (Singapore)',
        provider: 'Học viện Hành chính và Quản trị công',
        location: 'foreign',
        source: 'central_programme',
        kind: 'short_course',
        fields: ['Logistics'],
        startDate: y('06-08'),
        endDate: y('06-26'),
        hours: 100,
        capacity: 10,
        costPerParticipantVnd: 120_000_000,
        fundingSource: 'supplementary',
      },
    ];
    const ids: string[] = [];
    for (const c of courses) ids.push((await createCourse(asHa, c)).id);
    const units = await tx.execute<{ id: string; code: string }>(sql`SELECT id, code FROM org_units WHERE code IN ('SYT', 'SCT', 'SNNMT')`);
    for (const u of units.rows) {
      await setRegularBudget(asHa, { unitId: u.id, year, amountVnd: u.code === DEMO_DEPARTMENT_CODE ? 300_000_000 : 150_000_000 });
      await computeSupplementary(asHa, { unitId: u.id, year }).catch(() => undefined); // only where the year fits the first year after restructuring
    }
    // the demo cadre, and two colleagues with a need tied to their post, nominated; the cadre approved
    const people = await tx.execute<{ id: string; cadre: boolean }>(sql`SELECT p.id, EXISTS (SELECT 1 FROM users us WHERE us.person_id = p.id) AS cadre
      FROM people p JOIN org_units u ON u.id = p.unit_id
      WHERE u.path @> ARRAY[${dept.id}::uuid] AND p.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM discipline_records d WHERE d.person_id = p.id)
      ORDER BY EXISTS (SELECT 1 FROM users us WHERE us.person_id = p.id) DESC, p.code LIMIT 3`);
    for (const [i, p] of people.rows.entries()) {
      const need = await recordNeed(asHr, {
        unitId: dept.id,
        personId: p.id,
        period: '2026-2030',
        kind: 'short_course',
        fields: i === 0 ? ['Luật'] : ['Y tế chuyên sâu'],
        description: i === 0 ? 'Kỹ năng quản lý nhà nước theo vị trí việc làm sau sắp xếp' : 'Ứng dụng công nghệ trong quản lý y tế',
      });
      const r = await nominate(asHr, { courseId: ids[i === 0 ? 0 : 1], personId: p.id, needId: need.id }).catch(() => null);
      if (r && p.cadre) await approveEnrolment(asHa, r.id, {}).catch(() => undefined);
    }
    await recordNeed(asHr, {
      unitId: dept.id,
      period: '2026-2030',
      kind: 'master',
      fields: ['Kinh tế', 'Y tế chuyên sâu'],
      description: 'Đào tạo thạc sĩ cho lãnh đạo các phòng sau hợp nhất',
      headcount: 4,
    });
    return true;
  });
}
