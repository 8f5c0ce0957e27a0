import { z } from 'zod';

/** The code lists the forms pick from: list name → its entries. */
export const referenceLists = z.record(z.string(), z.array(z.record(z.string(), z.unknown())));
