import type { Category, EducationLevel, PoliticalTheory } from '../../../common/enums.js';
import type { DemoProvince } from './demo-province.js';
import { makeEmail, makeName, type PersonName } from './names.js';
import type { SeedUnit } from './org-model.js';
import { addMonths, yearOf, yearsBetween, type Rng } from './random.js';
import { RANK_BY_CODE, type RankDef } from '../reference/reference-data.js';
import { MAJORS_BY_DOMAIN, type Role } from './roles.js';

/** One generated person: the row of `people` plus what the history generator needs. */
export interface Person {
  id: string;
  code: string;
  name: PersonName;
  female: boolean;
  birth: number;
  age: number;
  ethnicCode: string;
  religion: string | null;
  idNumber: string;
  phone: string | null;
  email: string | null;
  homeTownCode: string | null;
  homeTownText: string | null;
  unit: SeedUnit;
  role: Role;
  jobPostId: string | null;
  isLeader: boolean;
  category: Category;
  rank: RankDef;
  salaryStep: number;
  salaryCoefficient: string;
  leadershipAllowanceCoef: string | null;
  seniorityAllowancePct: number | null;
  recruited: number;
  serviceYears: number;
  educationLevel: EducationLevel;
  major: string;
  politicalTheory: PoliticalTheory | null;
  stateManagement: string | null;
  partyJoined: number | null;
  partyOfficial: number | null;
  healthStatus: 'good' | 'fair' | 'poor';
  healthChecked: number | null;
  status: 'active' | 'retired' | 'left';
}

export interface LegacyCommune {
  code: string;
  name: string;
  /** GSO code of its pre-2025 province. */
  province: string;
}

/** Ranks a person needs some years of service to hold, and the rank below (for people too junior). */
const RANK_BELOW: Record<string, [string, number]> = {
  '01.001': ['01.002', 15],
  '01.002': ['01.003', 8],
  '04.024': ['04.025', 8],
  '06.030': ['06.031', 8],
  'V.07.01.02': ['V.07.01.03', 8],
  'V.07.05.13': ['V.07.05.14', 9],
  'V.07.05.14': ['V.07.05.15', 5],
  'V.08.01.01': ['V.08.01.02', 15],
  'V.08.01.02': ['V.08.01.03', 8],
  'V.05.02.06': ['V.05.02.07', 8],
};

function ageRange(role: Role): readonly [number, number] {
  if (role.age) return role.age;
  return [23, 60];
}

function pickEthnic(rng: Rng, unit: SeedUnit, province: DemoProvince): string {
  const khmer = province.khmerShare(unit.oldProvince, unit.isGrassroots);
  const r = rng.next();
  if (r < khmer) return '05';
  if (r < khmer + 0.025) return '04';
  if (r < khmer + 0.028) return '17'; // Chăm
  if (r < khmer + 0.029) return '02'; // Tày
  if (r < khmer + 0.03) return '06'; // Mường
  return '01';
}

function pickReligion(rng: Rng, ethnic: string): string | null {
  if (ethnic === '05') return rng.chance(0.85) ? 'Phật giáo' : null;
  if (ethnic === '04') return rng.chance(0.5) ? 'Phật giáo' : null;
  if (ethnic === '17') return rng.chance(0.8) ? 'Hồi giáo' : null;
  return rng.weighted([
    [null, 80],
    ['Phật giáo', 9],
    ['Phật giáo Hòa Hảo', 4],
    ['Cao Đài', 3.5],
    ['Công giáo', 3],
    ['Tin Lành', 0.5],
  ]);
}

function allowance(unit: SeedUnit, level: number): string | null {
  if (level === 0) return null;
  let v: number;
  if (unit.isGrassroots) v = [0, 0.6, 0.4, 0.3, 0.2, 0.2][level];
  else if (unit.profile === 'dept') v = level === 1 ? 0.9 : 0.7;
  else if (unit.profile === 'office_sub') v = level === 3 ? 0.5 : 0.3;
  else if (unit.profile === 'media_sub') v = level === 3 ? 0.4 : 0.25;
  else if (level <= 2) {
    const top = unit.depth === 1;
    const [h, d] = top ? [0.8, 0.6] : unit.profile === 'hospital' ? [0.8, 0.6] : unit.profile === 'school' ? [0.55, 0.45] : [0.6, 0.4];
    v = level === 1 ? h : d;
  } else v = [0, 0, 0, 0.4, 0.3, 0.2][level];
  return v.toFixed(2);
}

function education(rng: Rng, rank: RankDef, role: Role, unit: SeedUnit): EducationLevel {
  if (rank.grade === 'B' || rank.grade === 'C')
    return rng.weighted([
      ['trung_cap', 65],
      ['cao_dang', 30],
      ['dai_hoc', 5],
    ]);
  if (rank.grade === 'A0')
    return rng.weighted([
      ['cao_dang', 70],
      ['dai_hoc', 30],
    ]);
  const lecturer = role.title === 'Giảng viên' || (role.title.includes('khoa') && unit.profile === 'college');
  const [ts, ths] =
    role.level === 1
      ? [0.1, 0.55]
      : role.level === 2
        ? [0.06, 0.5]
        : lecturer
          ? [0.1, 0.6]
          : role.level === 3
            ? [0.02, 0.35]
            : role.level >= 4
              ? [0.01, 0.25]
              : rank.grade === 'A2' || rank.grade === 'A3'
                ? [0.02, 0.3]
                : [0.003, 0.11];
  const r = rng.next();
  return r < ts ? 'tien_si' : r < ts + ths ? 'thac_si' : 'dai_hoc';
}

function politicalTheory(rng: Rng, role: Role, unit: SeedUnit, isParty: boolean): PoliticalTheory | null {
  switch (role.level) {
    case 1:
      return unit.isGrassroots
        ? rng.weighted([
            ['cao_cap', 50],
            ['trung_cap', 50],
          ])
        : rng.weighted([
            ['cao_cap', 90],
            ['cu_nhan', 10],
          ]);
    case 2:
      return rng.weighted([
        ['cao_cap', 60],
        ['trung_cap', 40],
      ]);
    case 3:
      return rng.weighted([
        ['trung_cap', 70],
        ['cao_cap', 30],
      ]);
    case 4:
      return rng.weighted([
        ['trung_cap', 85],
        ['so_cap', 15],
      ]);
    case 5:
      return rng.weighted([
        ['trung_cap', 50],
        ['so_cap', 50],
      ]);
  }
  if (role.category === 'can_bo') return 'trung_cap';
  if (!isParty) return rng.chance(0.1) ? 'so_cap' : null;
  return rng.weighted([
    ['so_cap', 50],
    ['trung_cap', 15],
    [null, 35],
  ]);
}

function stateManagement(rng: Rng, rank: RankDef, role: Role): string | null {
  const level = role.level;
  // professional viên chức (doctors, teachers, engineers…) seldom hold a state-management certificate
  if (role.category === 'vien_chuc' && level === 0 && !rank.code.startsWith('0')) return rng.chance(0.1) ? 'Chuyên viên' : null;
  if (rank.grade === 'A3') return 'Chuyên viên cao cấp';
  if (rank.grade === 'A2' || level === 1 || level === 2) return rng.chance(0.9) ? 'Chuyên viên chính' : 'Chuyên viên cao cấp';
  if (rank.grade === 'A1') return rng.chance(level > 0 ? 0.95 : 0.65) ? 'Chuyên viên' : null;
  return null;
}

export interface PersonContext {
  today: number;
  legacyAll: readonly LegacyCommune[];
  legacyKhmer: readonly LegacyCommune[];
  province: DemoProvince;
}

/** Generates person number `index` (0-based) holding `role` in `unit`. */
export function makePerson(rng: Rng, ctx: PersonContext, index: number, unit: SeedUnit, role: Role): Person {
  const { today } = ctx;
  const id = rng.uuid();
  const code = 'CB' + String((index * 7919 + 1_000_003) % 10_000_000).padStart(7, '0');
  const female = rng.chance(role.female ?? 0.4);
  const [lo, hi0] = ageRange(role);
  const hi = Math.min(hi0, female ? 56 : 60);
  const age = Math.round(role.age ? rng.normal((lo + hi) / 2, (hi - lo) / 4, lo, hi) : rng.normal(41, 9, 23, hi));
  const birth = rng.day(addMonths(today, -12 * (age + 1)) + 1, addMonths(today, -12 * age));
  const ethnicCode = pickEthnic(rng, unit, ctx.province);
  const name = makeName(rng, female, ethnicCode);

  // recruited at 22–28, at least a few months ago
  const recruitAge = Math.min(rng.real(22, 28), age - 0.3);
  const recruited = Math.min(birth + Math.round(recruitAge * 365.25), today - 60);
  const serviceYears = yearsBetween(recruited, today);

  // rank, step and salary coefficient
  let rankCode = rng.weighted(role.ranks);
  for (let below = RANK_BELOW[rankCode]; below && serviceYears < below[1]; below = RANK_BELOW[rankCode]) rankCode = below[0];
  const rank = RANK_BY_CODE.get(rankCode);
  if (!rank) throw new Error(`unknown rank ${rankCode}`);
  const promoted = RANK_BELOW[rankCode]
    ? Math.min(addMonths(recruited, 12 * Math.min(serviceYears - 1, RANK_BELOW[rankCode][1] + rng.int(0, 6)) + rng.int(0, 11)), today - 30)
    : recruited;
  const yearsInRank = (today - promoted) / 365.25;
  const interval = rank.grade === 'B' || rank.grade === 'C' ? 2 : 3;
  const steps = rank.coefficients.length;
  const salaryStep = Math.min(steps, 1 + Math.floor(yearsInRank / interval));
  const yearsAtLast = yearsInRank - (steps - 1) * interval;
  const seniorityAllowancePct = yearsAtLast >= interval ? 5 + Math.floor(yearsAtLast - interval) : null;

  const isParty = role.level >= 1 && role.level <= 4 ? true : role.category === 'can_bo' || rng.chance(role.level === 5 ? 0.8 : 0.5);
  let partyJoined: number | null = null;
  let partyOfficial: number | null = null;
  if (isParty && age >= 24) {
    const joinAge = rng.real(22, Math.min(38, age - 1.3));
    partyJoined = birth + Math.round(joinAge * 365.25);
    partyOfficial = addMonths(partyJoined, 12);
  }

  // home town: a pre-2025 commune; commune staff are often local people
  let homeTownCode: string | null = null;
  let homeTownText: string | null = null;
  const h = rng.next();
  if (h < 0.05) {
    /* unknown */
  } else if (h < 0.1) {
    homeTownText = rng.pick(ctx.province.outOfProvince);
  } else if (unit.isGrassroots && unit.legacy.length > 0 && rng.chance(0.55)) {
    homeTownCode = rng.pick(unit.legacy).code;
  } else {
    homeTownCode = rng.pick(ethnicCode === '05' && rng.chance(0.8) ? ctx.legacyKhmer : ctx.legacyAll).code;
  }
  const birthProvince = homeTownCode ? ctx.province.oldProvinceOf(homeTownCode) : rng.weighted(ctx.province.birthProvinces);
  const birthYear = yearOf(birth);
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const idNumber =
    '0' + birthProvince + String(centuryDigit) + String(birthYear % 100).padStart(2, '0') + String((index * 7907 + 123_457) % 1_000_000).padStart(6, '0');

  const educationLevel = education(rng, rank, role, unit);
  const majors =
    role.majors ??
    (role.title === 'Giáo viên' || role.title === 'Tổ trưởng chuyên môn'
      ? MAJORS_BY_DOMAIN.education.filter((m) => m.startsWith('Sư phạm') || m === 'Giáo dục thể chất')
      : MAJORS_BY_DOMAIN[unit.domain]);
  const major = educationLevel === 'trung_cap' && !role.majors ? rng.pick(['Văn thư - Lưu trữ', 'Tin học ứng dụng', 'Kế toán']) : rng.pick(majors);

  const hs = rng.next();
  const healthStatus = hs < 0.9 ? 'good' : hs < 0.98 ? 'fair' : 'poor';
  const hc = rng.next();
  const healthChecked = hc < 0.03 ? null : hc < 0.6 ? today - rng.int(15, 180) : today - rng.int(181, 545);

  const st = rng.next();
  const status = st < 0.003 && age >= 55 ? 'retired' : st > 0.998 ? 'left' : 'active';

  return {
    id,
    code,
    name,
    female,
    birth,
    age,
    ethnicCode,
    religion: pickReligion(rng, ethnicCode),
    idNumber,
    phone: rng.chance(0.97) ? '09' + String(rng.int(0, 99_999_999)).padStart(8, '0') : null,
    email: rng.chance(0.4) ? makeEmail(name, unit.top.code, rng.chance(0.2) ? rng.int(1, 99) : 0) : null,
    homeTownCode,
    homeTownText,
    unit,
    role,
    jobPostId: unit.posts.get(role.title) ?? null,
    isLeader: role.level > 0,
    category: role.category,
    rank,
    salaryStep,
    salaryCoefficient: rank.coefficients[salaryStep - 1],
    leadershipAllowanceCoef: allowance(unit, role.level),
    seniorityAllowancePct,
    recruited,
    serviceYears,
    educationLevel,
    major,
    politicalTheory: politicalTheory(rng, role, unit, partyJoined !== null),
    stateManagement: stateManagement(rng, rank, role),
    partyJoined,
    partyOfficial,
    healthStatus,
    healthChecked,
    status,
  };
}
