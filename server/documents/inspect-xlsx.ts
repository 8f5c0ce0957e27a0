import zlib from 'node:zlib';
import { Readable } from 'node:stream';

/**
 * Checks an uploaded file before any spreadsheet library sees it: is it an .xlsx at all, is it encrypted,
 * is it a zip bomb. Reads the zip central directory by hand and inflates each entry with a byte counter, so
 * a lying size field cannot get past the limits. Also lists the sheets and their merged cells, which the
 * streaming reader does not report.
 */

export interface XlsxLimits {
  maxFileBytes: number;
  maxTotalUncompressed: number;
  maxEntryRatio: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxTotalUncompressed: 1024 * 1024 * 1024,
  maxEntryRatio: 200,
  maxEntries: 2000,
};

export type FileProblem = 'too_large' | 'empty' | 'encrypted' | 'legacy_xls' | 'not_xlsx' | 'zip_bomb' | 'corrupt';

export const FILE_PROBLEM_MESSAGES: Record<FileProblem, string> = {
  too_large: 'Tệp vượt quá dung lượng cho phép',
  empty: 'Tệp rỗng',
  encrypted: 'Tệp được đặt mật khẩu (mã hóa). Vui lòng mở tệp trong Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi tải lên lại.',
  legacy_xls: 'Tệp ở định dạng Excel 97-2003 (.xls). Vui lòng lưu lại thành .xlsx (Excel Workbook) rồi tải lên lại.',
  not_xlsx: 'Tệp không phải là tệp Excel (.xlsx). Vui lòng dùng mẫu nhập liệu của hệ thống.',
  zip_bomb: 'Tệp có nội dung giải nén bất thường (quá lớn so với dung lượng tệp) nên bị từ chối vì lý do an toàn.',
  corrupt: 'Tệp bị hỏng hoặc không đọc được. Vui lòng mở và lưu lại tệp trong Excel rồi tải lên lại.',
};

export class FileRejected extends Error {
  constructor(
    readonly problem: FileProblem,
    detail?: string,
  ) {
    super(FILE_PROBLEM_MESSAGES[problem] + (detail ? ` (${detail})` : ''));
    this.name = 'FileRejected';
  }
}

export interface XlsxInspection {
  sheets: { name: string; path: string; hidden: boolean; rows: number | null }[];
  /** Merged ranges per sheet name, e.g. { 'Cán bộ': ['A2:B2'] }. */
  merges: Record<string, string[]>;
  uncompressedBytes: number;
  /** Dates are counted from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
}

export interface Entry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function readCentralDirectory(buf: Buffer, limits: XlsxLimits): Entry[] {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes
  const from = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FileRejected('not_xlsx');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new FileRejected('zip_bomb', 'ZIP64');
  if (count > limits.maxEntries) throw new FileRejected('zip_bomb', `${count} mục`);
  if (cdOffset + cdSize > buf.length) throw new FileRejected('corrupt');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new FileRejected('corrupt');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where an entry's compressed bytes are in the file. */
function entryData(buf: Buffer, e: Entry): Buffer {
  if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== 0x04034b50) throw new FileRejected('corrupt');
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  if (start + e.compressed > buf.length) throw new FileRejected('corrupt');
  return buf.subarray(start, start + e.compressed);
}

/**
 * Inflates one entry chunk by chunk, counting bytes: the output may not exceed what the entry declares, nor
 * the ratio, nor what is left of the total budget, so a lying size field cannot get past the limits.
 */
export async function* inflateChunks(buf: Buffer, e: Entry, budget: { left: number }, limits: XlsxLimits, chunkSize = 256 * 1024): AsyncGenerator<Buffer> {
  const data = entryData(buf, e);
  if (e.method === 0) {
    budget.left -= data.length;
    if (budget.left < 0) throw new FileRejected('zip_bomb');
    yield data;
    return;
  }
  if (e.method !== 8) throw new FileRejected('corrupt', `phương thức nén ${e.method}`);
  const cap = Math.min(budget.left, Math.max(e.uncompressed, 0) + 1, Math.max(e.compressed * limits.maxEntryRatio, 1024 * 1024));
  const inflate = zlib.createInflateRaw({ chunkSize });
  let produced = 0;
  const IN = 64 * 1024;
  const slices = (function* () {
    for (let off = 0; off < data.length; off += IN) yield data.subarray(off, Math.min(data.length, off + IN));
  })();
  const out = Readable.from(slices).pipe(inflate);
  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > cap) throw new FileRejected('zip_bomb');
      yield chunk;
    }
  } catch (err) {
    if (err instanceof FileRejected) throw err;
    throw new FileRejected('corrupt');
  } finally {
    inflate.destroy();
    budget.left -= produced;
  }
}

/** Inflates one entry, counting bytes; calls `onChunk` with the bytes of the entries we need to look into. */
async function inflateEntry(buf: Buffer, e: Entry, budget: { left: number }, limits: XlsxLimits, onChunk?: (b: Buffer) => void): Promise<void> {
  for await (const chunk of inflateChunks(buf, e, budget, limits)) onChunk?.(chunk);
}

/** The zip entries of an .xlsx by name (after inspectXlsx accepted the file). */
export function xlsxEntries(buf: Buffer, limits: XlsxLimits = DEFAULT_LIMITS): Map<string, Entry> {
  return new Map(readCentralDirectory(buf, limits).map((e) => [e.name, e]));
}

const MERGE_CELL = Buffer.from('<mergeCell ');
const DIMENSION = Buffer.from('<dimension ');

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Inspects an upload; throws FileRejected with a Vietnamese message when it must not be opened. */
export async function inspectXlsx(buf: Buffer, limits: XlsxLimits = DEFAULT_LIMITS): Promise<XlsxInspection> {
  if (buf.length === 0) throw new FileRejected('empty');
  if (buf.length > limits.maxFileBytes) throw new FileRejected('too_large', `tối đa ${Math.round(limits.maxFileBytes / 1048576)} MB`);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    // an OLE compound file: either an encrypted OOXML package or an old .xls
    throw new FileRejected(buf.indexOf(ENCRYPTION_INFO) >= 0 ? 'encrypted' : 'legacy_xls');
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw new FileRejected('not_xlsx');
  const entries = readCentralDirectory(buf, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new FileRejected('not_xlsx');
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new FileRejected('encrypted');
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) throw new FileRejected('zip_bomb', 'ZIP64');
    declared += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > e.compressed * limits.maxEntryRatio) throw new FileRejected('zip_bomb');
  }
  if (declared > limits.maxTotalUncompressed) throw new FileRejected('zip_bomb');

  const budget = { left: limits.maxTotalUncompressed };
  const texts: Record<string, string> = {};
  const mergesByPath: Record<string, string[]> = {};
  const rowsByPath: Record<string, number> = {};
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels') {
      const parts: Buffer[] = [];
      await inflateEntry(buf, e, budget, limits, (c) => parts.push(c));
      texts[e.name] = Buffer.concat(parts).toString('utf8');
    } else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) {
      // merged cells are listed after the rows: scan the bytes, keeping a tail across chunk boundaries
      let tail = Buffer.alloc(0);
      const found: string[] = [];
      await inflateEntry(buf, e, budget, limits, (c) => {
        const b = tail.length ? Buffer.concat([tail, c]) : c;
        for (let i = b.indexOf(MERGE_CELL); i >= 0; i = b.indexOf(MERGE_CELL, i + 1)) {
          const end = b.indexOf(62 /* > */, i);
          if (end < 0) break;
          const m = /ref="([A-Z]+\d+:[A-Z]+\d+)"/.exec(b.toString('latin1', i, end));
          if (m) found.push(m[1]);
        }
        if (!(e.name in rowsByPath)) {
          const i = b.indexOf(DIMENSION);
          const end = i >= 0 ? b.indexOf(62, i) : -1;
          if (end >= 0) rowsByPath[e.name] = Number(/ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(b.toString('latin1', i, end))?.[1] ?? 1);
        }
        // keep the unfinished tag at the end (a match found twice is removed below)
        const cut = b.lastIndexOf(60 /* < */);
        tail = cut >= 0 && b.length - cut < 200 ? Buffer.from(b.subarray(cut)) : Buffer.alloc(0);
      });
      if (found.length) mergesByPath[e.name] = [...new Set(found)];
    } else {
      await inflateEntry(buf, e, budget, limits);
    }
  }
  const rels = new Map<string, string>();
  for (const m of (texts['xl/_rels/workbook.xml.rels'] ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, 'xl/' + target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const sheets: XlsxInspection['sheets'] = [];
  for (const m of (texts['xl/workbook.xml'] ?? '').matchAll(/<sheet\b[^>]*>/g)) {
    const name = xmlText(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const hidden = /\bstate="(hidden|veryHidden)"/.test(m[0]);
    const path = rels.get(rid) ?? '';
    sheets.push({ name, path, hidden, rows: rowsByPath[path] ?? null });
  }
  const merges: Record<string, string[]> = {};
  for (const s of sheets) if (mergesByPath[s.path]) merges[s.name] = mergesByPath[s.path];
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(texts['xl/workbook.xml'] ?? '');
  return { sheets, merges, uncompressedBytes: limits.maxTotalUncompressed - budget.left, date1904 };
}
