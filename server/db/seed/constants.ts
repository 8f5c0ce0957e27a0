import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config.js';

/**
 * The demo's "today". Demo data is generated relative to this fixed date so that the same seed gives the
 * same people (ages, ratings, health-check dates) whenever it runs.
 */
export const DEMO_TODAY = '2026-11-26';

export interface CommuneJson {
  code: string;
  name: string;
  kind: 'phuong' | 'xa';
  formedFrom: { code: string; name: string; type: 'full' | 'partial' }[];
}

export interface EthnicGroupJson {
  code: string;
  name: string;
  minority: boolean;
  aliases: string[];
}

function readReference<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(projectRoot(), 'server/db/reference', file), 'utf8')) as T;
}

/** The 103 communes and wards of Cần Thơ from 01/07/2025, with the pre-2025 communes each was formed from. */
export function loadCommunes(): CommuneJson[] {
  return readReference<{ communes: CommuneJson[] }>('can-tho-communes.json').communes;
}

export function loadEthnicGroups(): EthnicGroupJson[] {
  return readReference<{ groups: EthnicGroupJson[] }>('ethnic-groups.json').groups;
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
