import type { Rng } from './random.js';

/**
 * Vietnamese personal names for the demo data, with frequencies close to the Mekong delta's: family names
 * by real frequency (Nguyễn ≈ 38 %), middle and given names by gender, Khmer and Hoa names for those groups.
 * All strings are NFC.
 */

type W = readonly (readonly [string, number])[];

const nfc = (pairs: W): W => pairs.map(([s, w]) => [s.normalize('NFC'), w] as const);
const list = (s: string, weight = 1): W => s.split(',').map((x) => [x.trim(), weight] as const);

const KINH_FAMILY = nfc([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 6],
  ['Huỳnh', 5],
  ['Võ', 4.5],
  ['Phan', 4],
  ['Trương', 2.2],
  ['Bùi', 2],
  ['Đặng', 2],
  ['Đỗ', 1.5],
  ['Ngô', 1.5],
  ['Hồ', 1.5],
  ['Dương', 1.2],
  ['Hoàng', 1],
  ['Vũ', 1],
  ['Lý', 0.8],
  ['Đinh', 0.8],
  ['Đoàn', 0.8],
  ['Lâm', 0.8],
  ['Mai', 0.6],
  ['Châu', 0.6],
  ['Tô', 0.5],
  ['Cao', 0.5],
  ['Lưu', 0.4],
  ['Thái', 0.4],
  ['Tạ', 0.3],
  ['Lương', 0.3],
  ['Quách', 0.3],
  ['La', 0.3],
  ['Kha', 0.2],
  ['Từ', 0.2],
  ['Triệu', 0.2],
]);

const MALE_MIDDLE = nfc([
  ['Văn', 30],
  ['Minh', 10],
  ['Hữu', 8],
  ['Quốc', 8],
  ['Thanh', 7],
  ['Tấn', 5],
  ['Hoàng', 5],
  ['Công', 5],
  ['Đức', 4],
  ['Chí', 4],
  ['Ngọc', 3],
  ['Trung', 3],
  ['Hoài', 3],
  ['Thành', 3],
  ['Duy', 3],
  ['Trọng', 3],
  ['Phước', 2],
  ['Tuấn', 2],
  ['Anh', 2],
  ['Nhật', 2],
  ['Gia', 2],
  ['Phú', 2],
  ['Xuân', 2],
  ['Thái', 1],
  ['Kim', 1],
  ['Bảo', 1],
]);
const FEMALE_MIDDLE = nfc([
  ['Thị', 35],
  ['Ngọc', 12],
  ['Thanh', 7],
  ['Kim', 6],
  ['Mỹ', 6],
  ['Thúy', 4],
  ['Hồng', 4],
  ['Phương', 4],
  ['Thu', 4],
  ['Bích', 3],
  ['Minh', 3],
  ['Diễm', 2],
  ['Hoàng', 2],
  ['Tuyết', 2],
  ['Cẩm', 2],
  ['Thảo', 2],
  ['Như', 2],
  ['Khánh', 2],
  ['Bảo', 2],
  ['Yến', 1],
  ['Huỳnh', 1],
  ['Anh', 1],
]);
const MALE_GIVEN = nfc([
  ['Đức', 9],
  ['Hùng', 6],
  ['Dũng', 6],
  ['Tuấn', 6],
  ['Minh', 6],
  ['Hải', 5],
  ['Thành', 5],
  ['Long', 5],
  ['Phong', 4],
  ['Tâm', 4],
  ['Nam', 4],
  ['Hiếu', 4],
  ['Trung', 4],
  ['Khoa', 4],
  ['Sơn', 4],
  ['Phúc', 4],
  ['Huy', 4],
  ['Tài', 3],
  ['Lộc', 3],
  ['Thắng', 3],
  ['Tùng', 3],
  ['Quang', 3],
  ['Bình', 3],
  ['Vinh', 3],
  ['Trí', 3],
  ['Nghĩa', 3],
  ['Hòa', 3],
  ['Khánh', 3],
  ['Đạt', 3],
  ['Toàn', 3],
  ['Cường', 3],
  ['Thiện', 2],
  ['Hoàng', 2],
  ['Lâm', 2],
  ['Kiệt', 2],
  ['Nhân', 2],
  ['Tín', 2],
  ['Hậu', 2],
  ['Tân', 2],
  ['Sang', 2],
  ['Bảo', 2],
  ['Duy', 2],
  ['An', 2],
  ['Việt', 2],
  ['Thịnh', 2],
  ['Phước', 2],
  ['Tiến', 2],
  ['Quân', 2],
  ['Vũ', 1],
  ['Triều', 1],
]);
const FEMALE_GIVEN = nfc([
  ['Linh', 6],
  ['Trang', 6],
  ['Hương', 5],
  ['Lan', 5],
  ['Thảo', 5],
  ['Phương', 5],
  ['Ngọc', 4],
  ['Nhung', 4],
  ['Hạnh', 4],
  ['Hà', 4],
  ['Mai', 4],
  ['Thủy', 4],
  ['Hằng', 4],
  ['Yến', 4],
  ['Anh', 4],
  ['Vy', 3],
  ['Nhi', 3],
  ['Trinh', 3],
  ['Loan', 3],
  ['Uyên', 3],
  ['Quyên', 3],
  ['Hoa', 3],
  ['Hồng', 3],
  ['Thu', 3],
  ['Châu', 3],
  ['Duyên', 3],
  ['Trâm', 3],
  ['My', 3],
  ['Ngân', 3],
  ['Thư', 3],
  ['Giang', 3],
  ['Huyền', 3],
  ['Dung', 3],
  ['Tiên', 3],
  ['Nga', 3],
  ['Hiền', 3],
  ['Diễm', 2],
  ['Tuyết', 2],
  ['Xuân', 2],
  ['Oanh', 2],
  ['Lệ', 2],
  ['Thanh', 2],
  ['Liên', 2],
  ['Kiều', 2],
  ['Vân', 2],
]);

const KHMER_FAMILY = nfc([
  ['Thạch', 25],
  ['Sơn', 20],
  ['Danh', 15],
  ['Lâm', 8],
  ['Kim', 8],
  ['Lý', 6],
  ['Huỳnh', 4],
  ['Trần', 4],
  ['Châu', 4],
  ['Tăng', 3],
  ['Dương', 3],
]);
const KHMER_MALE = nfc(
  list(
    'Sô Phanh, Sà Rây, Sóc Khia, Chanh Đa, Ra Sy, Sa Ranh, Ni Ron, Som Bát, Sà Lích, Ba Ren, Văn Đươl, Văn Sóc, ' +
      'Minh Thươl, Hoàng Sa Vi, Chăn Thu, Kim Sang, Ngọc Sơn, Văn Tha, Sa Mết, Thanh Tùng, Sóc Kha, Văn Vươl, Sô Kha, Ri Đa',
  ),
);
const KHMER_FEMALE = nfc(
  list(
    'Thị Sa Rết, Thị Sà Ra, Thị Sóc Khe, Thị Chanh Thu, Thị Ngọc Hân, Thị Sa Phia, Thị Kim Thoa, Thị Mỹ Liên, Thị Sa Mây, ' +
      'Thị Sô Phia, Thị Ra Ny, Thị Cà Na, Thị Sà Phương, Thị Huỳnh Như, Thị Bô Pha, Thị Phol, Thị Thu Sương, Thị Sa Kha',
  ),
);

const HOA_FAMILY = nfc([
  ['Lý', 15],
  ['Trịnh', 10],
  ['Quách', 10],
  ['Lâm', 10],
  ['Tăng', 8],
  ['Diệp', 8],
  ['Mã', 6],
  ['Lưu', 6],
  ['Hứa', 6],
  ['Trương', 6],
  ['Ông', 4],
  ['Thái', 4],
  ['Huỳnh', 4],
  ['Châu', 4],
  ['La', 3],
  ['Tiêu', 3],
]);
const HOA_MALE_MIDDLE = nfc(list('Quốc, Kiến, Vĩnh, Gia, Minh, Tuấn, Thế, Chấn, Hào'));
const HOA_FEMALE_MIDDLE = nfc(list('Mỹ, Ngọc, Tú, Huệ, Bội, Gia, Kim, Mẫn, Tuệ'));
const HOA_MALE_GIVEN = nfc(list('Huy, Vinh, Cường, Hào, Kiệt, Phát, Tài, Minh, Khang, Thành, Hưng, Quang'));
const HOA_FEMALE_GIVEN = nfc(list('Linh, Ngọc, Phụng, Hoa, Trân, Uyên, Mỹ, Quyên, Nghi, Lan, Hân, Doanh'));

export interface PersonName {
  fullName: string;
  /** The last word of the name: Vietnamese lists sort by it. */
  givenName: string;
  family: string;
}

function compose(family: string, middle: string, given: string): PersonName {
  const fullName = `${family} ${middle} ${given}`.replace(/\s+/g, ' ').trim();
  const words = fullName.split(' ');
  return { fullName, givenName: words[words.length - 1], family };
}

/** A name for a person of the given ethnic group ('01' Kinh, '04' Hoa, '05' Khơ Me; others use Kinh names). */
export function makeName(rng: Rng, female: boolean, ethnicCode: string): PersonName {
  if (ethnicCode === '05') {
    return compose(rng.weighted(KHMER_FAMILY), '', rng.weighted(female ? KHMER_FEMALE : KHMER_MALE));
  }
  if (ethnicCode === '04') {
    const middle = rng.weighted(female ? HOA_FEMALE_MIDDLE : HOA_MALE_MIDDLE);
    let given = rng.weighted(female ? HOA_FEMALE_GIVEN : HOA_MALE_GIVEN);
    while (given === middle) given = rng.weighted(female ? HOA_FEMALE_GIVEN : HOA_MALE_GIVEN);
    return compose(rng.weighted(HOA_FAMILY), middle, given);
  }
  const family = rng.weighted(KINH_FAMILY);
  const middle = rng.weighted(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  let given = rng.weighted(female ? FEMALE_GIVEN : MALE_GIVEN);
  while (given === middle) given = rng.weighted(female ? FEMALE_GIVEN : MALE_GIVEN);
  // a few people carry a second middle name (Nguyễn Thị Ngọc Hân)
  const second = rng.chance(0.08) ? ' ' + rng.weighted(female ? FEMALE_MIDDLE.slice(1) : MALE_MIDDLE.slice(1)) : '';
  return compose(family, middle + (second.trim() === given || second.trim() === middle ? '' : second), given);
}

/** Lower-case ASCII of a Vietnamese string ("Nguyễn Văn Đức" → "nguyen van duc"). */
export function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A civil-service e-mail: initials of the family and middle names, the given name, the unit ("nvduc.snv@cantho.gov.vn"). */
export function makeEmail(name: PersonName, unitCode: string, disambiguator: number): string {
  const words = asciiFold(name.fullName).split(' ');
  const initials = words
    .slice(0, -1)
    .map((w) => w[0])
    .join('');
  const suffix = disambiguator > 0 ? String(disambiguator) : '';
  return `${initials}${words[words.length - 1]}${suffix}.${asciiFold(unitCode).replace(/[^a-z0-9]/g, '')}@cantho.gov.vn`;
}
