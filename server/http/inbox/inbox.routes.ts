import { z } from 'zod';
import { isoDate } from '../../../common/schemas/fields.js';
import { SECONDMENT_STATUSES } from '../../../common/secondment.js';
import { INBOX_KINDS } from '../../domain/reminders/inbox-rules.js';
import { json, secureRoute } from '../plugins/route.js';

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

export const getInbox = secureRoute(['home_affairs', 'authority', 'unit_manager', 'unit_hr', 'host', 'cadre'], {
  method: 'get',
  path: '/api/inbox',
  tags,
  summary: 'Việc cần xử lý của người dùng: báo cáo đến hạn, quá hạn; sắp hết thời hạn; đánh giá; bố trí công tác; hồ sơ chờ quá hạn',
  request: { query: z.object({ on: isoDate.optional().describe('Ngày xét (mặc định: hôm nay theo giờ Việt Nam)') }) },
  responses: {
    200: json(z.object({ today: z.string(), total: z.number(), overdue: z.number(), items: z.array(inboxItem) })),
  },
});
