import { z } from 'zod';

/** Responses of the first-setup API: which province this deployment serves (one deployment, one province). */

const provinceRef = z.object({ code: z.string(), name: z.string(), peoplesCommitteeName: z.string() });

export const setupStatusResponse = z.object({
  setUp: z.boolean(),
  /** Null until the first setup. */
  province: provinceRef.nullable(),
});

/** A province of the national list, with what its setup creates. */
export const nationalProvinceItem = provinceRef.extend({
  communes: z.number(),
  wards: z.number(),
  specialZones: z.number(),
  formedFrom: z.array(z.string()),
});

export const nationalProvincesResponse = z.object({ items: z.array(nationalProvinceItem) });

export const setupResultResponse = z.object({
  province: provinceRef.extend({ levelWord: z.string(), placeName: z.string() }),
  communes: z.number(),
  legacyCommunes: z.number(),
});
