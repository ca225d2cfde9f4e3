import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the secret part of /einreichen/entwurf/<token>. */
export const newDraftToken = () => randomBytes(32).toString('base64url');

/** Only this hash is stored: a leaked table opens no draft. */
export const draftTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Anything else cannot be a token and never reaches the database. */
export const isDraftToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
