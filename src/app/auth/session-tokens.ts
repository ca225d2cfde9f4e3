import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the session cookie's value and CSRF tokens. */
export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
