import type { ButtonProps } from 'antd';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth-context';
import { downloadFile } from '../../../shared/download';
import { DownloadButton } from '../../../shared/components/download-button';

/**
 * "Danh sách chi trả": the .xlsx of a year's secondments with the one-off allowance (or the Decree 76/2019
 * package), who pays and the extra salary step, with totals. Hidden for those who may not download it.
 */
export function FinanceListButton({ year, ...rest }: { year: number } & Omit<ButtonProps, 'onClick' | 'loading' | 'children'>) {
  const { may } = useAuth();
  if (!may('financeList')) return null;
  return (
    <DownloadButton
      {...rest}
      download={() =>
        downloadFile(api.GET('/api/secondments/entitlements.xlsx', { params: { query: { year } }, parseAs: 'blob' }), `danh-sach-chi-tra-${year}.xlsx`)
      }
    >
      Danh sách chi trả {year}
    </DownloadButton>
  );
}
