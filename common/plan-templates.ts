import { PLAN_131_PARAMS, type PlanParams } from './plan-params.js';

/**
 * Templates Sở Nội vụ may start a plan from. A template only pre-fills the form (title, parameters); every field
 * stays editable and nothing of it is imposed: the plan as saved is what the province issued.
 */
export interface PlanTemplate {
  /** Stored in plans.template as the plan's origin. */
  id: string;
  /** The button or option text. */
  label: string;
  /** What the template is based on, shown under the option. */
  source: string;
  /** A number/code to suggest ('…/KH-UBND'), for the user to complete. */
  codeHint: string;
  title: string;
  params: PlanParams;
}

const SECONDMENT_TITLE =
  'Kế hoạch tăng cường cán bộ, công chức, viên chức đi công tác ở cơ sở và đào tạo, bồi dưỡng cán bộ, công chức, ' +
  'viên chức tại các cơ quan, đơn vị sau sắp xếp tổ chức bộ máy';

export const PLAN_TEMPLATES = [
  {
    id: 'plan-131',
    label: 'Mẫu Kế hoạch 131/KH-UBND',
    source: 'Kế hoạch số 131/KH-UBND ngày 03/06/2025 của UBND thành phố Cần Thơ: 5 %, ít nhất 36 tháng, báo cáo 6 tháng một lần',
    codeHint: '/KH-UBND',
    title: SECONDMENT_TITLE,
    params: PLAN_131_PARAMS,
  },
  {
    id: 'decree-178',
    label: 'Mẫu tối thiểu theo Nghị định 178/2024/NĐ-CP',
    source:
      'Khoảng 5 % biên chế được giao (Nghị định 178/2024/NĐ-CP, Điều 3 khoản 8), 36 tháng; chưa có lĩnh vực ưu tiên riêng, chức danh chủ chốt: theo danh mục cấp xã (Chỉ thị 45-CT/TW), tỉnh có thể bổ sung',
    codeHint: '/KH-UBND',
    title: SECONDMENT_TITLE,
    params: {
      ...PLAN_131_PARAMS,
      quotaRate: 0.05,
      minSecondmentMonths: 36,
      minServiceLeftMonths: 36,
      // the decree names no priority fields nor key posts: the province lists its own
      priorityFields: ['Kinh tế', 'Luật'],
      nonLocalKeyPosts: [],
    },
  },
] as const satisfies readonly PlanTemplate[];

export type PlanTemplateId = (typeof PLAN_TEMPLATES)[number]['id'];
export const PLAN_TEMPLATE_IDS = PLAN_TEMPLATES.map((t) => t.id) as [PlanTemplateId, ...PlanTemplateId[]];

export const planTemplate = (id: string): PlanTemplate | undefined => PLAN_TEMPLATES.find((t) => t.id === id);
