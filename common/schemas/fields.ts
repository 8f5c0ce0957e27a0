import { z } from 'zod';

/** A calendar date as YYYY-MM-DD that really exists (31/02 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(s + 'T00:00:00Z');
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không tồn tại')
  .refine((s) => s >= '1900-01-01' && s <= '2100-12-31', 'Ngày nằm ngoài khoảng cho phép');

export const uuid = z.uuid('Mã định danh không hợp lệ');
export const shortText = (max = 200) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
export const requiredText = (max = 200) => z.string().trim().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`);

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
