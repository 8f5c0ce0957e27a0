import type { Tx } from '../../db/client.js';
import { loadImportReferenceRows } from '../../db/repositories/imports.repository.js';
import { labelKey } from '../../documents/xlsx-cells.js';
import type { TemplateCodeLists } from '../../documents/import-template.js';
import type { Actor } from '../access/actor.js';
import { unitsScope } from '../../db/scope.js';
import { canManageUnit } from '../personnel/personnel.policy.js';
import { orgPolicy } from '../org/org.policy.js';
import type { ImportRefs } from './validate-row.js';
import { findProvince } from '../../db/repositories/province.repository.js';
import { findRatingInstruments } from '../../db/repositories/eligibility.repository.js';
import { provinceExamples } from './template-examples.js';

/** Who may import at all: the unit's personnel officer and Sở Nội vụ. */
export const IMPORT_ROLES = ['unit_hr', 'home_affairs'] as const;

/** The actor with only the grants that allow editing records (an importer's reach). */
export function editingActor(actor: Actor): Actor {
  return { ...actor, grants: actor.grants.filter((g) => (IMPORT_ROLES as readonly string[]).includes(g.role)) };
}

/**
 * Everything in `refs` as one deterministic text (maps as sorted entries): two imports checked against equal
 * fingerprints were checked against the same code lists, reach and dates.
 */
export function refsFingerprint(refs: ImportRefs): string {
  const plain = (v: unknown): unknown => {
    if (v instanceof Map) return [...v].map(([k, x]) => [k, plain(x)]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object')
      return Object.keys(v)
        .sort()
        .map((k) => [k, plain((v as Record<string, unknown>)[k])]);
    return v;
  };
  return JSON.stringify(plain(refs));
}

/** Loads the code lists and the units the actor may place people in, as look-up maps for validateRow. */
export async function loadImportRefs(tx: Tx, actor: Actor, today: string): Promise<ImportRefs & { lists: TemplateCodeLists }> {
  const editor = editingActor(actor);
  const rows = await loadImportReferenceRows(tx, unitsScope(editor));
  const ethnic = new Map<string, string>();
  for (const e of rows.ethnic) for (const n of [e.code, e.name, ...e.aliases]) ethnic.set(labelKey(n), e.code);
  const byCodeOrName = (list: { code: string; name: string }[]) => {
    const m = new Map<string, string>();
    for (const x of list) {
      m.set(labelKey(x.name), x.code);
      m.set(labelKey(x.code), x.code);
    }
    return m;
  };
  const units = new Map<string, { id: string; editable: boolean; closed?: true }>();
  for (const u of rows.units) units.set(u.code, { id: u.id, editable: canManageUnit(editor, u.path), ...(u.closed ? { closed: true as const } : {}) });
  const homeTownByCode = new Map(rows.communes.map((c) => [c.code, c.name]));
  const homeTownByName = new Map<string, string[]>();
  for (const c of rows.communes) {
    const keys = new Set([labelKey(c.name), labelKey(c.name).replace(/^(xã|phường|thịtrấn)/, '')]);
    for (const k of keys) homeTownByName.set(k, [...(homeTownByName.get(k) ?? []), c.code]);
  }
  const province = await findProvince(tx);
  return {
    today,
    currentYear: Number(today.slice(0, 4)),
    examples: provinceExamples(province, rows.communes[0] ?? null),
    ethnic,
    ranks: byCodeOrName(rows.ranks),
    ratingLevels: byCodeOrName(rows.levels),
    ratingInstruments: await findRatingInstruments(tx),
    disciplineForms: byCodeOrName(rows.forms),
    units,
    homeTownByCode,
    homeTownByName,
    canSetStaffing: actor.grants.some((g) => g.role === 'home_affairs'),
    canManageOrg: orgPolicy.mayAnywhere(actor, 'manage') && orgPolicy.holds(actor, 'manage', { province: [[]] }),
    lists: {
      ethnic: rows.ethnic.map((e) => e.name),
      rank: rows.ranks.map((r) => `${r.code} - ${r.name}`),
      unit: rows.units.filter((u) => units.get(u.code)?.editable && !u.closed).map((u) => u.code),
      homeTown: rows.communes.map((c) => `${c.code} - ${c.name}`),
      ratingLevel: rows.levels.map((l) => l.name),
      disciplineForm: rows.forms.map((f) => f.name),
    },
  };
}
