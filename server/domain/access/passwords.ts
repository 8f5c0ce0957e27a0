import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (memory-hard; ~50 ms here). */
export const hashPassword = (plain: string) => hash(plain);
export const verifyPassword = (stored: string, plain: string) => verify(stored, plain).catch(() => false);

// verified against when the user does not exist, so timing does not tell which usernames exist
let dummyHash: Promise<string> | null = null;
export const dummyPasswordHash = () => (dummyHash ??= hash('not-a-real-password'));
