import type { TemplateExamples } from '../../../common/import-columns.js';
import type { ProvinceIdentity } from '../province/province-identity.js';

/**
 * The example row's place names taken from the province this deployment serves, so that a user in Hà Nội sees a
 * commune of Hà Nội: the first of its pre-2025 communes as home town and workplace, its school of politics.
 * Empty before the first setup (the static examples of common/import-columns.ts apply).
 */
export function provinceExamples(province: ProvinceIdentity | null, firstOldCommune: { code: string; name: string } | null): TemplateExamples {
  if (!province) return {};
  const examples: TemplateExamples = { 'trainingHistory.institution': `Trường Chính trị ${province.levelWord} ${province.placeName}` };
  if (firstOldCommune) {
    examples['cadres.homeTownCode'] = `${firstOldCommune.code} - ${firstOldCommune.name}`;
    examples['cadres.homeTownText'] = `${firstOldCommune.name}, ${province.name}`;
    // "Phường Ba Đình" → "UBND phường Ba Đình"
    examples['workHistory.organisation'] = `UBND ${firstOldCommune.name.charAt(0).toLowerCase()}${firstOldCommune.name.slice(1)}`;
  }
  return examples;
}
