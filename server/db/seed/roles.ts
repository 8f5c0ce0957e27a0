import type { Category } from '../../../common/enums.js';
import type { Domain, PsuType } from './org-data.js';

/**
 * Who works in each kind of unit: a "ladder" of posts filled in order (head, deputies, …), then middle
 * managers every few people in large public service units, then staff drawn by weight. Each role says
 * which category, ranks (weighted rank codes), leadership level and ages fit it.
 *
 * Leadership level: 0 staff; 1 head of a unit; 2 deputy head; 3 head of a phòng/khoa inside a unit;
 * 4 deputy of that; 5 team lead (tổ trưởng, điều dưỡng trưởng).
 */
export interface Role {
  title: string;
  category: Category;
  level: number;
  ranks: readonly (readonly [string, number])[];
  /** Probability that the holder is a woman (default 0.45 for staff, lower for heads). */
  female?: number;
  /** Age range on the demo date (default by level). */
  age?: readonly [number, number];
  /** Fields of study that fit the post (default: by the unit's domain). */
  majors?: readonly string[];
  /** The post exists only when the unit has at least this many people. */
  minHeadcount?: number;
}

export interface Ladder {
  fixed: readonly Role[];
  mid?: { every: number; roles: readonly Role[] };
  staff: readonly (readonly [Role, number])[];
}

export type Profile = 'dept' | 'office_sub' | 'hospital' | 'school' | 'college' | 'media' | 'media_sub' | 'centre' | 'commune';

const R = (code: string): readonly (readonly [string, number])[] => [[code, 1]];
const CC: Category = 'cong_chuc';
const VC: Category = 'vien_chuc';
const CB: Category = 'can_bo';

function head(title: string, cat: Category, ranks: Role['ranks']): Role {
  return { title, category: cat, level: 1, ranks, female: 0.22, age: [44, 59] };
}
function deputy(title: string, cat: Category, ranks: Role['ranks'], minHeadcount?: number): Role {
  return { title, category: cat, level: 2, ranks, female: 0.33, age: [37, 58], minHeadcount };
}

// ---- staff roles shared by several ladders ----
const admin = (cat: Category) => ({
  chuyenVien: { title: 'Chuyên viên', category: cat, level: 0, ranks: R('01.003') } as Role,
  chuyenVienChinh: { title: 'Chuyên viên chính', category: cat, level: 0, ranks: R('01.002'), age: [35, 59] } as Role,
  canSu: { title: 'Cán sự', category: cat, level: 0, ranks: R('01.004') } as Role,
  vanThu: { title: 'Văn thư', category: cat, level: 0, ranks: R('02.008'), female: 0.75, majors: ['Văn thư - Lưu trữ'] } as Role,
  keToan: {
    title: 'Kế toán viên',
    category: cat,
    level: 0,
    ranks: [
      ['06.031', 85],
      ['06.030', 15],
    ],
    female: 0.7,
    majors: ['Kế toán'],
  } as Role,
  nhanVien: { title: 'Nhân viên', category: cat, level: 0, ranks: R('01.005'), majors: ['Tin học ứng dụng', 'Văn thư - Lưu trữ'] } as Role,
});
const ADMIN_CC = admin(CC);
const ADMIN_VC = admin(VC);

function officeSubLadder(name: string, domain: Domain): Ladder {
  const isInspection = domain === 'inspection';
  const [h, d] = name.startsWith('Văn phòng')
    ? ['Chánh Văn phòng', 'Phó Chánh Văn phòng']
    : name.startsWith('Chi cục')
      ? ['Chi cục trưởng', 'Phó Chi cục trưởng']
      : name.startsWith('Ban')
        ? ['Trưởng ban', 'Phó Trưởng ban']
        : ['Trưởng phòng', 'Phó Trưởng phòng'];
  const leadRanks: Role['ranks'] = isInspection
    ? [
        ['04.024', 75],
        ['04.025', 25],
      ]
    : [
        ['01.002', 70],
        ['01.003', 30],
      ];
  const depRanks: Role['ranks'] = isInspection
    ? [
        ['04.024', 40],
        ['04.025', 60],
      ]
    : [
        ['01.002', 40],
        ['01.003', 60],
      ];
  const staff: (readonly [Role, number])[] = isInspection
    ? [
        [{ title: 'Thanh tra viên', category: CC, level: 0, ranks: R('04.025') }, 55],
        [{ title: 'Thanh tra viên chính', category: CC, level: 0, ranks: R('04.024'), age: [35, 59] }, 20],
        [ADMIN_CC.chuyenVien, 20],
        [ADMIN_CC.keToan, 5],
      ]
    : [
        [ADMIN_CC.chuyenVien, 72],
        [ADMIN_CC.chuyenVienChinh, 10],
        [ADMIN_CC.canSu, 5],
        [ADMIN_CC.vanThu, name.startsWith('Văn phòng') ? 8 : 2],
        [ADMIN_CC.keToan, name.startsWith('Văn phòng') ? 8 : 2],
        [ADMIN_CC.nhanVien, 3],
      ];
  return {
    fixed: [
      { title: h, category: CC, level: 3, ranks: leadRanks, female: 0.3, age: [33, 58] },
      { title: d, category: CC, level: 4, ranks: depRanks, female: 0.4, age: [30, 57], minHeadcount: 3 },
      { title: d, category: CC, level: 4, ranks: depRanks, female: 0.4, age: [30, 57], minHeadcount: 8 },
      { title: d, category: CC, level: 4, ranks: depRanks, female: 0.4, age: [30, 57], minHeadcount: 20 },
    ],
    staff,
  };
}

function deptLadder(titles: readonly [string, string]): Ladder {
  const hr: Role['ranks'] = [
    ['01.001', 35],
    ['01.002', 65],
  ];
  const dr: Role['ranks'] = [
    ['01.001', 12],
    ['01.002', 88],
  ];
  return {
    fixed: [head(titles[0], CC, hr), deputy(titles[1], CC, dr, 2), deputy(titles[1], CC, dr, 3), deputy(titles[1], CC, dr, 5)],
    staff: [
      [ADMIN_CC.chuyenVien, 70],
      [ADMIN_CC.chuyenVienChinh, 30],
    ],
  };
}

const ENGINEERING: readonly Domain[] = ['agri_env', 'construction', 'science', 'projects'];

function psuLadder(type: PsuType, titles: readonly [string, string], domain: Domain): Ladder {
  switch (type) {
    case 'hospital': {
      const bs = (level: number, ranks: Role['ranks'], title: string, extra: Partial<Role> = {}): Role => ({
        title,
        category: VC,
        level,
        ranks,
        majors: ['Y đa khoa', 'Nội khoa', 'Ngoại khoa', 'Nhi khoa', 'Y học dự phòng'],
        ...extra,
      });
      return {
        fixed: [
          {
            ...head(titles[0], VC, [
              ['V.08.01.01', 30],
              ['V.08.01.02', 70],
            ]),
            majors: ['Y đa khoa', 'Quản lý bệnh viện'],
          },
          { ...deputy(titles[1], VC, R('V.08.01.02'), 3), majors: ['Y đa khoa', 'Nội khoa', 'Ngoại khoa'] },
          { ...deputy(titles[1], VC, R('V.08.01.02'), 8), majors: ['Y đa khoa', 'Quản lý bệnh viện'] },
          { ...deputy(titles[1], VC, R('V.08.01.02'), 40), majors: ['Y đa khoa'] },
        ],
        mid: {
          every: 10,
          roles: [
            bs(
              3,
              [
                ['V.08.01.02', 80],
                ['V.08.01.03', 20],
              ],
              'Trưởng khoa',
              { female: 0.35, age: [35, 58] },
            ),
            bs(
              4,
              [
                ['V.08.01.02', 40],
                ['V.08.01.03', 60],
              ],
              'Phó Trưởng khoa',
              { female: 0.45, age: [32, 57] },
            ),
            { title: 'Điều dưỡng trưởng', category: VC, level: 5, ranks: R('V.08.05.12'), female: 0.8, age: [32, 56], majors: ['Điều dưỡng'] },
          ],
        },
        staff: [
          [
            bs(
              0,
              [
                ['V.08.01.03', 72],
                ['V.08.01.02', 28],
              ],
              'Bác sĩ',
              { female: 0.45 },
            ),
            30,
          ],
          [
            {
              title: 'Điều dưỡng',
              category: VC,
              level: 0,
              ranks: [
                ['V.08.05.12', 45],
                ['V.08.05.13', 55],
              ],
              female: 0.8,
              majors: ['Điều dưỡng'],
            },
            38,
          ],
          [{ title: 'Dược sĩ', category: VC, level: 0, ranks: R('V.08.08.22'), female: 0.65, majors: ['Dược học'] }, 7],
          [{ title: 'Kỹ thuật viên', category: VC, level: 0, ranks: R('V.05.02.08'), majors: ['Kỹ thuật xét nghiệm y học', 'Kỹ thuật hình ảnh y học'] }, 9],
          [ADMIN_VC.keToan, 5],
          [ADMIN_VC.chuyenVien, 6],
          [ADMIN_VC.nhanVien, 5],
        ],
      };
    }
    case 'school':
      return {
        fixed: [
          { ...head(titles[0], VC, R('V.07.05.13')), female: 0.4, majors: ['Quản lý giáo dục', 'Sư phạm Toán', 'Sư phạm Ngữ văn'] },
          {
            ...deputy(
              titles[1],
              VC,
              [
                ['V.07.05.13', 50],
                ['V.07.05.14', 50],
              ],
              3,
            ),
            female: 0.5,
          },
          {
            ...deputy(
              titles[1],
              VC,
              [
                ['V.07.05.13', 50],
                ['V.07.05.14', 50],
              ],
              12,
            ),
            female: 0.5,
          },
        ],
        mid: {
          every: 11,
          roles: [
            {
              title: 'Tổ trưởng chuyên môn',
              category: VC,
              level: 5,
              ranks: [
                ['V.07.05.14', 70],
                ['V.07.05.13', 30],
              ],
              female: 0.6,
              age: [30, 56],
            },
          ],
        },
        staff: [
          [
            {
              title: 'Giáo viên',
              category: VC,
              level: 0,
              ranks: [
                ['V.07.05.15', 50],
                ['V.07.05.14', 40],
                ['V.07.05.13', 10],
              ],
              female: 0.65,
            },
            86,
          ],
          [ADMIN_VC.keToan, 3],
          [ADMIN_VC.vanThu, 3],
          [{ title: 'Thư viện viên', category: VC, level: 0, ranks: R('V.10.02.07'), female: 0.8, majors: ['Thông tin - Thư viện'] }, 2],
          [ADMIN_VC.nhanVien, 6],
        ],
      };
    case 'college':
      return {
        fixed: [
          head(titles[0], VC, R('V.07.01.02')),
          deputy(titles[1], VC, R('V.07.01.02'), 3),
          deputy(
            titles[1],
            VC,
            [
              ['V.07.01.02', 70],
              ['V.07.01.03', 30],
            ],
            10,
          ),
          deputy(
            titles[1],
            VC,
            [
              ['V.07.01.02', 70],
              ['V.07.01.03', 30],
            ],
            40,
          ),
        ],
        mid: {
          every: 10,
          roles: [
            {
              title: 'Trưởng khoa',
              category: VC,
              level: 3,
              ranks: [
                ['V.07.01.02', 75],
                ['V.07.01.03', 25],
              ],
              female: 0.4,
              age: [35, 58],
            },
            {
              title: 'Trưởng phòng',
              category: VC,
              level: 3,
              ranks: [
                ['01.002', 40],
                ['01.003', 60],
              ],
              female: 0.4,
              age: [33, 58],
            },
            { title: 'Phó Trưởng khoa', category: VC, level: 4, ranks: R('V.07.01.03'), female: 0.45, age: [30, 56] },
          ],
        },
        staff: [
          [
            {
              title: 'Giảng viên',
              category: VC,
              level: 0,
              ranks: [
                ['V.07.01.03', 65],
                ['V.07.01.02', 35],
              ],
              female: 0.5,
            },
            78,
          ],
          [ADMIN_VC.chuyenVien, 10],
          [ADMIN_VC.keToan, 5],
          [ADMIN_VC.nhanVien, 7],
        ],
      };
    case 'media':
      return {
        fixed: [
          head(titles[0], VC, [
            ['V.11.01.03', 50],
            ['01.002', 50],
          ]),
          deputy(
            titles[1],
            VC,
            [
              ['V.11.01.03', 60],
              ['01.002', 40],
            ],
            2,
          ),
          deputy(
            titles[1],
            VC,
            [
              ['V.11.01.03', 60],
              ['01.002', 40],
            ],
            3,
          ),
          deputy(
            titles[1],
            VC,
            [
              ['V.11.01.03', 60],
              ['01.002', 40],
            ],
            5,
          ),
        ],
        staff: MEDIA_STAFF,
      };
    case 'centre': {
      const eng = ENGINEERING.includes(domain);
      return {
        fixed: [
          head(
            titles[0],
            VC,
            eng
              ? [
                  ['V.05.02.06', 60],
                  ['01.002', 40],
                ]
              : [
                  ['01.002', 80],
                  ['01.003', 20],
                ],
          ),
          deputy(
            titles[1],
            VC,
            eng
              ? [
                  ['V.05.02.06', 50],
                  ['V.05.02.07', 50],
                ]
              : [
                  ['01.002', 50],
                  ['01.003', 50],
                ],
            3,
          ),
          deputy(titles[1], VC, eng ? R('V.05.02.07') : R('01.003'), 10),
        ],
        mid: {
          every: 12,
          roles: [
            { title: 'Trưởng phòng', category: VC, level: 3, ranks: eng ? R('V.05.02.07') : R('01.003'), female: 0.35, age: [33, 58] },
            { title: 'Phó Trưởng phòng', category: VC, level: 4, ranks: eng ? R('V.05.02.07') : R('01.003'), female: 0.45, age: [30, 57] },
          ],
        },
        staff: eng
          ? [
              [
                {
                  title: 'Kỹ sư',
                  category: VC,
                  level: 0,
                  ranks: [
                    ['V.05.02.07', 85],
                    ['V.05.02.06', 15],
                  ],
                  female: 0.3,
                },
                50,
              ],
              [{ title: 'Kỹ thuật viên', category: VC, level: 0, ranks: R('V.05.02.08'), female: 0.3 }, 18],
              [ADMIN_VC.chuyenVien, 20],
              [ADMIN_VC.keToan, 6],
              [ADMIN_VC.nhanVien, 6],
            ]
          : [
              [ADMIN_VC.chuyenVien, 60],
              [ADMIN_VC.chuyenVienChinh, 8],
              [ADMIN_VC.canSu, 8],
              [ADMIN_VC.keToan, 10],
              [ADMIN_VC.vanThu, 6],
              [ADMIN_VC.nhanVien, 8],
            ],
      };
    }
  }
}

const MEDIA_STAFF: readonly (readonly [Role, number])[] = [
  [{ title: 'Biên tập viên', category: VC, level: 0, ranks: R('V.11.01.03'), majors: ['Báo chí', 'Ngữ văn', 'Truyền thông đa phương tiện'] }, 34],
  [{ title: 'Phóng viên', category: VC, level: 0, ranks: R('V.11.02.06'), majors: ['Báo chí', 'Truyền thông đa phương tiện'] }, 34],
  [{ title: 'Kỹ sư', category: VC, level: 0, ranks: R('V.05.02.07'), female: 0.2, majors: ['Kỹ thuật điện tử, viễn thông'] }, 10],
  [{ title: 'Kỹ thuật viên', category: VC, level: 0, ranks: R('V.05.02.08'), female: 0.2, majors: ['Kỹ thuật điện tử, viễn thông'] }, 12],
  [ADMIN_VC.keToan, 5],
  [ADMIN_VC.chuyenVien, 5],
];

function mediaSubLadder(): Ladder {
  return {
    fixed: [
      { title: 'Trưởng phòng', category: VC, level: 3, ranks: R('V.11.01.03'), female: 0.35, age: [33, 58] },
      { title: 'Phó Trưởng phòng', category: VC, level: 4, ranks: R('V.11.01.03'), female: 0.45, age: [30, 57], minHeadcount: 3 },
      { title: 'Phó Trưởng phòng', category: VC, level: 4, ranks: R('V.11.01.03'), female: 0.45, age: [30, 57], minHeadcount: 10 },
    ],
    staff: MEDIA_STAFF,
  };
}

function communeLadder(isWard: boolean): Ladder {
  const cbLead: Role['ranks'] = [
    ['01.002', 60],
    ['01.003', 40],
  ];
  const cbDep: Role['ranks'] = [
    ['01.002', 30],
    ['01.003', 70],
  ];
  const econ = isWard ? 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị' : 'Trưởng phòng Kinh tế';
  const cc = (title: string, majors: readonly string[], extra: Partial<Role> = {}): Role => ({
    title,
    category: CC,
    level: 0,
    ranks: [
      ['01.003', 80],
      ['01.004', 10],
      ['01.002', 10],
    ],
    majors,
    ...extra,
  });
  return {
    // interleaved so that a small commune still has its key posts and a few civil servants
    fixed: [
      { title: 'Bí thư Đảng ủy', category: CB, level: 1, ranks: cbLead, female: 0.15, age: [42, 58] },
      { title: 'Chủ tịch UBND', category: CB, level: 1, ranks: cbLead, female: 0.18, age: [40, 58] },
      { title: 'Phó Chủ tịch UBND', category: CB, level: 2, ranks: cbDep, female: 0.3, age: [35, 57] },
      cc('Công chức Tư pháp - Hộ tịch', ['Luật', 'Luật hành chính']),
      { title: 'Chánh Văn phòng HĐND và UBND', category: CC, level: 3, ranks: cbDep, female: 0.35, age: [32, 57] },
      cc('Công chức Địa chính - Xây dựng', ['Quản lý đất đai', 'Kỹ thuật xây dựng']),
      { title: 'Phó Bí thư Đảng ủy', category: CB, level: 2, ranks: cbDep, female: 0.3, age: [38, 57] },
      { title: 'Chủ tịch Ủy ban MTTQ Việt Nam', category: CB, level: 2, ranks: cbDep, female: 0.35, age: [38, 58] },
      { title: econ, category: CC, level: 3, ranks: cbDep, female: 0.3, age: [32, 57] },
      cc('Công chức Tài chính - Kế toán', ['Kế toán', 'Tài chính - Ngân hàng'], { female: 0.65 }),
      { title: 'Phó Chủ tịch UBND', category: CB, level: 2, ranks: cbDep, female: 0.3, age: [35, 57] },
      { title: 'Trưởng phòng Văn hóa - Xã hội', category: CC, level: 3, ranks: cbDep, female: 0.45, age: [32, 57] },
      { title: 'Phó Chủ tịch HĐND', category: CB, level: 2, ranks: cbDep, female: 0.35, age: [36, 57] },
      cc('Công chức Văn hóa - Xã hội', ['Văn hóa học', 'Công tác xã hội', 'Xã hội học']),
      { title: 'Chủ tịch Hội Liên hiệp Phụ nữ', category: CB, level: 0, ranks: R('01.003'), female: 1, age: [30, 55] },
      { title: 'Chủ tịch Hội Nông dân', category: CB, level: 0, ranks: R('01.003'), female: 0.2, age: [35, 58] },
      { title: 'Bí thư Đoàn Thanh niên', category: CB, level: 0, ranks: R('01.003'), female: 0.4, age: [24, 30] },
      { title: 'Chủ tịch Hội Cựu chiến binh', category: CB, level: 0, ranks: R('01.003'), female: 0.03, age: [45, 59] },
    ],
    staff: [
      [cc('Công chức Văn phòng - Thống kê', ['Hành chính học', 'Thống kê', 'Quản lý nhà nước']), 14],
      [cc('Công chức Tư pháp - Hộ tịch', ['Luật', 'Luật hành chính']), 12],
      [cc('Công chức Địa chính - Xây dựng', ['Quản lý đất đai', 'Kỹ thuật xây dựng']), 14],
      [cc('Công chức Tài chính - Kế toán', ['Kế toán', 'Tài chính - Ngân hàng'], { female: 0.65 }), 10],
      [cc('Công chức Văn hóa - Xã hội', ['Văn hóa học', 'Công tác xã hội', 'Xã hội học']), 12],
      [cc('Chuyên viên Phòng Kinh tế', ['Kinh tế', 'Nông học', 'Nuôi trồng thủy sản', 'Kỹ thuật xây dựng']), 16],
      [cc('Chuyên viên Văn phòng HĐND và UBND', ['Hành chính học', 'Luật', 'Quản lý nhà nước']), 10],
      [
        {
          title: 'Viên chức Trung tâm Phục vụ hành chính công',
          category: VC,
          level: 0,
          ranks: R('01.003'),
          majors: ['Hành chính học', 'Luật', 'Công nghệ thông tin'],
        },
        9,
      ],
      [{ title: 'Cán sự', category: CC, level: 0, ranks: R('01.004'), majors: ['Tin học ứng dụng', 'Văn thư - Lưu trữ'] }, 3],
    ],
  };
}

/** The ladder for a unit, from its profile, domain, name and head titles. */
export function ladderFor(profile: Profile, domain: Domain, name: string, headTitles: readonly [string, string], isWard: boolean): Ladder {
  switch (profile) {
    case 'dept':
      return deptLadder(headTitles);
    case 'office_sub':
      return officeSubLadder(name, domain);
    case 'media_sub':
      return mediaSubLadder();
    case 'commune':
      return communeLadder(isWard);
    default:
      return psuLadder(profile, headTitles, domain);
  }
}

/** The role of the person at `ordinal` (0-based) in a unit of `headcount` people. */
export function roleAt(ladder: Ladder, fixed: readonly Role[], ordinal: number, pick: (l: Ladder['staff']) => Role): Role {
  if (ordinal < fixed.length) return fixed[ordinal];
  if (ladder.mid) {
    const k = ordinal - fixed.length;
    if (k % ladder.mid.every === ladder.mid.every - 1) {
      return ladder.mid.roles[Math.floor(k / ladder.mid.every) % ladder.mid.roles.length];
    }
  }
  return pick(ladder.staff);
}

/** The fixed posts that exist in a unit of this size. */
export function fixedRoles(ladder: Ladder, headcount: number): Role[] {
  return ladder.fixed.filter((r) => (r.minHeadcount ?? 0) <= headcount);
}

export const MAJORS_BY_DOMAIN: Record<Domain | 'commune', readonly string[]> = {
  office: ['Luật', 'Kinh tế', 'Hành chính học', 'Quản lý nhà nước', 'Ngôn ngữ Anh'],
  home_affairs: ['Hành chính học', 'Luật', 'Quản lý nhân lực', 'Công tác xã hội', 'Kinh tế lao động'],
  justice: ['Luật', 'Luật kinh tế', 'Luật hành chính'],
  finance: ['Tài chính - Ngân hàng', 'Kế toán', 'Kinh tế', 'Kinh tế đầu tư', 'Quản trị kinh doanh'],
  industry: ['Kinh tế', 'Kinh doanh thương mại', 'Kỹ thuật điện', 'Luật kinh tế'],
  agri_env: ['Nông học', 'Khoa học môi trường', 'Quản lý đất đai', 'Nuôi trồng thủy sản', 'Thú y', 'Kỹ thuật tài nguyên nước'],
  construction: ['Kỹ thuật xây dựng', 'Kiến trúc', 'Kỹ thuật xây dựng công trình giao thông', 'Quy hoạch vùng và đô thị', 'Kinh tế xây dựng'],
  science: ['Công nghệ thông tin', 'Kỹ thuật điện tử, viễn thông', 'Công nghệ sinh học', 'Hóa học', 'An toàn thông tin'],
  culture: ['Văn hóa học', 'Quản lý văn hóa', 'Du lịch', 'Giáo dục thể chất', 'Báo chí'],
  education: [
    'Quản lý giáo dục',
    'Sư phạm Toán',
    'Sư phạm Ngữ văn',
    'Sư phạm Tiếng Anh',
    'Sư phạm Vật lý',
    'Sư phạm Hóa học',
    'Sư phạm Sinh học',
    'Sư phạm Lịch sử',
    'Sư phạm Địa lý',
    'Sư phạm Tin học',
    'Giáo dục thể chất',
  ],
  health: ['Y tế công cộng', 'Y đa khoa', 'Dược học', 'Điều dưỡng', 'Kỹ thuật xét nghiệm y học'],
  inspection: ['Luật', 'Kinh tế', 'Kế toán', 'Kỹ thuật xây dựng'],
  ethnic: ['Việt Nam học', 'Luật', 'Văn hóa học', 'Ngôn ngữ Khmer', 'Hành chính học'],
  foreign: ['Quan hệ quốc tế', 'Ngôn ngữ Anh', 'Ngôn ngữ Trung Quốc', 'Luật quốc tế'],
  industrial_zone: ['Kinh tế đầu tư', 'Kỹ thuật xây dựng', 'Khoa học môi trường', 'Luật kinh tế'],
  council: ['Luật', 'Hành chính học', 'Kinh tế', 'Chính trị học'],
  media: ['Báo chí', 'Truyền thông đa phương tiện', 'Kỹ thuật điện tử, viễn thông'],
  vocational: ['Kế toán', 'Công nghệ thông tin', 'Cơ khí', 'Kỹ thuật điện', 'Quản trị kinh doanh', 'Du lịch', 'Nông học'],
  research: ['Kinh tế', 'Xã hội học', 'Kinh tế phát triển', 'Thống kê'],
  investment: ['Kinh tế đầu tư', 'Tài chính - Ngân hàng', 'Kinh doanh quốc tế', 'Ngôn ngữ Anh'],
  projects: ['Kỹ thuật xây dựng', 'Kinh tế xây dựng', 'Kỹ thuật xây dựng công trình giao thông', 'Kế toán'],
  commune: ['Luật', 'Hành chính học', 'Kinh tế', 'Quản lý đất đai', 'Kế toán', 'Nông học', 'Xã hội học', 'Quản lý nhà nước'],
};
