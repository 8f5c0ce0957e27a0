/**
 * The city-level organisation of Cần Thơ after the 2025 restructuring, as static data: the departments of
 * Decree 45/2025/NĐ-CP and the other city agencies, their internal units (phòng, chi cục) and the public
 * service units (hospitals, schools, centres). Codes are short ASCII; sub-unit codes are prefixed by their
 * parent's code. This is demo data: names are real or realistic, the exact list of phòng is illustrative.
 */

/** The field of work of a city-level unit: drives majors, ranks and job-post titles of its staff. */
export type Domain =
  | 'office'
  | 'home_affairs'
  | 'justice'
  | 'finance'
  | 'industry'
  | 'agri_env'
  | 'construction'
  | 'science'
  | 'culture'
  | 'education'
  | 'health'
  | 'inspection'
  | 'ethnic'
  | 'foreign'
  | 'industrial_zone'
  | 'council'
  | 'media'
  | 'vocational'
  | 'research'
  | 'investment'
  | 'projects';

export type PsuType = 'hospital' | 'school' | 'college' | 'media' | 'centre';

export interface ChildDef {
  code: string;
  name: string;
  /** Public service units only. */
  type?: PsuType;
}

export interface CityUnitDef {
  code: string;
  name: string;
  shortName: string;
  kind: 'department' | 'public_service_unit';
  domain: Domain;
  /** Title of the head and of a deputy. */
  head: readonly [string, string];
  restructuredOn: string | null;
  /** Organisations merged into this one (for work histories before the restructuring). */
  predecessors: readonly string[];
  subUnits: readonly ChildDef[];
  psus: readonly ChildDef[];
  /** For a top-level public service unit. */
  psuType?: PsuType;
}

const GD: readonly [string, string] = ['Giám đốc', 'Phó Giám đốc'];
const VP = (code: string, name = 'Văn phòng Sở'): ChildDef => ({ code: code + '-VP', name });
const sub = (parent: string, suffix: string, name: string): ChildDef => ({ code: `${parent}-${suffix}`, name });
const psu = (parent: string, suffix: string, name: string, type: PsuType): ChildDef => ({ code: `${parent}-${suffix}`, name, type });

const dept = (d: Omit<CityUnitDef, 'kind' | 'head' | 'psus' | 'predecessors'> & Partial<CityUnitDef>): CityUnitDef => ({
  kind: 'department',
  head: GD,
  psus: [],
  predecessors: [],
  ...d,
});
const topPsu = (d: Omit<CityUnitDef, 'kind' | 'head' | 'psus' | 'subUnits' | 'predecessors'> & Partial<CityUnitDef>): CityUnitDef => ({
  kind: 'public_service_unit',
  head: GD,
  psus: [],
  subUnits: [],
  predecessors: [],
  ...d,
});

export const CITY_UNITS: readonly CityUnitDef[] = [
  dept({
    code: 'VPUB',
    name: 'Văn phòng Ủy ban nhân dân thành phố',
    shortName: 'Văn phòng UBND',
    domain: 'office',
    head: ['Chánh Văn phòng', 'Phó Chánh Văn phòng'],
    restructuredOn: '2025-07-01',
    predecessors: ['Văn phòng UBND tỉnh Hậu Giang', 'Văn phòng UBND tỉnh Sóc Trăng'],
    subUnits: [
      sub('VPUB', 'HCTC', 'Phòng Hành chính - Tổ chức'),
      sub('VPUB', 'KT', 'Phòng Kinh tế'),
      sub('VPUB', 'KGVX', 'Phòng Khoa giáo - Văn xã'),
      sub('VPUB', 'NC', 'Phòng Nội chính'),
      sub('VPUB', 'TH', 'Phòng Tổng hợp'),
      sub('VPUB', 'BTCD', 'Ban Tiếp công dân'),
    ],
  }),
  dept({
    code: 'SNV',
    name: 'Sở Nội vụ',
    shortName: 'Sở Nội vụ',
    domain: 'home_affairs',
    restructuredOn: '2025-03-01',
    predecessors: ['Sở Lao động - Thương binh và Xã hội thành phố Cần Thơ', 'Sở Nội vụ tỉnh Hậu Giang', 'Sở Nội vụ tỉnh Sóc Trăng'],
    subUnits: [
      VP('SNV'),
      sub('SNV', 'TCBC', 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ'),
      sub('SNV', 'CCVC', 'Phòng Công chức, viên chức'),
      sub('SNV', 'XDCQ', 'Phòng Xây dựng chính quyền và công tác thanh niên'),
      sub('SNV', 'LDVL', 'Phòng Lao động - Việc làm và Bảo hiểm xã hội'),
      sub('SNV', 'NCC', 'Phòng Người có công'),
      sub('SNV', 'TDKT', 'Ban Thi đua - Khen thưởng'),
    ],
    psus: [
      psu('SNV', 'DVVL', 'Trung tâm Dịch vụ việc làm', 'centre'),
      psu('SNV', 'LTLS', 'Trung tâm Lưu trữ lịch sử', 'centre'),
      psu('SNV', 'BTXH', 'Trung tâm Bảo trợ xã hội', 'centre'),
    ],
  }),
  dept({
    code: 'STP',
    name: 'Sở Tư pháp',
    shortName: 'Sở Tư pháp',
    domain: 'justice',
    restructuredOn: '2025-07-01',
    predecessors: ['Sở Tư pháp tỉnh Hậu Giang', 'Sở Tư pháp tỉnh Sóc Trăng'],
    subUnits: [
      VP('STP'),
      sub('STP', 'XDKT', 'Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật'),
      sub('STP', 'HCTP', 'Phòng Hành chính tư pháp'),
      sub('STP', 'BTTP', 'Phòng Bổ trợ tư pháp'),
      sub('STP', 'PBGD', 'Phòng Phổ biến, giáo dục pháp luật'),
    ],
    psus: [psu('STP', 'TGPL', 'Trung tâm Trợ giúp pháp lý nhà nước', 'centre'), psu('STP', 'DGTS', 'Trung tâm Dịch vụ đấu giá tài sản', 'centre')],
  }),
  dept({
    code: 'STC',
    name: 'Sở Tài chính',
    shortName: 'Sở Tài chính',
    domain: 'finance',
    restructuredOn: '2025-03-01',
    predecessors: ['Sở Kế hoạch và Đầu tư thành phố Cần Thơ', 'Sở Tài chính tỉnh Hậu Giang', 'Sở Tài chính tỉnh Sóc Trăng'],
    subUnits: [
      VP('STC'),
      sub('STC', 'NS', 'Phòng Ngân sách'),
      sub('STC', 'HCSN', 'Phòng Tài chính hành chính sự nghiệp'),
      sub('STC', 'GCS', 'Phòng Quản lý giá và công sản'),
      sub('STC', 'DT', 'Phòng Quản lý đầu tư'),
      sub('STC', 'DN', 'Phòng Doanh nghiệp, kinh tế tập thể và tư nhân'),
      sub('STC', 'THQH', 'Phòng Tổng hợp, quy hoạch'),
    ],
    psus: [psu('STC', 'HTDN', 'Trung tâm Hỗ trợ doanh nghiệp', 'centre')],
  }),
  dept({
    code: 'SCT',
    name: 'Sở Công Thương',
    shortName: 'Sở Công Thương',
    domain: 'industry',
    restructuredOn: '2025-07-01',
    predecessors: ['Sở Công Thương tỉnh Hậu Giang', 'Sở Công Thương tỉnh Sóc Trăng', 'Cục Quản lý thị trường thành phố Cần Thơ'],
    subUnits: [
      VP('SCT'),
      sub('SCT', 'QLTM', 'Phòng Quản lý thương mại'),
      sub('SCT', 'QLCN', 'Phòng Quản lý công nghiệp'),
      sub('SCT', 'QLNL', 'Phòng Quản lý năng lượng'),
      sub('SCT', 'QLTT', 'Chi cục Quản lý thị trường'),
    ],
    psus: [psu('SCT', 'KC', 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp', 'centre')],
  }),
  dept({
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    shortName: 'Sở NN&MT',
    domain: 'agri_env',
    restructuredOn: '2025-03-01',
    predecessors: ['Sở Tài nguyên và Môi trường thành phố Cần Thơ', 'Sở Nông nghiệp và Phát triển nông thôn thành phố Cần Thơ'],
    subUnits: [
      VP('SNNMT'),
      sub('SNNMT', 'KHTC', 'Phòng Kế hoạch - Tài chính'),
      sub('SNNMT', 'QLDD', 'Phòng Quản lý đất đai'),
      sub('SNNMT', 'MT', 'Phòng Môi trường'),
      sub('SNNMT', 'TL', 'Chi cục Thủy lợi'),
      sub('SNNMT', 'TTBVTV', 'Chi cục Trồng trọt và Bảo vệ thực vật'),
      sub('SNNMT', 'CNTY', 'Chi cục Chăn nuôi, Thú y và Thủy sản'),
    ],
    psus: [
      psu('SNNMT', 'KN', 'Trung tâm Khuyến nông', 'centre'),
      psu('SNNMT', 'VPDK', 'Văn phòng Đăng ký đất đai', 'centre'),
      psu('SNNMT', 'NSVS', 'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn', 'centre'),
      psu('SNNMT', 'QT', 'Trung tâm Quan trắc tài nguyên và môi trường', 'centre'),
      psu('SNNMT', 'GIONG', 'Trung tâm Giống nông nghiệp', 'centre'),
    ],
  }),
  dept({
    code: 'SXD',
    name: 'Sở Xây dựng',
    shortName: 'Sở Xây dựng',
    domain: 'construction',
    restructuredOn: '2025-03-01',
    predecessors: ['Sở Giao thông vận tải thành phố Cần Thơ', 'Sở Xây dựng tỉnh Hậu Giang', 'Sở Xây dựng tỉnh Sóc Trăng'],
    subUnits: [
      VP('SXD'),
      sub('SXD', 'QHKT', 'Phòng Quy hoạch - Kiến trúc'),
      sub('SXD', 'HTGT', 'Phòng Quản lý hạ tầng giao thông'),
      sub('SXD', 'VT', 'Phòng Quản lý vận tải, phương tiện và người lái'),
      sub('SXD', 'PTDT', 'Phòng Phát triển đô thị và nhà ở'),
      sub('SXD', 'KTXD', 'Phòng Kinh tế và Quản lý hoạt động xây dựng'),
    ],
    psus: [
      psu('SXD', 'KDXD', 'Trung tâm Kiểm định chất lượng công trình xây dựng', 'centre'),
      psu('SXD', 'DK', 'Trung tâm Đăng kiểm phương tiện giao thông', 'centre'),
    ],
  }),
  dept({
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    shortName: 'Sở KH&CN',
    domain: 'science',
    restructuredOn: '2025-03-01',
    predecessors: ['Sở Thông tin và Truyền thông thành phố Cần Thơ', 'Sở Khoa học và Công nghệ tỉnh Sóc Trăng'],
    subUnits: [
      VP('SKHCN'),
      sub('SKHCN', 'QLKH', 'Phòng Quản lý khoa học'),
      sub('SKHCN', 'CDS', 'Phòng Chuyển đổi số'),
      sub('SKHCN', 'BCVT', 'Phòng Bưu chính, viễn thông'),
      sub('SKHCN', 'TDC', 'Chi cục Tiêu chuẩn Đo lường Chất lượng'),
    ],
    psus: [
      psu('SKHCN', 'UDKH', 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ', 'centre'),
      psu('SKHCN', 'CNTT', 'Trung tâm Công nghệ thông tin và Truyền thông', 'centre'),
    ],
  }),
  dept({
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortName: 'Sở VH-TT-DL',
    domain: 'culture',
    restructuredOn: '2025-07-01',
    predecessors: ['Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hậu Giang'],
    subUnits: [
      VP('SVHTTDL'),
      sub('SVHTTDL', 'QLVH', 'Phòng Quản lý văn hóa và gia đình'),
      sub('SVHTTDL', 'TDTT', 'Phòng Quản lý thể dục thể thao'),
      sub('SVHTTDL', 'QLDL', 'Phòng Quản lý du lịch'),
      sub('SVHTTDL', 'BCXB', 'Phòng Báo chí, xuất bản'),
    ],
    psus: [
      psu('SVHTTDL', 'TV', 'Thư viện thành phố', 'centre'),
      psu('SVHTTDL', 'BT', 'Bảo tàng thành phố', 'centre'),
      psu('SVHTTDL', 'NHTD', 'Nhà hát Tây Đô', 'centre'),
      psu('SVHTTDL', 'HLTD', 'Trung tâm Huấn luyện và Thi đấu thể dục thể thao', 'centre'),
    ],
  }),
  dept({
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    shortName: 'Sở GD&ĐT',
    domain: 'education',
    restructuredOn: '2025-07-01',
    predecessors: ['Sở Giáo dục và Đào tạo tỉnh Hậu Giang', 'Sở Giáo dục và Đào tạo tỉnh Sóc Trăng'],
    subUnits: [
      VP('SGDDT'),
      sub('SGDDT', 'TCCB', 'Phòng Tổ chức cán bộ'),
      sub('SGDDT', 'GDTH', 'Phòng Giáo dục trung học'),
      sub('SGDDT', 'GDMN', 'Phòng Giáo dục mầm non và tiểu học'),
      sub('SGDDT', 'KTQL', 'Phòng Khảo thí và Quản lý chất lượng'),
    ],
    psus: [
      psu('SGDDT', 'LTT', 'Trường THPT chuyên Lý Tự Trọng', 'school'),
      psu('SGDDT', 'CVL', 'Trường THPT Châu Văn Liêm', 'school'),
      psu('SGDDT', 'BHN', 'Trường THPT Bùi Hữu Nghĩa', 'school'),
      psu('SGDDT', 'NVH', 'Trường THPT Nguyễn Việt Hồng', 'school'),
      psu('SGDDT', 'PNH', 'Trường THPT Phan Ngọc Hiển', 'school'),
      psu('SGDDT', 'TN', 'Trường THPT Thốt Nốt', 'school'),
      psu('SGDDT', 'LHP', 'Trường THPT Lưu Hữu Phước', 'school'),
      psu('SGDDT', 'NTMK', 'Trường THPT chuyên Nguyễn Thị Minh Khai', 'school'),
      psu('SGDDT', 'HD', 'Trường THPT Hoàng Diệu', 'school'),
      psu('SGDDT', 'CVT', 'Trường THPT chuyên Vị Thanh', 'school'),
      psu('SGDDT', 'NB', 'Trường THPT Ngã Bảy', 'school'),
      psu('SGDDT', 'KS', 'Trường THPT Kế Sách', 'school'),
      psu('SGDDT', 'LHT', 'Trường THPT Lịch Hội Thượng', 'school'),
    ],
  }),
  dept({
    code: 'SYT',
    name: 'Sở Y tế',
    shortName: 'Sở Y tế',
    domain: 'health',
    restructuredOn: '2025-03-01',
    predecessors: ['Sở Y tế tỉnh Hậu Giang', 'Sở Y tế tỉnh Sóc Trăng'],
    subUnits: [
      VP('SYT'),
      sub('SYT', 'TCCB', 'Phòng Tổ chức cán bộ'),
      sub('SYT', 'NVY', 'Phòng Nghiệp vụ Y'),
      sub('SYT', 'NVD', 'Phòng Nghiệp vụ Dược'),
      sub('SYT', 'KHTC', 'Phòng Kế hoạch - Tài chính'),
      sub('SYT', 'BTXH', 'Phòng Bảo trợ xã hội'),
      sub('SYT', 'DS', 'Chi cục Dân số'),
    ],
    psus: [
      psu('SYT', 'BVDK', 'Bệnh viện Đa khoa thành phố Cần Thơ', 'hospital'),
      psu('SYT', 'BVND', 'Bệnh viện Nhi đồng thành phố Cần Thơ', 'hospital'),
      psu('SYT', 'BVUB', 'Bệnh viện Ung bướu thành phố Cần Thơ', 'hospital'),
      psu('SYT', 'BVLP', 'Bệnh viện Lao và Bệnh phổi thành phố Cần Thơ', 'hospital'),
      psu('SYT', 'BVTT', 'Bệnh viện Tâm thần thành phố Cần Thơ', 'hospital'),
      psu('SYT', 'BVYHCT', 'Bệnh viện Y học cổ truyền thành phố Cần Thơ', 'hospital'),
      psu('SYT', 'BVST', 'Bệnh viện Đa khoa Sóc Trăng', 'hospital'),
      psu('SYT', 'BVHG', 'Bệnh viện Đa khoa Hậu Giang', 'hospital'),
      psu('SYT', 'BVMRHM', 'Bệnh viện Mắt - Răng Hàm Mặt', 'hospital'),
      psu('SYT', 'CDC', 'Trung tâm Kiểm soát bệnh tật thành phố', 'hospital'),
      psu('SYT', 'KNDP', 'Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm', 'centre'),
    ],
  }),
  dept({
    code: 'TTTP',
    name: 'Thanh tra thành phố',
    shortName: 'Thanh tra thành phố',
    domain: 'inspection',
    head: ['Chánh Thanh tra', 'Phó Chánh Thanh tra'],
    restructuredOn: '2025-07-01',
    predecessors: ['Thanh tra tỉnh Hậu Giang', 'Thanh tra tỉnh Sóc Trăng', 'Thanh tra Sở Xây dựng thành phố Cần Thơ'],
    subUnits: [
      sub('TTTP', 'VP', 'Văn phòng Thanh tra'),
      sub('TTTP', 'NV1', 'Phòng Nghiệp vụ 1'),
      sub('TTTP', 'NV2', 'Phòng Nghiệp vụ 2'),
      sub('TTTP', 'NV3', 'Phòng Nghiệp vụ 3'),
      sub('TTTP', 'PCTN', 'Phòng Phòng, chống tham nhũng'),
      sub('TTTP', 'TCD', 'Phòng Tiếp công dân, xử lý đơn'),
    ],
  }),
  dept({
    code: 'SDTTG',
    name: 'Sở Dân tộc và Tôn giáo',
    shortName: 'Sở DT&TG',
    domain: 'ethnic',
    restructuredOn: '2025-03-01',
    predecessors: ['Ban Dân tộc thành phố Cần Thơ', 'Ban Tôn giáo (Sở Nội vụ) thành phố Cần Thơ'],
    subUnits: [
      VP('SDTTG'),
      sub('SDTTG', 'CSDT', 'Phòng Chính sách dân tộc'),
      sub('SDTTG', 'QLTG', 'Phòng Quản lý tôn giáo'),
      sub('SDTTG', 'KHTH', 'Phòng Kế hoạch - Tổng hợp'),
    ],
  }),
  dept({
    code: 'SNGV',
    name: 'Sở Ngoại vụ',
    shortName: 'Sở Ngoại vụ',
    domain: 'foreign',
    restructuredOn: null,
    subUnits: [VP('SNGV'), sub('SNGV', 'LS', 'Phòng Lãnh sự và Người Việt Nam ở nước ngoài'), sub('SNGV', 'HTQT', 'Phòng Hợp tác quốc tế')],
  }),
  dept({
    code: 'BQLKCN',
    name: 'Ban Quản lý các khu chế xuất và công nghiệp',
    shortName: 'Ban Quản lý KCX-KCN',
    domain: 'industrial_zone',
    head: ['Trưởng ban', 'Phó Trưởng ban'],
    restructuredOn: '2025-10-01',
    predecessors: ['Ban Quản lý các khu công nghiệp tỉnh Hậu Giang', 'Ban Quản lý các khu công nghiệp tỉnh Sóc Trăng'],
    subUnits: [
      VP('BQLKCN', 'Văn phòng Ban'),
      sub('BQLKCN', 'QLDT', 'Phòng Quản lý đầu tư'),
      sub('BQLKCN', 'QLDN', 'Phòng Quản lý doanh nghiệp'),
      sub('BQLKCN', 'QHXD', 'Phòng Quản lý quy hoạch và xây dựng'),
      sub('BQLKCN', 'QLMT', 'Phòng Quản lý môi trường'),
    ],
  }),
  dept({
    code: 'VPDDBQH',
    name: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố',
    shortName: 'Văn phòng ĐĐBQH và HĐND',
    domain: 'council',
    head: ['Chánh Văn phòng', 'Phó Chánh Văn phòng'],
    restructuredOn: '2025-07-01',
    predecessors: ['Văn phòng Đoàn ĐBQH và HĐND tỉnh Hậu Giang', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh Sóc Trăng'],
    subUnits: [
      sub('VPDDBQH', 'QH', 'Phòng Công tác Quốc hội'),
      sub('VPDDBQH', 'HDND', 'Phòng Công tác Hội đồng nhân dân'),
      sub('VPDDBQH', 'HCTC', 'Phòng Hành chính - Tổ chức - Quản trị'),
      sub('VPDDBQH', 'DN', 'Phòng Dân nguyện'),
    ],
  }),
  // public service units directly under the People's Committee
  topPsu({
    code: 'DPTTH',
    name: 'Đài Phát thanh và Truyền hình Cần Thơ',
    shortName: 'Đài PT-TH Cần Thơ',
    domain: 'media',
    psuType: 'media',
    restructuredOn: '2025-07-01',
    predecessors: ['Đài Phát thanh và Truyền hình Hậu Giang', 'Đài Phát thanh và Truyền hình Sóc Trăng'],
    subUnits: [
      sub('DPTTH', 'TS', 'Phòng Thời sự'),
      sub('DPTTH', 'CD', 'Phòng Chuyên đề'),
      sub('DPTTH', 'KTCN', 'Phòng Kỹ thuật - Công nghệ'),
      sub('DPTTH', 'HCTC', 'Phòng Hành chính - Tổ chức'),
    ],
  }),
  topPsu({
    code: 'CDCT',
    name: 'Trường Cao đẳng Cần Thơ',
    shortName: 'CĐ Cần Thơ',
    domain: 'vocational',
    psuType: 'college',
    head: ['Hiệu trưởng', 'Phó Hiệu trưởng'],
    restructuredOn: null,
  }),
  topPsu({
    code: 'CDKTKT',
    name: 'Trường Cao đẳng Kinh tế - Kỹ thuật Cần Thơ',
    shortName: 'CĐ KT-KT Cần Thơ',
    domain: 'vocational',
    psuType: 'college',
    head: ['Hiệu trưởng', 'Phó Hiệu trưởng'],
    restructuredOn: null,
  }),
  topPsu({
    code: 'CDYT',
    name: 'Trường Cao đẳng Y tế Cần Thơ',
    shortName: 'CĐ Y tế Cần Thơ',
    domain: 'health',
    psuType: 'college',
    head: ['Hiệu trưởng', 'Phó Hiệu trưởng'],
    restructuredOn: null,
  }),
  topPsu({
    code: 'CDST',
    name: 'Trường Cao đẳng Sóc Trăng',
    shortName: 'CĐ Sóc Trăng',
    domain: 'vocational',
    psuType: 'college',
    head: ['Hiệu trưởng', 'Phó Hiệu trưởng'],
    restructuredOn: '2025-10-01',
    predecessors: ['Trường Cao đẳng Cộng đồng Sóc Trăng', 'Trường Cao đẳng nghề Sóc Trăng'],
  }),
  topPsu({
    code: 'CDHG',
    name: 'Trường Cao đẳng Cộng đồng Hậu Giang',
    shortName: 'CĐ Cộng đồng Hậu Giang',
    domain: 'vocational',
    psuType: 'college',
    head: ['Hiệu trưởng', 'Phó Hiệu trưởng'],
    restructuredOn: null,
  }),
  topPsu({
    code: 'VKTXH',
    name: 'Viện Kinh tế - Xã hội thành phố Cần Thơ',
    shortName: 'Viện KT-XH',
    domain: 'research',
    psuType: 'centre',
    head: ['Viện trưởng', 'Phó Viện trưởng'],
    restructuredOn: null,
  }),
  topPsu({
    code: 'TTXTDT',
    name: 'Trung tâm Xúc tiến Thương mại và Đầu tư',
    shortName: 'Trung tâm XTTM&ĐT',
    domain: 'investment',
    psuType: 'centre',
    restructuredOn: '2025-07-01',
    predecessors: ['Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Hậu Giang'],
  }),
  topPsu({ code: 'QDTPT', name: 'Quỹ Đầu tư phát triển thành phố Cần Thơ', shortName: 'Quỹ ĐTPT', domain: 'investment', psuType: 'centre', restructuredOn: null }),
  topPsu({
    code: 'BQLDA',
    name: 'Ban Quản lý dự án đầu tư xây dựng thành phố',
    shortName: 'Ban QLDA ĐTXD',
    domain: 'projects',
    psuType: 'centre',
    restructuredOn: '2025-10-01',
    predecessors: ['Ban Quản lý dự án đầu tư xây dựng tỉnh Hậu Giang'],
  }),
  topPsu({
    code: 'BQLGT',
    name: 'Ban Quản lý dự án đầu tư xây dựng công trình giao thông',
    shortName: 'Ban QLDA giao thông',
    domain: 'projects',
    psuType: 'centre',
    restructuredOn: '2025-03-01',
    predecessors: ['Ban Quản lý dự án Sở Giao thông vận tải'],
  }),
  topPsu({ code: 'BQLODA', name: 'Ban Quản lý các dự án ODA', shortName: 'Ban QLDA ODA', domain: 'projects', psuType: 'centre', restructuredOn: null }),
  topPsu({
    code: 'TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công thành phố',
    shortName: 'Trung tâm PVHCC',
    domain: 'office',
    psuType: 'centre',
    restructuredOn: '2025-07-01',
  }),
  topPsu({
    code: 'TTPTQD',
    name: 'Trung tâm Phát triển quỹ đất thành phố',
    shortName: 'Trung tâm PTQĐ',
    domain: 'agri_env',
    psuType: 'centre',
    restructuredOn: '2025-03-01',
  }),
];

/** Static facts about a city-level unit (top-level or child), by code. */
export interface StaticUnitInfo {
  domain: Domain;
  psuType: PsuType | null;
  top: CityUnitDef;
}

export const STATIC_UNITS: ReadonlyMap<string, StaticUnitInfo> = (() => {
  const m = new Map<string, StaticUnitInfo>();
  for (const d of CITY_UNITS) {
    m.set(d.code, { domain: d.domain, psuType: d.psuType ?? null, top: d });
    for (const s of d.subUnits) m.set(s.code, { domain: d.domain, psuType: null, top: d });
    for (const p of d.psus) m.set(p.code, { domain: d.domain, psuType: p.type ?? 'centre', top: d });
  }
  return m;
})();

/** The city-level organisation for a demo province: Cần Thơ's as it is; another province's renamed from it. */
export interface CityOrg {
  units: readonly CityUnitDef[];
  staticUnits: ReadonlyMap<string, StaticUnitInfo>;
}

function staticUnitsOf(units: readonly CityUnitDef[]): ReadonlyMap<string, StaticUnitInfo> {
  const m = new Map<string, StaticUnitInfo>();
  for (const d of units) {
    m.set(d.code, { domain: d.domain, psuType: d.psuType ?? null, top: d });
    for (const s of d.subUnits) m.set(s.code, { domain: d.domain, psuType: null, top: d });
    for (const p of d.psus) m.set(p.code, { domain: d.domain, psuType: p.type ?? 'centre', top: d });
  }
  return m;
}

/** What the renaming needs of a province (see demo-province.ts). */
export interface CityOrgProvince {
  code: string;
  placeName: string;
  levelWord: string;
  /** The pre-2025 provinces merged into it besides its own name ('Hà Giang' for Tuyên Quang), in running text. */
  otherOldProvinces: readonly { place: string; inText: string }[];
  /** Today's communes and wards (short names), for the names of schools. */
  communeShortNames: readonly string[];
}

const orgCache = new Map<string, CityOrg>();

/**
 * The same departments, sub-units and public service units (same codes, so the same ids and headcounts) named
 * for another province: "thành phố Cần Thơ" and "Cần Thơ" become the province's, "… thành phố" its level word;
 * the units of former Sóc Trăng and Hậu Giang take the names of the other provinces merged into it, or the
 * province's name with a number; Cần Thơ's high schools take names of the province's communes. Predecessors
 * from a merged province it did not have are left out.
 */
export function cityOrgFor(p: CityOrgProvince): CityOrg {
  if (p.code === '92') return { units: CITY_UNITS, staticUnits: STATIC_UNITS };
  const cached = orgCache.get(p.code);
  if (cached) return cached;
  const [second, third] = p.otherOldProvinces;
  const rename = (name: string) =>
    name
      .replace(/thành phố Cần Thơ/gu, `${p.levelWord} ${p.placeName}`)
      .replace(/Cần Thơ|Tây Đô/gu, p.placeName)
      .replace(/ thành phố$/u, ` ${p.levelWord}`)
      .replace(/Sóc Trăng/gu, second?.place ?? `${p.placeName} số 2`)
      .replace(/Hậu Giang/gu, third?.place ?? `${p.placeName} số 3`);
  const renamePredecessor = (name: string): string | null => {
    if (/Sóc Trăng/u.test(name) && !second) return null;
    if (/Hậu Giang/u.test(name) && !third) return null;
    return name
      .replace(/tỉnh Sóc Trăng/gu, second?.inText ?? '')
      .replace(/tỉnh Hậu Giang/gu, third?.inText ?? '')
      .replace(/thành phố Cần Thơ/gu, `${p.levelWord} ${p.placeName}`)
      .replace(/Sóc Trăng/gu, second?.place ?? '')
      .replace(/Hậu Giang/gu, third?.place ?? '');
  };
  const schools = [`chuyên ${p.placeName}`, ...p.communeShortNames.filter((n, i, a) => a.indexOf(n) === i)];
  let school = 0;
  const units = CITY_UNITS.map((d): CityUnitDef => ({
    ...d,
    name: rename(d.name),
    shortName: rename(d.shortName),
    predecessors: d.predecessors.map(renamePredecessor).filter((x): x is string => !!x),
    subUnits: d.subUnits.map((s) => ({ ...s, name: rename(s.name) })),
    psus: d.psus.map((c) => ({ ...c, name: c.type === 'school' ? `Trường THPT ${schools[school++ % schools.length]}` : rename(c.name) })),
  }));
  const org = { units, staticUnits: staticUnitsOf(units) };
  orgCache.set(p.code, org);
  return org;
}
