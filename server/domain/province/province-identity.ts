import type { NationalProvince } from '../../db/reference/load.js';

/** How the province this deployment serves is named in documents. The one home of those names. */
export type ProvinceIdentity = {
  /** GSO code from 01/07/2025 ('92'). */
  code: string;
  /** 'Thành phố Cần Thơ' — as in the national list. */
  name: string;
  /** 'thành phố' or 'tỉnh', for running text ("cấp thành phố", "UBND tỉnh"). */
  levelWord: 'thành phố' | 'tỉnh';
  /** 'Cần Thơ': the place in "Cần Thơ, ngày … tháng … năm …". */
  placeName: string;
  /** 'Ủy ban nhân dân thành phố Cần Thơ': the issuing body of the province's decisions and plans. */
  peoplesCommitteeName: string;
};

/** The identity of a province of the national list: "Thành phố Hà Nội" → thành phố, Hà Nội, UBND thành phố Hà Nội. */
export function provinceIdentity(p: Pick<NationalProvince, 'code' | 'name'>): ProvinceIdentity {
  const m = /^(Thành phố|Tỉnh) (.+)$/u.exec(p.name.normalize('NFC'));
  if (!m) throw new Error(`province name without its level: ${p.name}`);
  const levelWord = m[1] === 'Tỉnh' ? 'tỉnh' : 'thành phố';
  return { code: p.code, name: p.name.normalize('NFC'), levelWord, placeName: m[2], peoplesCommitteeName: `Ủy ban nhân dân ${levelWord} ${m[2]}` };
}

/** "UBND thành phố Cần Thơ": the short form used in tables and the interface. */
export function committeeShortName(p: ProvinceIdentity): string {
  return `UBND ${p.levelWord} ${p.placeName}`;
}

/** Upper case for a document heading, with the Vietnamese locale: "Ủy ban nhân dân thành phố Hà Nội" → "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI". */
export function upperVi(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi-VN');
}
