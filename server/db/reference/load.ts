import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config.js';

/**
 * Readers of the reference files in this folder. `vietnam-communes-2025.json` is the national list of the 34
 * provinces and their 3,321 communes and wards from 01/07/2025, each with the pre-2025 communes it was formed
 * from (its `source` field names where it comes from and its licence); `ethnic-groups.json` the 54 ethnic
 * groups of the General Statistics Office's list.
 */

export interface NationalCommune {
  /** GSO code of the commune or ward from 01/07/2025. */
  code: string;
  name: string;
  // 'dac_khu': one of the 13 special zones (đặc khu), a commune-level unit
  kind: 'phuong' | 'xa' | 'dac_khu';
  /** The pre-2025 communes it was formed from; 'partial' = part of it (or possibly the same locality). */
  formedFrom: { code: string; name: string; type: 'full' | 'partial' }[];
}

export interface NationalProvince {
  /** GSO code from 01/07/2025: '01' Hà Nội, '92' Cần Thơ. */
  code: string;
  /** 'Thành phố Cần Thơ', 'Tỉnh An Giang'. */
  name: string;
  /** The pre-2025 provinces it was formed from. */
  formedFrom: { code: string; name: string }[];
  communes: NationalCommune[];
}

export interface EthnicGroupJson {
  code: string;
  name: string;
  minority: boolean;
  aliases: string[];
}

function readReference<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(projectRoot(), 'server/db/reference', file), 'utf8')) as T;
}

let national: { source: string; provinces: NationalProvince[] } | null = null;

/** The national list (read once; 850 KB). Names are NFC. */
export function loadNationalList(): { source: string; provinces: readonly NationalProvince[] } {
  if (!national) {
    const raw = readReference<{ source: string; provinces: NationalProvince[] }>('vietnam-communes-2025.json');
    const nfc = (s: string) => s.normalize('NFC');
    national = {
      source: raw.source,
      provinces: raw.provinces.map((p) => ({
        code: p.code,
        name: nfc(p.name),
        formedFrom: p.formedFrom.map((f) => ({ code: f.code, name: nfc(f.name) })),
        communes: p.communes.map((c) => ({
          code: c.code,
          name: nfc(c.name),
          kind: c.kind,
          formedFrom: c.formedFrom.map((f) => ({ code: f.code, name: nfc(f.name), type: f.type })),
        })),
      })),
    };
  }
  return national;
}

/** One province of the national list, or undefined for an unknown code. */
export function findNationalProvince(code: string): NationalProvince | undefined {
  return loadNationalList().provinces.find((p) => p.code === code);
}

export function loadEthnicGroups(): EthnicGroupJson[] {
  return readReference<{ groups: EthnicGroupJson[] }>('ethnic-groups.json').groups;
}
