import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { DOCX_TYPE, detectPlanDocumentType, PDF_TYPE } from './plan-document.js';
import { NoPlanError, planGoverning } from './plan-in-force.js';
import { planParamsSchema } from '../../../common/plan-params.js';
import { PLAN_TEMPLATES } from '../../../common/plan-templates.js';

describe('which plan governs a date', () => {
  // latest start first, as the repository returns them
  const starts = [
    { id: 'b', code: '5/KH-UBND', issuedOn: '2026-11-20', startsOn: '2027-01-01' },
    { id: 'a', code: '131/KH-UBND', issuedOn: '2025-06-03', startsOn: '2025-06-03' },
  ];
  it('is the plan whose first version took effect last on or before the date', () => {
    expect(planGoverning(starts, '2026-12-01')?.code).toBe('131/KH-UBND');
    expect(planGoverning(starts, '2026-12-31')?.code).toBe('131/KH-UBND');
    expect(planGoverning(starts, '2027-01-01')?.code).toBe('5/KH-UBND');
    expect(planGoverning(starts, '2027-02-01')?.code).toBe('5/KH-UBND');
  });
  it('is none before the first plan, and an error telling Sở Nội vụ to create one when there is no plan', () => {
    expect(planGoverning(starts, '2025-06-02')).toBeNull();
    expect(() => planGoverning([], '2026-01-01')).toThrow(NoPlanError);
    expect(() => planGoverning([], '2026-01-01')).toThrow(/Sở Nội vụ cần tạo kế hoạch/);
  });
});

describe('the plan’s text is recognised by its bytes', () => {
  it('knows a PDF and a .docx, and nothing else (an .exe, an .xlsx, plain text)', async () => {
    expect(detectPlanDocumentType(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'))).toBe(PDF_TYPE);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch')] }] }));
    expect(detectPlanDocumentType(docx)).toBe(DOCX_TYPE);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A');
    expect(detectPlanDocumentType(Buffer.from(await wb.xlsx.writeBuffer()))).toBeNull();
    expect(detectPlanDocumentType(Buffer.from('MZ\x90\x00 This program cannot be run in DOS mode', 'latin1'))).toBeNull();
    expect(detectPlanDocumentType(Buffer.from('Kế hoạch số 131'))).toBeNull();
    expect(detectPlanDocumentType(Buffer.alloc(0))).toBeNull();
  });
});

describe('plan templates', () => {
  it('hold valid parameters, each under its own id', () => {
    for (const t of PLAN_TEMPLATES) expect(planParamsSchema.safeParse(t.params).success, t.id).toBe(true);
    expect(new Set(PLAN_TEMPLATES.map((t) => t.id)).size).toBe(PLAN_TEMPLATES.length);
    expect(PLAN_TEMPLATES.find((t) => t.id === 'decree-178')?.params).toMatchObject({ quotaRate: 0.05, minSecondmentMonths: 36 });
  });
});
