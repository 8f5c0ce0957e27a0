import type { Me } from '../../api/types';

/** Whether the user may import personnel records (the imports policy on the server). */
export const canImport = (me: Me) => me.capabilities.includes('importCadres');
