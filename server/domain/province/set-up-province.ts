import type { UseCaseContext } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { findNationalProvince, loadNationalList } from '../../db/reference/load.js';
import { findProvince, hasOrgUnits, insertCommunes, insertProvince, insertRootUnit, lockProvinceSetup } from '../../db/repositories/province.repository.js';
import { AppError, invalid } from '../errors.js';
import { committeeShortName, provinceIdentity, type ProvinceIdentity } from './province-identity.js';

/** The day the two-level local government and the new communes took effect (Resolution 202/2025/QH15). */
export const COMMUNES_FORMED_ON = '2025-07-01';

/** Code of the root unit of the org tree, the province's People's Committee. */
export const ROOT_UNIT_CODE = 'UBND';

/** One province of the national list as offered for the first setup: what its setup would create. */
export interface NationalProvinceChoice {
  code: string;
  name: string;
  /** The issuing body of its documents, the root of its org tree. */
  peoplesCommitteeName: string;
  /** Communes, wards and special zones in all. */
  communes: number;
  wards: number;
  specialZones: number;
  /** The pre-2025 provinces it was formed from. */
  formedFrom: string[];
}

/** The 34 provinces of the national list, for the first-setup choice. */
export function listNationalProvinces(): NationalProvinceChoice[] {
  return loadNationalList().provinces.map((p) => ({
    code: p.code,
    name: p.name,
    peoplesCommitteeName: provinceIdentity(p).peoplesCommitteeName,
    communes: p.communes.length,
    wards: p.communes.filter((c) => c.kind === 'phuong').length,
    specialZones: p.communes.filter((c) => c.kind === 'dac_khu').length,
    formedFrom: p.formedFrom.map((f) => f.name),
  }));
}

export interface ProvinceSetupResult {
  province: ProvinceIdentity;
  communes: number;
  legacyCommunes: number;
}

/**
 * First setup of an empty database: records the province this deployment serves and creates the root of its
 * organisation (the People's Committee) and its communes and wards from the national list, each with the
 * pre-2025 communes it was formed from. One deployment serves one province: a second setup is refused, and so
 * is a setup on a database that already holds an organisation. All in the caller's transaction.
 */
export async function setUpProvince(ctx: UseCaseContext, code: string): Promise<ProvinceSetupResult> {
  const tx = ctx.tx;
  const national = findNationalProvince(code.trim());
  if (!national) throw invalid([{ path: 'province', message: `Không có tỉnh, thành phố mã "${code}" trong danh mục 34 tỉnh, thành phố từ 01/07/2025` }]);
  await lockProvinceSetup(tx);
  const existing = await findProvince(tx);
  if (existing) throw new AppError('conflict', `Hệ thống đã được thiết lập cho ${existing.name}; mỗi bản cài đặt phục vụ một tỉnh, thành phố.`);
  if (await hasOrgUnits(tx)) throw new AppError('conflict', 'Cơ sở dữ liệu đã có cơ cấu tổ chức; chỉ thiết lập được trên cơ sở dữ liệu trống.');
  const province = provinceIdentity(national);
  await insertProvince(tx, province, ctx.actor.userId);
  const rootId = await insertRootUnit(tx, { code: ROOT_UNIT_CODE, name: province.peoplesCommitteeName, shortName: committeeShortName(province) });
  const communes = await insertCommunes(tx, rootId, national.communes, COMMUNES_FORMED_ON);
  const legacyCommunes = national.communes.reduce((n, c) => n + c.formedFrom.length, 0);
  await recordAudit(tx, ctx, { action: 'create', entityType: 'province_settings', entityId: rootId, after: { ...province, communes, legacyCommunes } });
  return { province, communes, legacyCommunes };
}
