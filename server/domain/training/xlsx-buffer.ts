import { PassThrough } from 'node:stream';
import { writeListXlsx, type ListSheet } from '../../documents/xlsx-list.js';

/** A small workbook written whole into memory (a unit's plan or the province summary: hundreds of rows). */
export async function xlsxBuffer(sheets: ListSheet[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeListXlsx(out, sheets);
  out.end();
  await done;
  return Buffer.concat(chunks);
}
