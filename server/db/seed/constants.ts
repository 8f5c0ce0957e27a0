import { findNationalProvince, type NationalCommune } from '../reference/load.js';

/**
 * The demo's "today". Demo data is generated relative to this fixed date so that the same seed gives the
 * same people (ages, ratings, health-check dates) whenever it runs.
 */
export const DEMO_TODAY = '2026-11-26';

export type { NationalCommune as CommuneJson } from '../reference/load.js';

/** The communes and wards of the demo province (Cần Thơ: 103) from the national list. */
export function loadCommunes(provinceCode = '92'): NationalCommune[] {
  const p = findNationalProvince(provinceCode);
  if (!p) throw new Error(`unknown province code ${provinceCode}`);
  return p.communes;
}

/**
 * The pre-2025 province a pre-2025 commune code belonged to (GSO codes are allocated by province):
 * 92 Cần Thơ, 93 Hậu Giang, 94 Sóc Trăng. Used for the birth-province digits of the ID number.
 */
export function oldProvinceOf(oldCommuneCode: string): '92' | '93' | '94' {
  const n = Number(oldCommuneCode);
  if (n <= 31315) return '92';
  if (n <= 31495) return '93';
  return '94';
}

export const OLD_PROVINCE_NAMES: Record<'92' | '93' | '94', string> = {
  '92': 'thành phố Cần Thơ',
  '93': 'tỉnh Hậu Giang',
  '94': 'tỉnh Sóc Trăng',
};
