import type { DefaultOptionType } from 'antd/es/select';
import { foldAccents } from './format';

/** Select search that ignores accents and case: "kinh" finds "Kinh", "khome" finds "Khơ-me". */
export const accentInsensitiveSearch = {
  filterOption: (input: string, option?: DefaultOptionType) => foldAccents(String(option?.label ?? '')).includes(foldAccents(input.trim())),
};
