import { z } from 'zod';
import { isoDate, pageQuery } from '../../../common/schemas/fields.js';
import { SECONDMENT_STATUSES } from '../../../common/secondment.js';
import { INBOX_KINDS } from '../../domain/inbox/inbox-rules.js';
import { json, secureRoute } from '../plugins/route.js';
import { inboxPolicy } from '../../domain/inbox/inbox.policy.js';

const tags = ['Việc cần xử lý, nhắc hạn'];

export const inboxItem = z.object({
  key: z.string(),
  kind: z.enum(INBOX_KINDS),
  title: z.string(),
  secondmentId: z.string(),
  subjectId: z.string(),
  status: z.enum(SECONDMENT_STATUSES),
  personId: z.string(),
  personName: z.string(),
  sendingUnitId: z.string(),
  sendingUnitName: z.string(),
  hostUnitId: z.string().nullable(),
  hostUnitName: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  daysLeft: z.number(),
  link: z.string(),
});

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
    200: json(
      z.object({
        today: z.string(),
        total: z.number().describe('Tổng số việc (không theo bộ lọc)'),
        overdue: z.number().describe('Số việc quá hạn (không theo bộ lọc)'),
        countsByKind: z.record(z.enum(INBOX_KINDS), z.number()).describe('Số việc theo loại'),
        matching: z.number().describe('Số việc theo bộ lọc (để phân trang)'),
        page: z.number(),
        pageSize: z.number(),
        items: z.array(inboxItem),
      }),
    ),
  },
});

export const getInboxCount = secureRoute(inboxPolicy.gate('read'), {
  method: 'get',
  path: '/api/inbox/count',
  tags,
  summary: 'Số việc cần xử lý và số việc quá hạn (cho biểu tượng chuông ở đầu trang)',
  request: { query: z.object({ on }) },
  responses: { 200: json(z.object({ today: z.string(), total: z.number(), overdue: z.number() })) },
});
