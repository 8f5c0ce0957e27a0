import { findNationalProvince, type NationalCommune } from '../reference/load.js';
import { provinceIdentity, type ProvinceIdentity } from '../../domain/province/province-identity.js';
import { cityOrgFor, type CityOrg } from './org-data.js';

/**
 * The province the demo is generated for (`DEMO_PROVINCE`, default '92' Cần Thơ), with the words and
 * approximations the generator needs besides the national list. For Cần Thơ they are the ones the demo always
 * had (same seed, same data and ids); for another province they are derived from its entry in the national list.
 */
export interface DemoProvince {
  identity: ProvinceIdentity;
  communes: readonly NationalCommune[];
  /** 'thành phố Cần Thơ', 'tỉnh An Giang': the province in running text. */
  inText: string;
  /** GSO codes of the pre-2025 provinces it was formed from, ascending ('92', '93', '94'). */
  oldProvinces: readonly string[];
  /** The pre-2025 province a pre-2025 commune belonged to (its code). */
  oldProvinceOf(oldCommuneCode: string): string;
  /** The birth province of a person without a known home town, weighted. */
  birthProvinces: readonly (readonly [string, number])[];
  /** The old province whose communes have the largest Khmer minority (Sóc Trăng), if any. */
  khmerProvince: string | null;
  /** Share of Khmer staff in a commune of an old province (grassroots), elsewhere 0.08 in Cần Thơ. */
  khmerShare(oldProvince: string | null, grassroots: boolean): number;
  /** Pre-2025 districts, for work histories before the restructuring. */
  districts: readonly string[];
  /** The province's school of politics, regional academy, universities (training histories). */
  politicalSchool: string;
  politicalAcademy: string;
  university: string;
  medicalUniversity: string;
  /** Homes outside the province ("Xã Long Hồ, tỉnh Vĩnh Long"). */
  outOfProvince: readonly string[];
  /** The city-level departments and agencies, named for the province. */
  cityOrg: CityOrg;
  /** The demo's plan: Plan 131 for Cần Thơ; for another province the same template issued by its People's Committee. */
  plan: { code: string; issuedBy: string };
}

/** GSO codes of the last pre-2025 communes of Cần Thơ (92) and Hậu Giang (93); the rest are Sóc Trăng's (94). */
const CAN_THO_BOUNDS: readonly (readonly [number, string])[] = [
  [31315, '92'],
  [31495, '93'],
];

const CAN_THO_DISTRICTS = [
  'quận Ninh Kiều',
  'quận Bình Thủy',
  'quận Cái Răng',
  'quận Ô Môn',
  'quận Thốt Nốt',
  'huyện Phong Điền',
  'huyện Cờ Đỏ',
  'huyện Thới Lai',
  'huyện Vĩnh Thạnh',
  'thành phố Vị Thanh',
  'thành phố Ngã Bảy',
  'huyện Phụng Hiệp',
  'huyện Châu Thành A',
  'huyện Long Mỹ',
  'thành phố Sóc Trăng',
  'thị xã Vĩnh Châu',
  'thị xã Ngã Năm',
  'huyện Kế Sách',
  'huyện Mỹ Tú',
  'huyện Long Phú',
  'huyện Trần Đề',
  'huyện Cù Lao Dung',
];

const OUT_OF_PROVINCE = [
  'Xã Long Hồ, tỉnh Vĩnh Long',
  'Phường Long Xuyên, tỉnh An Giang',
  'Xã Cái Nước, tỉnh Cà Mau',
  'Phường Bạc Liêu, tỉnh Cà Mau',
  'Xã Tam Nông, tỉnh Đồng Tháp',
  'Phường Mỹ Tho, tỉnh Đồng Tháp',
  'Xã Trà Cú, tỉnh Vĩnh Long',
  'Phường Rạch Giá, tỉnh An Giang',
  'Phường Sài Gòn, Thành phố Hồ Chí Minh',
  'Xã Tân Trụ, tỉnh Tây Ninh',
  'Phường Ba Đình, Thành phố Hà Nội',
  'Phường Hải Châu, Thành phố Đà Nẵng',
];

const shortOf = (name: string) => name.replace(/^(Xã|Phường|Đặc khu) /u, '');

/**
 * Old-province ranges for any province: pre-2025 commune codes were allocated in the order of the old provinces,
 * so the province's old communes sorted by code are split into as many runs of equal length as it had old
 * provinces (exact for the 23 provinces formed from one, an approximation for the merged ones).
 */
function equalRuns(communes: readonly NationalCommune[], olds: readonly string[]): (code: string) => string {
  if (olds.length === 1) return () => olds[0];
  const codes = [...new Set(communes.flatMap((c) => c.formedFrom.map((f) => Number(f.code))))].sort((a, b) => a - b);
  const bounds = olds.slice(0, -1).map((o, i) => [codes[Math.ceil(((i + 1) * codes.length) / olds.length) - 1], o] as const);
  return (code) => bounds.find(([max]) => Number(code) <= max)?.[1] ?? olds[olds.length - 1];
}

/** The regional academy of politics: I Hà Nội (north), III Đà Nẵng (centre and highlands), II Hồ Chí Minh, IV Cần Thơ (Mekong). */
function academyOf(code: string): string {
  const n = Number(code);
  if (n <= 42) return 'Học viện Chính trị khu vực I';
  if (n <= 68) return 'Học viện Chính trị khu vực III';
  if (n >= 82) return 'Học viện Chính trị khu vực IV';
  return 'Học viện Chính trị khu vực II';
}

export function demoProvince(code = '92'): DemoProvince {
  const national = findNationalProvince(code.trim());
  if (!national) throw new Error(`DEMO_PROVINCE: không có tỉnh, thành phố mã "${code}" trong danh mục 34 tỉnh, thành phố`);
  const identity = provinceIdentity(national);
  const inText = `${identity.levelWord} ${identity.placeName}`;
  const oldProvinces = national.formedFrom.map((f) => f.code).sort();
  const outOfProvince = OUT_OF_PROVINCE.filter((x) => !x.endsWith(identity.placeName)).slice(0, 10);
  const otherOldProvinces = national.formedFrom
    .filter((f) => !f.name.endsWith(identity.placeName))
    .map((f) => ({ place: f.name.replace(/^(Tỉnh|Thành phố) /u, ''), inText: f.name.replace(/^Tỉnh /u, 'tỉnh ').replace(/^Thành phố /u, 'thành phố ') }));
  const cityOrg = cityOrgFor({
    code: national.code,
    placeName: identity.placeName,
    levelWord: identity.levelWord,
    otherOldProvinces,
    communeShortNames: national.communes.map((c) => shortOf(c.name)),
  });
  if (national.code === '92') {
    return {
      identity,
      communes: national.communes,
      inText,
      oldProvinces,
      oldProvinceOf: (c) => CAN_THO_BOUNDS.find(([max]) => Number(c) <= max)?.[1] ?? '94',
      birthProvinces: [
        ['92', 50],
        ['93', 20],
        ['94', 30],
      ],
      khmerProvince: '94',
      khmerShare: (old, grassroots) => (grassroots ? (old === '94' ? 0.2 : old === '93' ? 0.05 : 0.02) : 0.08),
      districts: CAN_THO_DISTRICTS,
      politicalSchool: 'Trường Chính trị thành phố Cần Thơ',
      politicalAcademy: 'Học viện Chính trị khu vực IV',
      university: 'Trường Đại học Cần Thơ',
      medicalUniversity: 'Trường Đại học Y Dược Cần Thơ',
      outOfProvince,
      cityOrg,
      plan: { code: '131/KH-UBND', issuedBy: identity.peoplesCommitteeName },
    };
  }
  const north = Number(code) <= 46;
  // the pre-2025 districts are not in the national list: today's communes and wards stand for them, named as
  // districts ("quận Ba Đình", "huyện Sóc Sơn") — an approximation for demo histories
  const districts = national.communes.slice(0, 22).map((c) => `${c.kind === 'phuong' ? 'quận' : 'huyện'} ${shortOf(c.name)}`);
  return {
    identity,
    communes: national.communes,
    inText,
    oldProvinces,
    oldProvinceOf: equalRuns(national.communes, oldProvinces),
    birthProvinces: oldProvinces.map((o) => [o, 1] as const),
    khmerProvince: null,
    khmerShare: () => 0.005,
    districts,
    politicalSchool: `Trường Chính trị ${inText}`,
    politicalAcademy: academyOf(code),
    university: north ? 'Đại học Quốc gia Hà Nội' : 'Đại học Quốc gia Thành phố Hồ Chí Minh',
    medicalUniversity: north ? 'Trường Đại học Y Hà Nội' : 'Trường Đại học Y Dược Thành phố Hồ Chí Minh',
    outOfProvince,
    cityOrg,
    // a number of its own, so that nothing of Cần Thơ's shows in another province's demo
    plan: { code: `${100 + Number(code)}/KH-UBND`, issuedBy: identity.peoplesCommitteeName },
  };
}
