import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { contactInput } from '../../../common/schemas/secondment.js';
import { CONTACT_CHANNEL_LABELS } from '../../../common/secondment.js';
import { insertContact } from '../../db/repositories/secondment.repository.js';
import { invalid } from '../errors.js';
import { recordActivity, loadForStep } from './step.js';

/** The sending unit logs its regular contact with its cadre at the grassroots (Plan 131 IV.1.b, S9). */
export async function logContact(ctx: UseCaseContext, id: string, input: z.infer<typeof contactInput>) {
  const s = await loadForStep(ctx, id, 'log_contact');
  if (input.contactedOn > ctx.today) throw invalid([{ path: 'contactedOn', message: 'Ngày liên hệ không được sau ngày hôm nay' }]);
  const contactId = await insertContact(ctx.tx, {
    secondmentId: s.id,
    contactedOn: input.contactedOn,
    channel: input.channel,
    summary: input.summary,
    followUp: input.followUp ?? null,
    userId: ctx.actor.userId,
    userName: ctx.actor.displayName,
  });
  await recordActivity(ctx, s, 'log_contact', `${CONTACT_CHANNEL_LABELS[input.channel]}: ${input.summary}`, { contactId });
  return { id: contactId };
}
