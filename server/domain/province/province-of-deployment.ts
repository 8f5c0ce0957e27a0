import type { Tx } from '../../db/client.js';
import { findProvince } from '../../db/repositories/province.repository.js';
import { AppError } from '../errors.js';
import type { ProvinceIdentity } from './province-identity.js';

/**
 * The province this deployment serves, for the documents and messages that name it (headers, "Hà Nội, ngày …",
 * signature blocks). Before the first setup there is none: a clear refusal, never another province's name.
 */
export async function provinceOfDeployment(tx: Tx): Promise<ProvinceIdentity> {
  const p = await findProvince(tx);
  if (!p) throw new AppError('conflict', 'Hệ thống chưa được thiết lập cho tỉnh, thành phố nào (lệnh "setup --province MÃ"); chưa thể lập văn bản.');
  return p;
}
