import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id with m=19456 KiB, t=2, p=1 (the OWASP recommendation);
// passwords.test.ts pins that the stored hash is argon2id.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified when the e-mail address is unknown, so a login takes as long whether or not the account exists.
let decoyHash: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hash('decoy-password-for-unknown-accounts');
  await verifyPassword(await decoyHash, password);
}
