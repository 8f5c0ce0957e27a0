import { CIRCUMSTANCE_KIND_LABELS, PROCEEDING_KIND_LABELS } from './exclusions.js';
import { NEED_COUNT_MAX, NEED_COUNT_MIN, NEED_URGENCY_LABELS, REASON_MAX } from './demand.js';
/**
 * The one list of Excel columns: the import template, the cadre export and the import itself read it, so an
 * exported file imports back unchanged. Headers are matched after trim, NFC and lower-casing.
 */
import {
  UNIT_KIND_LABELS,
  CATEGORY_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  HEALTH_LABELS,
  PERSON_STATUS_LABELS,
  POLITICAL_THEORY_LABELS,
  TRAINING_KIND_LABELS,
} from './enums.js';

/** Written in the hidden `_meta` sheet; a file of another version is refused with a clear message. */
export const TEMPLATE_VERSION = 'TC-NHAP-2026.1';
export const META_SHEET = '_meta';
export const CODE_LIST_SHEET = 'Danh mục';

export type ColumnType = 'text' | 'date' | 'int' | 'decimal' | 'bool' | 'enum' | 'ref' | 'info';
/** Code lists resolved by the server (names, aliases or codes accepted). */
export type RefList = 'ethnic' | 'rank' | 'unit' | 'homeTown' | 'ratingLevel' | 'disciplineForm';

export interface SheetColumn {
  key: string;
  header: string;
  type: ColumnType;
  /** A value is required in every row (and the header must be present). */
  required?: boolean;
  max?: number;
  min?: number;
  pattern?: RegExp;
  patternMessage?: string;
  labels?: Record<string, string>;
  ref?: RefList;
  sensitive?: boolean;
  width: number;
  /**
   * The example row's value. Where an example names a place (home town, workplace, school of politics) the
   * template uses the province's own (server/domain/imports/template-examples.ts) and this one otherwise.
   */
  example: string | number | boolean | null;
  /** Stored when the cell is empty (columns that may not be null). */
  emptyValue?: string | boolean;
  /** Other spellings accepted for an enum's codes (labelKey-compared), besides its labels and codes. */
  aliases?: Record<string, string>;
}

/** Sheets checked and applied set-based through the staging tables (personnel records, staffing). */
export type StagedSheetKind = 'cadres' | 'staffing' | 'ratings' | 'discipline' | 'planning' | 'workHistory' | 'trainingHistory' | 'proceedings' | 'circumstances';
/**
 * The sheets Sở Nội vụ alone imports, not staged but kept as they are and planned row by row: the organisation (a
 * tree, applied unit by unit with its dated events) and the communes' needs ("Nhu cầu tăng cường").
 */
export type OrgSheetKind = 'orgUnits' | 'jobPosts' | 'needs';
export type SheetKind = StagedSheetKind | OrgSheetKind;

export interface SheetDef {
  kind: SheetKind;
  name: string;
  /** Keys of the columns that identify a row (upsert key), besides the cadre code for child sheets. */
  naturalKey: string[];
  sensitive?: boolean;
  /** An organisation or needs sheet (Sở Nội vụ's, not staged; see OrgSheetKind). */
  org?: boolean;
  columns: SheetColumn[];
}

const BOOL_LABELS = { true: 'Có', false: 'Không' };
const code = (header = 'Mã cán bộ'): SheetColumn => ({
  key: 'code',
  header,
  type: 'text',
  required: true,
  max: 20,
  pattern: /^[A-Za-z0-9._-]+$/,
  patternMessage: 'Mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang',
  width: 14,
  example: 'CB000001',
});
const nameInfo: SheetColumn = { key: 'fullNameInfo', header: 'Họ và tên (để đối chiếu)', type: 'info', width: 26, example: 'Nguyễn Văn An' };

export const SHEETS: readonly SheetDef[] = [
  {
    kind: 'cadres',
    name: 'Cán bộ',
    naturalKey: ['code'],
    columns: [
      code(),
      { key: 'fullName', header: 'Họ và tên', type: 'text', required: true, max: 120, width: 26, example: 'Nguyễn Văn An' },
      { key: 'gender', header: 'Giới tính', type: 'enum', required: true, labels: GENDER_LABELS, width: 10, example: 'Nam' },
      { key: 'birthDate', header: 'Ngày sinh', type: 'date', required: true, width: 12, example: '15/03/1985' },
      { key: 'unitCode', header: 'Mã đơn vị', type: 'ref', ref: 'unit', required: true, width: 14, example: 'SYT' },
      { key: 'unitNameInfo', header: 'Tên đơn vị (để đối chiếu)', type: 'info', width: 30, example: 'Sở Y tế' },
      { key: 'category', header: 'Đối tượng', type: 'enum', required: true, labels: CATEGORY_LABELS, width: 12, example: 'Công chức' },
      { key: 'positionTitle', header: 'Chức vụ', type: 'text', max: 200, width: 22, example: 'Phó Trưởng phòng' },
      { key: 'isLeader', header: 'Là lãnh đạo', type: 'bool', labels: BOOL_LABELS, width: 10, example: 'Có', emptyValue: false },
      { key: 'rankCode', header: 'Mã ngạch / chức danh nghề nghiệp', type: 'ref', ref: 'rank', width: 14, example: '01.003' },
      { key: 'salaryStep', header: 'Bậc lương', type: 'int', min: 1, max: 20, width: 9, example: 3 },
      { key: 'salaryCoefficient', header: 'Hệ số lương', type: 'decimal', min: 0, max: 99.99, width: 10, example: '3.00' },
      { key: 'leadershipAllowanceCoef', header: 'Hệ số phụ cấp chức vụ', type: 'decimal', min: 0, max: 99.99, width: 10, example: '0.20' },
      { key: 'seniorityAllowancePct', header: 'Phụ cấp thâm niên vượt khung (%)', type: 'int', min: 0, max: 50, width: 10, example: null },
      { key: 'recruitedOn', header: 'Ngày tuyển dụng', type: 'date', width: 12, example: '01/09/2008' },
      {
        key: 'idNumber',
        header: 'Số định danh cá nhân',
        type: 'text',
        pattern: /^\d{12}$/,
        patternMessage: 'Số định danh cá nhân gồm 12 chữ số',
        width: 16,
        example: '092085001234',
      },
      {
        key: 'phone',
        header: 'Điện thoại',
        type: 'text',
        pattern: /^0\d{9,10}$/,
        patternMessage: 'Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0',
        width: 13,
        example: '0912345678',
      },
      {
        key: 'email',
        header: 'Thư điện tử',
        type: 'text',
        max: 200,
        pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
        patternMessage: 'Thư điện tử không hợp lệ',
        width: 24,
        example: 'an.nv@cantho.gov.vn',
      },
      { key: 'homeTownCode', header: 'Quê quán (xã, phường trước 01/07/2025)', type: 'ref', ref: 'homeTown', width: 30, example: null },
      { key: 'homeTownText', header: 'Quê quán (ghi đầy đủ)', type: 'text', max: 200, width: 30, example: null },
      { key: 'generalEducation', header: 'Giáo dục phổ thông', type: 'text', max: 20, width: 10, example: '12/12' },
      { key: 'educationLevel', header: 'Trình độ chuyên môn', type: 'enum', labels: EDUCATION_LABELS, width: 12, example: 'Đại học' },
      { key: 'major', header: 'Chuyên ngành', type: 'text', max: 200, width: 22, example: 'Luật' },
      { key: 'politicalTheory', header: 'Lý luận chính trị', type: 'enum', labels: POLITICAL_THEORY_LABELS, width: 12, example: 'Trung cấp' },
      { key: 'stateManagement', header: 'Quản lý nhà nước', type: 'text', max: 100, width: 16, example: 'Chuyên viên chính' },
      { key: 'status', header: 'Trạng thái', type: 'enum', labels: PERSON_STATUS_LABELS, width: 14, example: 'Đang công tác', emptyValue: 'active' },
      { key: 'ethnicCode', header: 'Dân tộc', type: 'ref', ref: 'ethnic', sensitive: true, width: 10, example: 'Kinh' },
      { key: 'religion', header: 'Tôn giáo', type: 'text', max: 100, sensitive: true, width: 10, example: 'Không' },
      { key: 'partyJoinedOn', header: 'Ngày vào Đảng', type: 'date', sensitive: true, width: 12, example: '03/02/2010' },
      { key: 'partyOfficialOn', header: 'Ngày chính thức', type: 'date', sensitive: true, width: 12, example: '03/02/2011' },
      { key: 'healthStatus', header: 'Tình trạng sức khỏe', type: 'enum', labels: HEALTH_LABELS, sensitive: true, width: 10, example: 'Tốt' },
      { key: 'healthCheckedOn', header: 'Ngày khám sức khỏe', type: 'date', sensitive: true, width: 12, example: '10/01/2026' },
    ],
  },
  {
    kind: 'staffing',
    name: 'Đơn vị - Biên chế',
    naturalKey: ['unitCode', 'year'],
    columns: [
      { key: 'unitCode', header: 'Mã đơn vị', type: 'ref', ref: 'unit', required: true, width: 14, example: 'SYT' },
      { key: 'unitNameInfo', header: 'Tên đơn vị (để đối chiếu)', type: 'info', width: 30, example: 'Sở Y tế' },
      { key: 'year', header: 'Năm', type: 'int', required: true, min: 2000, max: 2100, width: 8, example: 2026 },
      { key: 'assignedStaffing', header: 'Biên chế được giao', type: 'int', required: true, min: 0, max: 100000, width: 12, example: 120 },
      { key: 'decisionNo', header: 'Số quyết định giao biên chế', type: 'text', max: 50, width: 20, example: '12/QĐ-UBND' },
    ],
  },
  {
    kind: 'ratings',
    name: 'Xếp loại',
    naturalKey: ['year'],
    columns: [
      code(),
      nameInfo,
      { key: 'year', header: 'Năm', type: 'int', required: true, min: 2000, max: 2100, width: 8, example: 2025 },
      // may be left empty when the points are given: the level is derived from them
      { key: 'levelCode', header: 'Mức xếp loại', type: 'ref', ref: 'ratingLevel', width: 30, example: 'Hoàn thành tốt nhiệm vụ' },
      {
        key: 'points',
        header: 'Điểm (Nghị định 335/2025)',
        type: 'decimal',
        min: 0,
        max: 100,
        patternMessage: 'Điểm dạng 85 hoặc 85,5 (từ 0 đến 100)',
        width: 12,
        example: null,
      },
      { key: 'note', header: 'Ghi chú', type: 'text', max: 500, width: 24, example: null },
    ],
  },
  {
    kind: 'discipline',
    name: 'Kỷ luật',
    naturalKey: ['decidedOn', 'formCode'],
    sensitive: true,
    columns: [
      code(),
      nameInfo,
      { key: 'formCode', header: 'Hình thức kỷ luật', type: 'ref', ref: 'disciplineForm', required: true, width: 16, example: 'Khiển trách' },
      { key: 'decisionNo', header: 'Số quyết định', type: 'text', max: 50, width: 16, example: '05/QĐ-SYT' },
      { key: 'decidedOn', header: 'Ngày quyết định', type: 'date', required: true, width: 12, example: '01/10/2025' },
      { key: 'effectiveFrom', header: 'Ngày có hiệu lực', type: 'date', required: true, width: 12, example: '01/10/2025' },
      { key: 'effectiveTo', header: 'Ngày hết hiệu lực', type: 'date', width: 12, example: '30/09/2026' },
      // Decree 172/2025 Art. 2 cl. 9: with a Party decision, the bar runs from its date
      { key: 'partyDecidedOn', header: 'Ngày quyết định kỷ luật của Đảng', type: 'date', width: 14, example: null },
      { key: 'reason', header: 'Lý do', type: 'text', max: 1000, width: 30, example: null },
    ],
  },
  {
    kind: 'planning',
    name: 'Quy hoạch',
    naturalKey: ['title', 'term'],
    columns: [
      code(),
      nameInfo,
      { key: 'title', header: 'Chức danh quy hoạch', type: 'text', required: true, max: 200, width: 26, example: 'Giám đốc Sở' },
      {
        key: 'term',
        header: 'Nhiệm kỳ',
        type: 'text',
        required: true,
        pattern: /^\d{4}-\d{4}$/,
        patternMessage: 'Nhiệm kỳ dạng 2025-2030',
        width: 11,
        example: '2025-2030',
      },
      { key: 'decisionNo', header: 'Số quyết định', type: 'text', max: 50, width: 16, example: '15-QĐ/TU' },
      { key: 'approvedOn', header: 'Ngày phê duyệt', type: 'date', required: true, width: 12, example: '15/12/2025' },
      { key: 'removedOn', header: 'Ngày đưa ra khỏi quy hoạch', type: 'date', width: 12, example: null },
    ],
  },
  {
    kind: 'workHistory',
    name: 'Quá trình công tác',
    naturalKey: ['fromDate', 'organisation'],
    columns: [
      code(),
      nameInfo,
      { key: 'fromDate', header: 'Từ ngày', type: 'date', required: true, width: 12, example: '01/09/2008' },
      { key: 'toDate', header: 'Đến ngày', type: 'date', width: 12, example: '31/12/2015' },
      { key: 'organisation', header: 'Cơ quan, đơn vị', type: 'text', required: true, max: 300, width: 30, example: 'Ủy ban nhân dân xã' },
      { key: 'position', header: 'Chức vụ, công việc', type: 'text', max: 200, width: 22, example: 'Công chức Văn phòng - Thống kê' },
      { key: 'isGrassroots', header: 'Công tác ở cơ sở', type: 'bool', labels: BOOL_LABELS, width: 10, example: 'Có', emptyValue: false },
    ],
  },
  {
    kind: 'trainingHistory',
    name: 'Đào tạo, bồi dưỡng',
    naturalKey: ['fromDate', 'institution', 'field'],
    columns: [
      code(),
      nameInfo,
      { key: 'fromDate', header: 'Từ ngày', type: 'date', required: true, width: 12, example: '01/03/2019' },
      { key: 'toDate', header: 'Đến ngày', type: 'date', width: 12, example: '30/06/2019' },
      { key: 'institution', header: 'Cơ sở đào tạo, bồi dưỡng', type: 'text', required: true, max: 300, width: 30, example: 'Trường Chính trị tỉnh' },
      { key: 'field', header: 'Chuyên ngành, nội dung', type: 'text', required: true, max: 200, width: 24, example: 'Trung cấp lý luận chính trị - hành chính' },
      { key: 'kind', header: 'Hình thức', type: 'enum', required: true, labels: TRAINING_KIND_LABELS, width: 18, example: 'Lý luận chính trị' },
      { key: 'certificate', header: 'Văn bằng, chứng chỉ', type: 'text', max: 200, width: 18, example: 'Bằng tốt nghiệp' },
    ],
  },
  {
    kind: 'proceedings',
    name: 'Vụ việc',
    naturalKey: ['kind', 'openedOn'],
    sensitive: true,
    columns: [
      code(),
      nameInfo,
      { key: 'kind', header: 'Vụ việc', type: 'enum', required: true, labels: PROCEEDING_KIND_LABELS, width: 24, example: 'Đang xem xét kỷ luật' },
      { key: 'openedOn', header: 'Ngày bắt đầu', type: 'date', required: true, width: 12, example: '01/10/2026' },
      { key: 'closedOn', header: 'Ngày kết thúc', type: 'date', width: 12, example: null },
      { key: 'outcome', header: 'Kết quả', type: 'text', max: 1000, width: 24, example: null },
      { key: 'documentNo', header: 'Số văn bản', type: 'text', max: 50, width: 16, example: '15/TB-UBKT' },
      { key: 'note', header: 'Ghi chú', type: 'text', max: 1000, width: 24, example: null },
    ],
  },
  {
    kind: 'circumstances',
    name: 'Hoàn cảnh',
    naturalKey: ['kind', 'fromDate'],
    sensitive: true,
    columns: [
      code(),
      nameInfo,
      { key: 'kind', header: 'Hoàn cảnh', type: 'enum', required: true, labels: CIRCUMSTANCE_KIND_LABELS, width: 30, example: 'Đang nuôi con dưới 36 tháng tuổi' },
      { key: 'fromDate', header: 'Từ ngày', type: 'date', required: true, width: 12, example: '15/03/2025' },
      { key: 'toDate', header: 'Đến ngày', type: 'date', width: 12, example: null },
      { key: 'childBirthDate', header: 'Ngày sinh của con', type: 'date', width: 12, example: '15/03/2025' },
      { key: 'consentOn', header: 'Đồng ý đi tăng cường (ngày)', type: 'date', width: 14, example: null },
      { key: 'consentDocumentNo', header: 'Văn bản đồng ý', type: 'text', max: 50, width: 16, example: null },
      { key: 'note', header: 'Ghi chú', type: 'text', max: 1000, width: 24, example: null },
    ],
  },
  {
    kind: 'orgUnits',
    name: 'Tổ chức bộ máy',
    naturalKey: ['code'],
    org: true,
    columns: [
      { ...code('Mã đơn vị'), example: 'STC' },
      { key: 'name', header: 'Tên đơn vị', type: 'text', required: true, max: 300, width: 34, example: 'Sở Tài chính' },
      { key: 'shortName', header: 'Tên viết tắt', type: 'text', max: 100, width: 12, example: 'STC' },
      {
        key: 'kind',
        header: 'Loại',
        type: 'enum',
        required: true,
        labels: {
          department: UNIT_KIND_LABELS.department,
          sub_unit: UNIT_KIND_LABELS.sub_unit,
          public_service_unit: UNIT_KIND_LABELS.public_service_unit,
          commune: UNIT_KIND_LABELS.commune,
          ward: UNIT_KIND_LABELS.ward,
        },
        aliases: {
          Sở: 'department',
          'Ban ngành': 'department',
          'Sở/ban ngành': 'department',
          'Sở, ban ngành': 'department',
          'Phòng, ban thuộc': 'sub_unit',
          'Phòng/ban thuộc': 'sub_unit',
          Phòng: 'sub_unit',
          'Đơn vị sự nghiệp': 'public_service_unit',
        },
        width: 22,
        example: UNIT_KIND_LABELS.department,
      },
      {
        key: 'parentCode',
        header: 'Mã đơn vị cấp trên',
        type: 'text',
        max: 20,
        pattern: /^[A-Za-z0-9._-]+$/,
        patternMessage: 'Mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang',
        width: 14,
        example: null,
      },
      { key: 'restructuredOn', header: 'Ngày sắp xếp', type: 'date', width: 12, example: '01/03/2025' },
      { key: 'isEspeciallyDisadvantaged', header: 'Xã ĐBKK', type: 'bool', labels: BOOL_LABELS, width: 9, example: null },
      { key: 'year', header: 'Năm biên chế', type: 'int', min: 2000, max: 2100, width: 9, example: 2026 },
      { key: 'assignedStaffing', header: 'Biên chế được giao', type: 'int', min: 0, max: 100000, width: 12, example: 120 },
      { key: 'decisionNo', header: 'Số quyết định giao biên chế', type: 'text', max: 50, width: 20, example: '12/QĐ-UBND' },
    ],
  },
  {
    kind: 'jobPosts',
    name: 'Vị trí việc làm',
    naturalKey: ['code', 'title'],
    org: true,
    columns: [
      { ...code('Mã đơn vị'), example: 'STC' },
      { key: 'title', header: 'Tên vị trí việc làm', type: 'text', required: true, max: 300, width: 34, example: 'Chuyên viên quản lý ngân sách' },
      { key: 'isLeadership', header: 'Lãnh đạo, quản lý', type: 'bool', labels: BOOL_LABELS, width: 10, example: 'Không', emptyValue: false },
      { key: 'isKeyPost', header: 'Vị trí trọng yếu', type: 'bool', labels: BOOL_LABELS, width: 10, example: 'Không', emptyValue: false },
      { key: 'minEducation', header: 'Trình độ tối thiểu', type: 'enum', labels: EDUCATION_LABELS, width: 12, example: 'Đại học' },
      {
        key: 'requiredRankGrade',
        header: 'Ngạch/hạng yêu cầu',
        type: 'enum',
        labels: { A3: 'A3', A2: 'A2', A1: 'A1', A0: 'A0', B: 'B', C: 'C' },
        width: 10,
        example: 'A1',
      },
      { key: 'requiredPoliticalTheory', header: 'Lý luận chính trị', type: 'enum', labels: POLITICAL_THEORY_LABELS, width: 12, example: 'Trung cấp' },
      { key: 'standards', header: 'Tiêu chuẩn', type: 'text', max: 4000, width: 40, example: 'Tốt nghiệp đại học chuyên ngành tài chính trở lên' },
    ],
  },
  {
    kind: 'needs',
    name: 'Nhu cầu tăng cường',
    naturalKey: ['code', 'postOrField'],
    org: true,
    columns: [
      { ...code('Mã xã, phường'), example: '31117' },
      { key: 'postOrField', header: 'Vị trí việc làm hoặc lĩnh vực', type: 'text', required: true, max: 300, width: 34, example: 'Công chức Địa chính - Xây dựng' },
      { key: 'count', header: 'Số người', type: 'int', required: true, min: NEED_COUNT_MIN, max: NEED_COUNT_MAX, width: 9, example: 2 },
      { key: 'urgency', header: 'Mức độ', type: 'enum', labels: NEED_URGENCY_LABELS, width: 12, example: NEED_URGENCY_LABELS.high, emptyValue: 'normal' },
      { key: 'wantedFrom', header: 'Cần từ ngày', type: 'date', width: 12, example: '01/01/2027' },
      { key: 'wantedUntil', header: 'Đến ngày', type: 'date', width: 12, example: '31/12/2029' },
      {
        key: 'reason',
        header: 'Lý do',
        type: 'text',
        required: true,
        max: REASON_MAX,
        width: 50,
        example: 'Thiếu công chức địa chính theo định mức vị trí việc làm',
      },
    ],
  },
];

export const SHEET_BY_KIND = Object.fromEntries(SHEETS.map((s) => [s.kind, s])) as Record<SheetKind, SheetDef>;
export const CADRE_SHEET = SHEET_BY_KIND.cadres;
/** The sheets that go through the staging tables. */
export const STAGED_SHEETS = SHEETS.filter((s) => !s.org);
export const isOrgSheet = (kind: SheetKind): kind is OrgSheetKind => SHEET_BY_KIND[kind].org === true;

/** Header text as it is compared: trimmed, NFC, single spaces, lower case. */
export const headerKey = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Example values of the template that name a place, by `<sheet kind>.<column key>` (see SheetColumn.example). */
export type TemplateExamples = Partial<Record<`${SheetKind}.${string}`, string>>;

/** The example a column shows in the template: the province's where it has one, else the static one. */
export function exampleOf(kind: SheetKind, col: Pick<SheetColumn, 'key' | 'example'>, examples: TemplateExamples): SheetColumn['example'] {
  return examples[`${kind}.${col.key}`] ?? col.example;
}
