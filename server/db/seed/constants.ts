import { findNationalProvince, type NationalCommune } from '../reference/load.js';

/**
 * The demo's "today". Demo data is generated relative to this fixed date so that the same seed gives the
 * same people (ages, ratings, health-check dates) whenever it runs.
 */
export const DEMO_TODAY = '2026-11-26';

export type { NationalCommune as CommuneJson } from '../reference/load.js';

/** The communes and wards of a province (Cần Thơ, the default demo province: 103) from the national list. */
export function loadCommunes(provinceCode = '92'): NationalCommune[] {
  const p = findNationalProvince(provinceCode);
  if (!p) throw new Error(`unknown province code ${provinceCode}`);
  return p.communes;
}
