import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { upperVi } from '../domain/province/province-identity.js';

/**
 * Building blocks of an official document in the layout of Decree 30/2020/NĐ-CP: issuing body and number on
 * the left, national title, motto, place and date on the right; title; body; signer; recipients.
 * Times New Roman 13 pt on A4, margins top/bottom 20 mm, left 30 mm, right 15 mm.
 */
export const FONT = 'Times New Roman';
export const SIZE = 26; // half-points: 13 pt
type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Millimetres to twips, rounded. */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);

export const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });

export const para = (children: TextRun[], o: { align?: Align; before?: number; after?: number } = {}) =>
  new Paragraph({ children, alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: { before: o.before ?? 0, after: o.after ?? 60 } });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export function cell(text: string, o: { bold?: boolean; width?: number; align?: Align; size?: number } = {}) {
  return new TableCell({
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    children: text.split('\n').map((t) => para([run(t, { bold: o.bold, size: o.size ?? 24 })], { align: o.align ?? AlignmentType.LEFT, after: 0 })),
  });
}

/** A bordered table with a repeated header row. */
export function table(headers: string[], widths: number[], rows: string[][], o: { size?: number; align?: (Align | undefined)[] } = {}) {
  const body = rows.length ? rows : [headers.map(() => '')];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, { bold: true, width: widths[i], align: AlignmentType.CENTER, size: o.size })) }),
      ...body.map((r) => new TableRow({ children: r.map((v, i) => cell(v, { width: widths[i], size: o.size, align: o.align?.[i] })) })),
    ],
  });
}

/** "03 tháng 6 năm 2025" (days under 10 and months under 3 take a leading zero, Decree 30/2020). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** "Hà Nội, ngày 03 tháng 6 năm 2025": the place is the province's (ProvinceIdentity.placeName). */
export function placeAndDate(place: string, iso: string): string {
  return `${place}, ngày ${longDate(iso)}`;
}

export interface Heading {
  /** The governing body (the province's People's Committee), printed above the issuing body; optional. */
  superior?: string;
  issuer: string;
  /** "Số: 12/QĐ-UBND", or a blank to be filled when signed. */
  number: string;
  place: string;
  date: string;
}

/** The head of an official document (Decree 30/2020, parts 1–4). */
export function officialHeading(h: Heading) {
  const left = [
    ...(h.superior ? [para([run(upperVi(h.superior), { size: 24 })], { align: AlignmentType.CENTER, after: 0 })] : []),
    para([run(upperVi(h.issuer), { bold: true, size: 24 })], { align: AlignmentType.CENTER, after: 0 }),
    para([run('───────')], { align: AlignmentType.CENTER, after: 0 }),
    para([run(h.number)], { align: AlignmentType.CENTER }),
  ];
  const right = [
    para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })], { align: AlignmentType.CENTER, after: 0 }),
    para([run('Độc lập - Tự do - Hạnh phúc', { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([run('───────────────')], { align: AlignmentType.CENTER, after: 0 }),
    para([run(placeAndDate(h.place, h.date), { italics: true })], { align: AlignmentType.CENTER }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, children: left }),
          new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, children: right }),
        ],
      }),
    ],
  });
}

/** Recipients on the left, the signer's title and name on the right (Decree 30/2020, parts 7 and 9). */
export function signatureBlock(o: { recipients: string[]; signerTitle: string; signerName?: string }) {
  const left = [
    para([run('Nơi nhận:', { bold: true, italics: true, size: 24 })], { align: AlignmentType.LEFT, after: 0 }),
    ...o.recipients.map((r) => para([run(`- ${r}`, { size: 22 })], { align: AlignmentType.LEFT, after: 0 })),
  ];
  const right = [
    para([run(upperVi(o.signerTitle), { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([run('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: 24 })], { align: AlignmentType.CENTER, after: 1200 }),
    para([run(o.signerName ?? '', { bold: true })], { align: AlignmentType.CENTER }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: left }),
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: right }),
        ],
      }),
    ],
  });
}

/**
 * Page numbers as Decree 30/2020 (Appendix I) sets them: Arabic numerals, centred in the top margin, from the second
 * page; none on the first. The first section takes a blank first-page header (w:titlePg); a later section (an annex
 * on landscape pages) continues the numbering and shows it on its first page too.
 */
export function decree30PageNumbers(o: { firstSection: boolean } = { firstSection: true }): Pick<ISectionOptions, 'headers'> & { titlePage: boolean } {
  const numbered = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE })] })],
  });
  return o.firstSection
    ? { titlePage: true, headers: { default: numbered, first: new Header({ children: [] }) } }
    : { titlePage: false, headers: { default: numbered } };
}

/** A document of one section on A4 (portrait or landscape) with the official margins and default font. */
export async function renderOfficialDocx(children: ISectionOptions['children'], o: { landscape?: boolean; title: string }): Promise<Buffer> {
  const doc = new Document({
    creator: 'Tăng cường',
    title: o.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297), orientation: o.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        headers: decree30PageNumbers().headers,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
