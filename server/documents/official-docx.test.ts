import { describe, expect, it } from 'vitest';
import { para, renderOfficialDocx, run } from './official-docx.js';
import { docxPageNumbering, hasCentredPageField } from '../../test/support/docx-pages.js';

describe('Decree 30/2020 page numbers', () => {
  it('an official document numbers its pages centred at the top from the second page, none on the first', async () => {
    const body = await renderOfficialDocx(
      Array.from({ length: 80 }, (_, i) => para([run(`Đoạn ${i + 1} của văn bản nhiều trang.`)])),
      { title: 'Văn bản thử' },
    );
    const sections = await docxPageNumbering(body);
    expect(sections).toHaveLength(1);
    expect(sections[0].titlePage).toBe(true);
    expect(hasCentredPageField(sections[0].headers.default)).toBe(true);
    // the first page's header exists and is blank
    expect(sections[0].headers.first).toBeDefined();
    expect(sections[0].headers.first).not.toMatch(/PAGE/);
  });
});
