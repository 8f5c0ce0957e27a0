import { definePolicy } from '../access/policy.js';
import { AppError } from '../errors.js';

/**
 * Guidance documents (văn bản hướng dẫn) of Plan 131 IV.3: Sở Nội vụ issues and corrects them; the authority reads
 * every one; a unit or commune reads those addressed to it (or to every unit). Deny by default.
 */
export const guidancePolicy = definePolicy<object, 'edit', 'read' | 'issue'>({
  resource: 'guidance',
  actions: {
    edit: { who: [['home_affairs', 'province']], refused: 'Chỉ Sở Nội vụ được sửa văn bản hướng dẫn.' },
  },
  gates: {
    read: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
        ['host', 'unit'],
      ],
    },
    issue: { who: [['home_affairs', 'province']] },
  },
});

export const staleGuidance = () => new AppError('version_conflict', 'Văn bản hướng dẫn đã được người khác cập nhật. Vui lòng tải lại trước khi thao tác.');
