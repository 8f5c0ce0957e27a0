import type { TablePaginationConfig } from 'antd';
import { formatNumber } from './format';
import { PAGE_SIZES } from './hooks/use-url-filters';

/** The pager of a list whose page lives in the address: "1–20 trong tổng số 134 <noun>". */
export function listPagination(f: { page?: number; pageSize?: number }, total: number | undefined, noun: string): TablePaginationConfig {
  return {
    current: f.page,
    pageSize: f.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (all, [from, to]) => `${formatNumber(from)}–${formatNumber(to)} trong tổng số ${formatNumber(all)} ${noun}`,
  };
}
