import {
  CATEGORIES,
  CATEGORY_LABELS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  GENDERS,
  GENDER_LABELS,
  HEALTH_LABELS,
  HEALTH_STATUSES,
  PERSON_STATUSES,
  PERSON_STATUS_LABELS,
  POLITICAL_THEORY,
  POLITICAL_THEORY_LABELS,
} from '../../../../../common/enums';
import type { CadreProfile } from '../../../api/types';
import type { ReferenceLists } from '../../../shared/hooks/use-reference';
import type { FieldSpec, Option } from './field-form';

const opts = <T extends string>(values: readonly T[], labels: Record<T, string>): Option[] => values.map((v) => ({ value: v, label: labels[v] }));

/** The record's editable fields as one flat object named as PATCH /api/cadres/{id} names them. */
export function personValues(p: CadreProfile): Record<string, unknown> {
  const s = p.sensitive;
  return {
    fullName: p.identity.fullName,
    gender: p.identity.gender,
    birthDate: p.identity.birthDate,
    idNumber: p.identity.idNumber,
    phone: p.identity.phone,
    email: p.identity.email,
    homeTownCode: p.identity.homeTownCode,
    homeTownText: p.identity.homeTownText,
    ethnicCode: s?.ethnicCode,
    religion: s?.religion,
    healthStatus: s?.healthStatus,
    healthCheckedOn: s?.healthCheckedOn,
    partyJoinedOn: s?.partyJoinedOn,
    partyOfficialOn: s?.partyOfficialOn,
    unitId: p.employment.unitId,
    jobPostId: p.employment.jobPostId,
    positionTitle: p.employment.positionTitle,
    isLeader: p.employment.isLeader,
    category: p.employment.category,
    rankCode: p.employment.rankCode,
    salaryStep: p.employment.salaryStep,
    salaryCoefficient: p.employment.salaryCoefficient,
    leadershipAllowanceCoef: p.employment.leadershipAllowanceCoef,
    seniorityAllowancePct: p.employment.seniorityAllowancePct,
    recruitedOn: p.employment.recruitedOn,
    status: p.employment.status,
    generalEducation: p.qualifications.generalEducation,
    educationLevel: p.qualifications.educationLevel,
    major: p.qualifications.major,
    politicalTheory: p.qualifications.politicalTheory,
    stateManagement: p.qualifications.stateManagement,
  };
}

export type PersonSection = 'identity' | 'ethnicity' | 'health' | 'party' | 'employment' | 'qualifications';

export const SECTION_TITLES: Record<PersonSection, string> = {
  identity: 'Thông tin chung',
  ethnicity: 'Dân tộc, tôn giáo',
  health: 'Sức khỏe',
  party: 'Đảng',
  employment: 'Công tác',
  qualifications: 'Trình độ',
};

/** The inputs of each section's edit form, with the same rules the API applies (it checks again). */
export function personFields(section: PersonSection, ref: ReferenceLists | undefined, jobPosts?: { options: Option[]; loading: boolean }): FieldSpec[] {
  switch (section) {
    case 'identity':
      return [
        { name: 'fullName', kind: 'text', required: true, maxLength: 120, wide: true },
        { name: 'gender', kind: 'select', required: true, options: opts(GENDERS, GENDER_LABELS) },
        { name: 'birthDate', kind: 'date', required: true },
        { name: 'idNumber', kind: 'text', pattern: { re: /^\d{12}$/, message: 'Số định danh cá nhân gồm 12 chữ số' } },
        { name: 'phone', kind: 'text', pattern: { re: /^0\d{9,10}$/, message: 'Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0' } },
        { name: 'email', kind: 'text', maxLength: 200, pattern: { re: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: 'Thư điện tử không hợp lệ' }, wide: true },
        {
          name: 'homeTownCode',
          kind: 'text',
          pattern: { re: /^\d{5}$/, message: 'Mã xã gồm 5 chữ số' },
          help: 'Mã xã, phường, thị trấn trước khi sắp xếp (01/07/2025)',
        },
        { name: 'homeTownText', kind: 'text', maxLength: 200 },
      ];
    case 'ethnicity':
      return [
        {
          name: 'ethnicCode',
          kind: 'select',
          options: (ref?.ethnicGroups ?? []).map((g) => ({ value: g.code, label: g.name })),
          loading: !ref,
        },
        { name: 'religion', kind: 'text', maxLength: 100, placeholder: 'Không' },
      ];
    case 'health':
      return [
        { name: 'healthStatus', kind: 'select', options: opts(HEALTH_STATUSES, HEALTH_LABELS) },
        { name: 'healthCheckedOn', kind: 'date' },
      ];
    case 'party':
      return [
        { name: 'partyJoinedOn', kind: 'date' },
        { name: 'partyOfficialOn', kind: 'date' },
      ];
    case 'employment':
      return [
        { name: 'unitId', kind: 'unit', required: true, wide: true },
        { name: 'jobPostId', kind: 'select', options: jobPosts?.options ?? [], loading: jobPosts?.loading, wide: true },
        { name: 'positionTitle', kind: 'text', maxLength: 200 },
        { name: 'isLeader', kind: 'switch' },
        { name: 'category', kind: 'select', required: true, options: opts(CATEGORIES, CATEGORY_LABELS) },
        {
          name: 'rankCode',
          kind: 'select',
          options: (ref?.ranks ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
          loading: !ref,
        },
        { name: 'salaryStep', kind: 'int', min: 1, max: 20 },
        { name: 'salaryCoefficient', kind: 'coefficient', placeholder: '2,34' },
        { name: 'leadershipAllowanceCoef', kind: 'coefficient', placeholder: '0,30' },
        { name: 'seniorityAllowancePct', kind: 'int', min: 0, max: 50 },
        { name: 'recruitedOn', kind: 'date' },
        { name: 'status', kind: 'select', required: true, options: opts(PERSON_STATUSES, PERSON_STATUS_LABELS) },
      ];
    case 'qualifications':
      return [
        { name: 'generalEducation', kind: 'text', maxLength: 20, placeholder: '12/12' },
        { name: 'educationLevel', kind: 'select', options: opts(EDUCATION_LEVELS, EDUCATION_LABELS) },
        { name: 'major', kind: 'text', maxLength: 200, wide: true },
        { name: 'politicalTheory', kind: 'select', options: opts(POLITICAL_THEORY, POLITICAL_THEORY_LABELS) },
        { name: 'stateManagement', kind: 'text', maxLength: 100 },
      ];
  }
}
