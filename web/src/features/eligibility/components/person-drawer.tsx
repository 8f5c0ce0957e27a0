import { Drawer } from 'antd';
import type { PersonScreeningOptions } from '../hooks/use-eligibility';
import { EligibilityPanel } from './eligibility-panel';

/** The explanation of one person's verdict beside the screening list. */
export function PersonDrawer({ personId, onClose, ...options }: PersonScreeningOptions & { personId: string | undefined; onClose(): void }) {
  return (
    <Drawer open={!!personId} onClose={onClose} size={780} title="Giải thích kết quả sàng lọc" destroyOnHidden data-testid="person-drawer">
      {personId && <EligibilityPanel personId={personId} showProfileLink {...options} />}
    </Drawer>
  );
}
