import type { CopyBatch } from './copy.js';
import type { SeedUnit } from './org-model.js';
import type { Person } from './person.js';
import { addMonths, dayNumber, derivedUuid, hashString, isoDate, Rng, yearOf, yearsBetween } from './random.js';
import { DECREE_172_FROM, DISCIPLINE_FORMS, VIEN_CHUC_LAW_2019_FROM } from '../reference/reference-data.js';
import type { DemoProvince } from './demo-province.js';

/** The child tables of a person: ratings, discipline, planning, work and training history. */
export interface HistoryBatches {
  ratings: CopyBatch;
  discipline: CopyBatch;
  planning: CopyBatch;
  work: CopyBatch;
  training: CopyBatch;
  proceedings: CopyBatch;
  circumstances: CopyBatch;
}

const RATING_YEARS = [2023, 2024, 2025];
type Level = 'HTXS' | 'HTT' | 'HT' | 'KHT';
const STAFF_RATING: readonly (readonly [Level, number])[] = [
  ['HTXS', 11],
  ['HTT', 60],
  ['HT', 26],
  ['KHT', 3],
];
const LEADER_RATING: readonly (readonly [Level, number])[] = [
  ['HTXS', 20],
  ['HTT', 65],
  ['HT', 14],
  ['KHT', 1],
];

const DISCIPLINE_REASONS = [
  'Vi phạm quy định về thời giờ làm việc',
  'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao',
  'Chậm trễ trong giải quyết thủ tục hành chính',
  'Vi phạm quy chế chi tiêu nội bộ',
  'Vi phạm quy định về quản lý, sử dụng tài sản công',
  'Không thực hiện đúng quy trình thẩm định hồ sơ',
];
const BAR_MONTHS = new Map(DISCIPLINE_FORMS.map((f) => [`${f.code}@${f.from}`, f.barMonths]));

const DISTRICT_OFFICES = [
  'Phòng Nội vụ',
  'Phòng Tài chính - Kế hoạch',
  'Văn phòng HĐND và UBND',
  'Phòng Tư pháp',
  'Phòng Kinh tế',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Văn hóa và Thông tin',
];

const lowerPlace = (name: string) =>
  name
    .replace(/^Xã /, 'xã ')
    .replace(/^Phường /, 'phường ')
    .replace(/^Thị trấn /, 'thị trấn ');

const TITLE_PREFIX: readonly (readonly [RegExp, string])[] = [
  [/^(Phó )?Trưởng phòng$/, 'Phòng '],
  [/^(Phó )?Chánh Văn phòng$/, 'Văn phòng'],
  [/^(Phó )?Trưởng ban$/, 'Ban '],
  [/^(Phó )?Chánh Thanh tra$/, 'Thanh tra'],
];

/** "Trưởng phòng" + "Phòng Công chức, viên chức" → "Trưởng phòng Công chức, viên chức". */
export function titleOfUnit(title: string, unitName: string): string {
  for (const [re, prefix] of TITLE_PREFIX) {
    if (re.test(title) && unitName.startsWith(prefix)) return `${title} ${unitName.slice(prefix.length).trim()}`;
  }
  return `${title} ${unitName}`;
}

function planningTitle(p: Person, province: DemoProvince): string | null {
  const u = p.unit;
  const level = p.role.level;
  if (u.isGrassroots) {
    const place = lowerPlace(u.name);
    if (level === 1) return `${p.role.title} ${place}`;
    if (level === 2) return p.role.title === 'Phó Bí thư Đảng ủy' ? `Bí thư Đảng ủy ${place}` : `Chủ tịch UBND ${place}`;
    return `Phó Chủ tịch UBND ${place}`;
  }
  const [head, deputy] = u.headTitles;
  const topDeputy = u.topDef?.head[1] ?? 'Phó Giám đốc';
  if (u.profile === 'dept') {
    if (level === 1) return `Phó Chủ tịch UBND ${province.identity.levelWord}`;
    return titleOfUnit(level === 2 ? head : deputy, u.name);
  }
  if (u.profile === 'office_sub' || u.profile === 'media_sub') {
    if (level === 3) return titleOfUnit(topDeputy, u.top.name);
    const [h, d] = [u.ladder.fixed[0].title, u.ladder.fixed[1].title];
    return `${titleOfUnit(level === 4 ? h : d, u.name)}, ${u.top.name}`;
  }
  if (level === 1) return u.depth === 1 ? null : titleOfUnit(topDeputy, u.top.name);
  return titleOfUnit(level === 2 ? head : deputy, u.name);
}

function ratings(rng: Rng, p: Person, out: CopyBatch, disciplineYear: number | null): void {
  if (rng.chance(0.01)) return; // no rating on file
  const dist = p.isLeader ? LEADER_RATING : STAFF_RATING;
  const base = rng.weighted(dist);
  for (const y of RATING_YEARS) {
    if (p.recruited > dayNumber(`${y}-09-30`)) continue;
    let level = rng.chance(0.65) ? base : rng.weighted(dist);
    if (y === disciplineYear) level = rng.chance(0.7) ? 'HT' : 'KHT';
    out.add([p.id, y, level, null]);
  }
}

function discipline(rng: Rng, p: Person, today: number, out: CopyBatch): number | null {
  if (!rng.chance(0.015)) return null;
  const from = Math.max(dayNumber('2022-01-01'), p.recruited + 365);
  if (from > today - 10) return null;
  const decided = rng.day(from, today - 10);
  const underOld = p.category === 'vien_chuc' ? decided < dayNumber('2026-07-01') : decided < dayNumber(DECREE_172_FROM);
  const regimeFrom = underOld ? (p.category === 'vien_chuc' ? VIEN_CHUC_LAW_2019_FROM : '2020-09-18') : p.category === 'vien_chuc' ? '2026-07-01' : DECREE_172_FROM;
  const forms: [string, number][] = [
    ['KT', 63],
    ['CC', 30],
  ];
  if (p.isLeader) forms.push(['CCH', 4]);
  if (underOld && p.category === 'cong_chuc') forms.push(['HBL', 3], ['GC', p.isLeader ? 3 : 0]);
  const form = rng.weighted(forms);
  const effectiveFrom = decided + rng.int(0, 5);
  const bar = BAR_MONTHS.get(`${form}@${regimeFrom}`) ?? 12;
  // decisions under the newer decrees state the 12-month period; older ones often leave it to the form's bar
  const explicitEnd = !underOld || rng.chance(0.5);
  // a Party member is often disciplined by the Party first; the bar then runs from the Party's decision (Decree 172/2025
  // Art. 2 cl. 9). Drawn from a stream of its own so the rest of the demo does not move.
  const partyRng = new Rng(hashString(p.id) ^ 0x172);
  const partyDecided =
    !explicitEnd && p.partyJoined !== null && p.partyJoined < decided - 60 && partyRng.chance(0.6)
      ? Math.max(p.partyJoined + 30, decided - partyRng.int(7, 45))
      : null;
  out.add([
    rng.uuid(),
    p.id,
    form,
    `${rng.int(5, 350)}/QĐ-${p.unit.decisionCode}`,
    isoDate(decided),
    isoDate(effectiveFrom),
    explicitEnd ? isoDate(addMonths(effectiveFrom, bar) - 1) : null,
    rng.pick(DISCIPLINE_REASONS),
    partyDecided === null ? null : isoDate(partyDecided),
  ]);
  return yearOf(decided);
}

/** State shared across people: planning allows at most 3 people per title and term (Quy định 377-QĐ/TW). */
export interface HistoryState {
  planningCount: Map<string, number>;
  /** Pre-2025 communes, for grassroots stints of city-level cadres. */
  legacyNames: readonly { name: string }[];
  province: DemoProvince;
}
const MAX_PER_TITLE = 3;

function planning(rng: Rng, p: Person, today: number, out: CopyBatch, state: HistoryState): void {
  const leaderPool = p.role.level >= 1 && p.role.level <= 4 && p.age < (p.female ? 53 : 57) && rng.chance(0.62);
  const staffPool = p.role.level === 0 && p.age < 50 && p.serviceYears >= 3 && rng.chance(0.05);
  if (!leaderPool && !staffPool) return;
  const title = planningTitle(p, state.province);
  if (!title) return;
  const newTerm = rng.chance(0.3);
  const key = `${title}|${newTerm}`;
  const taken = state.planningCount.get(key) ?? 0;
  if (taken >= MAX_PER_TITLE) return;
  state.planningCount.set(key, taken + 1);
  const approved = rng.day(dayNumber(newTerm ? '2025-06-01' : '2025-01-15'), Math.min(dayNumber('2025-12-31'), today));
  const decision = p.unit.isGrassroots
    ? `${rng.int(10, 250)}-QĐ/ĐU`
    : p.role.level <= 2 && p.unit.depth === 1
      ? `${rng.int(100, 1500)}-QĐ/TU`
      : `${rng.int(10, 400)}/QĐ-${p.unit.decisionCode}`;
  const removed = rng.chance(0.03) ? isoDate(rng.day(approved + 60, today)) : null;
  out.add([rng.uuid(), p.id, title, newTerm ? '2026-2031' : '2025-2030', decision, isoDate(approved), removed]);
}

function previousOrg(rng: Rng, u: SeedUnit, province: DemoProvince): string {
  const district = rng.pick(province.districts);
  if (u.profile === 'hospital') return `Trung tâm Y tế ${district}`;
  if (u.profile === 'school') return rng.chance(0.5) ? `Trường THCS thuộc ${district}` : `Phòng Giáo dục và Đào tạo ${district}`;
  if (u.profile === 'college')
    return rng.pick(['Trường Trung cấp nghề ' + district.replace(/^(quận|huyện|thị xã|thành phố) /, ''), 'Trung tâm Giáo dục nghề nghiệp ' + district]);
  return `${rng.pick(DISTRICT_OFFICES)} ${district}`;
}

function workHistory(rng: Rng, p: Person, today: number, out: CopyBatch, state: HistoryState): void {
  const u = p.unit;
  const wantsGrassroots = !u.isGrassroots && p.isLeader && rng.chance(0.25);
  let n = Math.min(4, 1 + rng.int(0, Math.floor(p.serviceYears / 5)));
  if (wantsGrassroots) n = Math.max(n, 2);
  if (p.serviceYears < 2) n = 1;
  const lo = p.recruited + 180;
  const hi = today - 120;
  const cuts: number[] = [];
  for (let i = 1; i < n && hi > lo; i++) cuts.push(rng.day(lo, hi));
  cuts.sort((a, b) => a - b);
  const restructured = u.restructuredOn ? dayNumber(u.restructuredOn) : null;
  const before = cuts.length >= 2 ? cuts[cuts.length - 2] : p.recruited;
  // people of a merged unit: the current row starts on the merger, the one before is the old agency
  const mergedIn = restructured !== null && cuts.length > 0 && restructured > before + 30 && restructured < today && rng.chance(0.7);
  if (mergedIn) cuts[cuts.length - 1] = restructured;
  const starts = [p.recruited, ...cuts.filter((c, i, a) => i === 0 || c > a[i - 1])];
  const grassrootsRow = wantsGrassroots && starts.length >= 2 ? rng.int(0, starts.length - 2) : -1;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] - 1 : null;
    let org: string;
    let position: string;
    let grassroots = false;
    if (to === null) {
      org = u.orgLabel;
      position = p.role.title;
      grassroots = u.isGrassroots;
    } else if (i === grassrootsRow) {
      org = `Ủy ban nhân dân ${lowerPlace(rng.pick(state.legacyNames).name)}`;
      position = rng.pick(['Phó Chủ tịch UBND', 'Chủ tịch UBND', 'Công chức Văn phòng - Thống kê', 'Công chức Tư pháp - Hộ tịch', 'Phó Bí thư Đảng ủy']);
      grassroots = true;
    } else if (i === starts.length - 2 && mergedIn) {
      if (u.isGrassroots && u.legacy.length > 0) {
        org = `Ủy ban nhân dân ${lowerPlace(rng.pick(u.legacy).name)}`;
        grassroots = true;
      } else {
        org = u.topDef && u.topDef.predecessors.length > 0 ? rng.pick(u.topDef.predecessors) : u.orgLabel + ' (trước sắp xếp)';
      }
      position = p.role.level > 0 ? p.role.title : rng.pick(['Chuyên viên', p.role.title]);
    } else if (u.isGrassroots && rng.chance(0.6)) {
      org = `Ủy ban nhân dân ${lowerPlace(rng.pick(u.legacy.length > 0 ? u.legacy : state.legacyNames).name)}`;
      position = rng.pick(['Công chức Văn phòng - Thống kê', 'Công chức Địa chính - Xây dựng', 'Công chức Tư pháp - Hộ tịch', 'Cán sự']);
      grassroots = true;
    } else {
      org = previousOrg(rng, u, state.province);
      position = u.profile === 'hospital' ? (p.role.title.includes('Điều dưỡng') ? 'Điều dưỡng' : 'Bác sĩ') : u.profile === 'school' ? 'Giáo viên' : 'Chuyên viên';
    }
    out.add([rng.uuid(), p.id, isoDate(from), to === null ? null : isoDate(to), org, position, grassroots]);
  }
}

function training(rng: Rng, p: Person, today: number, out: CopyBatch, province: DemoProvince): void {
  let rows = 0;
  const add = (from: number, months: number, institution: string, field: string, kind: string, certificate: string | null) => {
    if (rows >= 3 || from >= today - 30) return;
    const to = Math.min(addMonths(from, months), today - 1);
    out.add([rng.uuid(), p.id, isoDate(from), isoDate(to), institution, field, kind, certificate]);
    rows++;
  };
  const careerDay = (minYears: number) => rng.day(addMonths(p.recruited, 12 * minYears), today - 200);
  if (p.educationLevel === 'thac_si' || p.educationLevel === 'tien_si') {
    const inst =
      p.unit.domain === 'health' || p.unit.profile === 'hospital'
        ? province.medicalUniversity
        : rng.pick([province.university, 'Trường Đại học Kinh tế TP. Hồ Chí Minh', 'Học viện Hành chính và Quản trị công', 'Trường Đại học Luật TP. Hồ Chí Minh']);
    const phd = p.educationLevel === 'tien_si';
    add(careerDay(2), phd ? 48 : 24, inst, p.major, 'degree', phd ? 'Bằng tiến sĩ' : 'Bằng thạc sĩ');
  }
  if (p.politicalTheory === 'trung_cap' || p.politicalTheory === 'cao_cap' || p.politicalTheory === 'cu_nhan') {
    const high = p.politicalTheory !== 'trung_cap';
    add(
      careerDay(high ? 8 : 3),
      high ? 12 : 8,
      high ? province.politicalAcademy : province.politicalSchool,
      'Lý luận chính trị',
      'political',
      p.politicalTheory === 'cu_nhan' ? 'Bằng cử nhân chính trị' : high ? 'Bằng cao cấp lý luận chính trị' : 'Bằng trung cấp lý luận chính trị',
    );
  }
  if (p.stateManagement && rng.chance(0.7)) {
    add(
      careerDay(p.stateManagement === 'Chuyên viên' ? 1 : 8),
      2,
      rng.pick(['Học viện Hành chính và Quản trị công', province.politicalSchool]),
      `Bồi dưỡng kiến thức quản lý nhà nước chương trình ${p.stateManagement.toLowerCase()}`,
      'state_management',
      'Chứng chỉ bồi dưỡng',
    );
  }
  if (rng.chance(0.3)) {
    const courses = p.isLeader
      ? ['Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3', 'Bồi dưỡng lãnh đạo, quản lý cấp phòng', 'Bồi dưỡng kỹ năng lãnh đạo trong chuyển đổi số']
      : ['Bồi dưỡng kỹ năng chuyển đổi số', 'Bồi dưỡng nghiệp vụ theo vị trí việc làm', 'Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4'];
    const from = rng.day(Math.max(p.recruited + 200, dayNumber('2021-01-01')), today - 40);
    if (from > p.recruited) add(from, 1, province.politicalSchool, rng.pick(courses), 'short_course', 'Giấy chứng nhận');
  }
  if (p.isLeader && rng.chance(0.03)) {
    add(
      rng.day(dayNumber('2022-03-01'), dayNumber('2025-11-30')),
      1,
      'Trường Công vụ Singapore (Civil Service College)',
      'Quản trị công và phát triển đô thị thông minh',
      'foreign',
      'Certificate of Completion',
    );
  }
}

/**
 * The facts that bar sending (Law 80/2025 Art. 38 cl. 2; Decree 170/2025 Art. 25 cl. 5): a few open discipline cases,
 * inspections and one rare investigation, closed cases of earlier years, and young parents, pregnancies, maternity
 * leave, long-term study, serious illness and family hardship — some with the person's recorded consent. Drawn from a
 * stream of its own (keyed by the person), so the rest of the demo is the same with or without them.
 */
function exclusions(p: Person, today: number, out: HistoryBatches): void {
  const rng = new Rng(hashString(p.id) ^ 0x2026);
  // the stream is keyed by a 32-bit hash, shared by two people in a million: a row's id also names its person
  const newId = () => derivedUuid(p.id, rng.uuid());
  const code = p.unit.decisionCode;
  const doc = (kind: string) => `${rng.int(5, 420)}/${kind}-${code}`;
  const r = rng.next();
  if (r < 0.004) {
    const opened = rng.day(today - 150, today - 7);
    out.proceedings.add([newId(), p.id, 'discipline_case', isoDate(opened), null, null, doc('QĐ'), 'Thành lập Hội đồng kỷ luật, đang xem xét']);
  } else if (r < 0.0055) {
    out.proceedings.add([
      newId(),
      p.id,
      'inspection',
      isoDate(rng.day(today - 120, today - 5)),
      null,
      null,
      doc('QĐ-TTr'),
      'Thanh tra việc thực hiện nhiệm vụ được giao',
    ]);
  } else if (r < 0.006) {
    out.proceedings.add([
      newId(),
      p.id,
      'investigation',
      isoDate(rng.day(today - 200, today - 10)),
      null,
      null,
      null,
      'Cơ quan điều tra thông báo đang xác minh, làm rõ',
    ]);
  } else if (r < 0.012) {
    const opened = rng.day(Math.max(p.recruited + 365, dayNumber('2023-01-01')), today - 120);
    const closed = opened + rng.int(30, 100);
    out.proceedings.add([
      newId(),
      p.id,
      'discipline_case',
      isoDate(opened),
      isoDate(closed),
      'Không xử lý kỷ luật',
      doc('QĐ'),
      'Hội đồng kỷ luật kết luận không xử lý',
    ]);
  }

  const age = yearsBetween(p.birth, today);
  const c = rng.next();
  if (p.female && age >= 23 && age <= 42 && c < 0.07) {
    // a child born in the last 40 months: some have turned three, so the record no longer bars
    const born = rng.day(today - 40 * 30, today - 20);
    const consent = rng.chance(0.25) ? rng.day(Math.max(born + 180, today - 200), today - 1) : null;
    out.circumstances.add([
      newId(),
      p.id,
      'child_under_36_months',
      isoDate(born),
      null,
      isoDate(born),
      consent === null ? null : isoDate(consent),
      consent === null ? null : `Đơn tự nguyện ngày ${isoDate(consent).split('-').reverse().join('/')}`,
      null,
    ]);
  } else if (p.female && age >= 23 && age <= 40 && c < 0.085) {
    const from = rng.day(today - 200, today - 10);
    out.circumstances.add([newId(), p.id, 'pregnancy', isoDate(from), isoDate(addMonths(from, 9)), null, null, null, null]);
  } else if (p.female && age >= 23 && age <= 40 && c < 0.095) {
    const from = rng.day(today - 170, today - 5);
    out.circumstances.add([
      newId(),
      p.id,
      'maternity_leave',
      isoDate(from),
      isoDate(addMonths(from, 6) - 1),
      null,
      null,
      null,
      'Nghỉ thai sản theo Luật Bảo hiểm xã hội',
    ]);
  } else if (c > 0.997) {
    out.circumstances.add([newId(), p.id, 'serious_illness', isoDate(rng.day(today - 300, today - 15)), null, null, null, null, 'Đang điều trị dài ngày']);
  } else if (c > 0.994) {
    out.circumstances.add([
      newId(),
      p.id,
      'family_hardship',
      isoDate(rng.day(today - 400, today - 15)),
      null,
      null,
      null,
      null,
      'Gia đình có người thân ốm đau dài ngày',
    ]);
  } else if (c > 0.99 && age <= 45) {
    const from = rng.day(today - 500, today - 30);
    out.circumstances.add([
      newId(),
      p.id,
      'long_term_study',
      isoDate(from),
      isoDate(addMonths(from, rng.pick([24, 36, 48]))),
      null,
      null,
      null,
      'Được cử đi học tập trung dài hạn',
    ]);
  }
}

/** Adds the history rows of one person. */
export function addHistory(rng: Rng, p: Person, today: number, out: HistoryBatches, state: HistoryState): void {
  const disciplineYear = discipline(rng, p, today, out.discipline);
  ratings(rng, p, out.ratings, disciplineYear);
  planning(rng, p, today, out.planning, state);
  workHistory(rng, p, today, out.work, state);
  training(rng, p, today, out.training, state.province);
  exclusions(p, today, out);
}
