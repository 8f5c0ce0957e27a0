/** Vietnamese names of the fields of a cadre's record and its rows, for forms and the change history. */
export const FIELD_LABELS: Record<string, string> = {
  // identity
  code: 'Mã hồ sơ',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  idNumber: 'Số định danh cá nhân',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  homeTownCode: 'Mã xã quê quán (trước 01/07/2025)',
  homeTownText: 'Quê quán (ghi theo hồ sơ)',
  // sensitive
  ethnicCode: 'Dân tộc',
  religion: 'Tôn giáo',
  healthStatus: 'Tình trạng sức khỏe',
  healthCheckedOn: 'Ngày khám sức khỏe',
  partyJoinedOn: 'Ngày vào Đảng',
  partyOfficialOn: 'Ngày chính thức',
  // employment
  unitId: 'Đơn vị',
  jobPostId: 'Vị trí việc làm',
  positionTitle: 'Chức vụ',
  isLeader: 'Lãnh đạo, quản lý',
  category: 'Loại',
  rankCode: 'Ngạch',
  salaryStep: 'Bậc lương',
  salaryCoefficient: 'Hệ số lương',
  leadershipAllowanceCoef: 'Hệ số phụ cấp chức vụ',
  seniorityAllowancePct: 'Phụ cấp thâm niên vượt khung (%)',
  recruitedOn: 'Ngày tuyển dụng',
  status: 'Trạng thái',
  // qualifications
  generalEducation: 'Giáo dục phổ thông',
  educationLevel: 'Trình độ chuyên môn',
  major: 'Chuyên ngành',
  politicalTheory: 'Lý luận chính trị',
  stateManagement: 'Quản lý nhà nước',
  // rows
  year: 'Năm',
  levelCode: 'Mức xếp loại',
  points: 'Điểm đánh giá',
  note: 'Ghi chú',
  title: 'Chức danh quy hoạch',
  term: 'Nhiệm kỳ',
  decisionNo: 'Số quyết định',
  approvedOn: 'Ngày phê duyệt',
  removedOn: 'Ngày đưa ra khỏi quy hoạch',
  fromDate: 'Từ ngày',
  toDate: 'Đến ngày',
  organisation: 'Cơ quan, đơn vị',
  position: 'Chức danh, chức vụ',
  isGrassroots: 'Công tác ở cơ sở',
  institution: 'Cơ sở đào tạo',
  field: 'Chuyên ngành, nội dung',
  kind: 'Hình thức',
  certificate: 'Văn bằng, chứng chỉ',
  formCode: 'Hình thức kỷ luật',
  decidedOn: 'Ngày quyết định',
  effectiveFrom: 'Ngày có hiệu lực',
  effectiveTo: 'Ngày hết hiệu lực',
  partyDecidedOn: 'Ngày quyết định kỷ luật của Đảng',
  reason: 'Lý do',
  // proceedings and circumstances
  openedOn: 'Ngày bắt đầu',
  closedOn: 'Ngày kết thúc',
  outcome: 'Kết quả',
  documentNo: 'Số văn bản',
  childBirthDate: 'Ngày sinh của con',
  consentOn: 'Đồng ý đi tăng cường (ngày)',
  consentDocumentNo: 'Văn bản thể hiện sự đồng ý',
};

export const fieldLabel = (name: string) => FIELD_LABELS[name] ?? name;

/** What a history entry is about. */
export const ENTITY_LABELS: Record<string, string> = {
  person: 'Hồ sơ',
  annual_rating: 'Xếp loại chất lượng',
  discipline_record: 'Kỷ luật',
  planning_entry: 'Quy hoạch',
  work_history: 'Quá trình công tác',
  training_history: 'Đào tạo, bồi dưỡng',
  person_proceeding: 'Vụ việc (kỷ luật, điều tra, truy tố, xét xử, thanh tra)',
  person_circumstance: 'Hoàn cảnh cá nhân',
};

export const ACTION_LABELS: Record<string, string> = { create: 'Thêm', update: 'Sửa', delete: 'Xóa', close: 'Kết thúc' };
