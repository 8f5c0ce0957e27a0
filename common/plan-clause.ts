/**
 * A clause of the plan in force: "Kế hoạch 131/KH-UBND, mục III.1.b". The section numbers are those of Plan
 * 131/KH-UBND (Cần Thơ, 03/06/2025), the template every province's plan starts from (Decree 178/2024 Art. 3
 * cl. 8 asks each province for the same plan); the code is the plan's own, read from the database.
 */
export function planClause(planCode: string, section: string): string {
  return `Kế hoạch ${planCode}, mục ${section}`;
}
