import { z } from 'zod';
import { isoDate, pageQuery } from '../../../common/schemas/fields.js';
import { INBOX_KINDS } from '../../../common/secondment.js';
import { inboxCountResponse, inboxPageResponse } from '../../../common/schemas/inbox.js';
import { json, secureRoute } from '../plugins/route.js';
import { inboxPolicy } from '../../domain/inbox/inbox.policy.js';

const tags = ['Việc cần xử lý, nhắc hạn'];

const on = isoDate.optional().describe('Ngày xét (mặc định: hôm nay theo giờ Việt Nam)');

export const getInbox = secureRoute(inboxPolicy.gate('read'), {
  method: 'get',
  path: '/api/inbox',
  tags,
  summary: 'Việc cần xử lý của người dùng (một trang): báo cáo đến hạn, quá hạn; sắp hết thời hạn; đánh giá; bố trí công tác; hồ sơ chờ quá hạn',
  request: {
    query: z.object({
      on,
      ...pageQuery,
      kind: z.enum(INBOX_KINDS).optional().describe('Chỉ loại việc này'),
      overdue: z.enum(['true', 'false']).optional().describe('true: chỉ việc quá hạn; false: chỉ việc chưa quá hạn'),
    }),
  },
  responses: {
    200: json(inboxPageResponse),
  },
});

export const getInboxCount = secureRoute(inboxPolicy.gate('read'), {
  method: 'get',
  path: '/api/inbox/count',
  tags,
  summary: 'Số việc cần xử lý và số việc quá hạn (cho biểu tượng chuông ở đầu trang)',
  request: { query: z.object({ on }) },
  responses: { 200: json(inboxCountResponse) },
});
