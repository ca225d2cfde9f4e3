import { randomUUID } from 'node:crypto';
import type { Role, User } from '../domain/user.ts';
import type { Queryable } from './database.ts';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
  last_login_at: Date | null;
}

export interface UserWithSecrets extends User {
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
}

const toUser = (row: UserRow): UserWithSecrets => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabled,
  createdAt: new Date(row.created_at).toISOString(),
  lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
  passwordHash: row.password_hash,
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
});

/** Strips what must never leave the auth code (hash, lock state). */
export const publicUser = ({ passwordHash: _hash, failedLogins: _failed, lockedUntil: _locked, ...user }: UserWithSecrets): User => user;

export class EmailTakenError extends Error {
  readonly code = 'email_taken';
}

export function createUsersRepository(db: Queryable) {
  async function create(input: { email: string; name: string; role: Role; passwordHash: string }, tx: Queryable = db): Promise<User> {
    try {
      const rows = await tx.query<UserRow>('INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING *', [
        randomUUID(),
        input.email,
        input.name,
        input.role,
        input.passwordHash,
      ]);
      return publicUser(toUser(rows[0]!));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new EmailTakenError(input.email);
      throw error;
    }
  }

  async function findByEmail(email: string): Promise<UserWithSecrets | null> {
    const rows = await db.query<UserRow>('SELECT * FROM users WHERE email = $1', [email.trim().toLowerCase()]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async function get(id: string): Promise<User | null> {
    const rows = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? publicUser(toUser(rows[0])) : null;
  }

  async function list(): Promise<User[]> {
    const rows = await db.query<UserRow>('SELECT * FROM users ORDER BY name, email');
    return rows.map((row) => publicUser(toUser(row)));
  }

  /** Counts a failed login; from `lockAfter` consecutive failures on, the account is locked for lockMs. */
  async function recordFailedLogin(id: string, lockAfter: number, lockMs: number): Promise<void> {
    await db.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END
       WHERE id = $1`,
      [id, lockAfter, lockMs / 1000],
    );
  }

  async function recordLogin(id: string): Promise<void> {
    await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1', [id]);
  }

  async function count(): Promise<number> {
    const rows = await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM users');
    return rows[0]?.n ?? 0;
  }

  return { create, findByEmail, get, list, recordFailedLogin, recordLogin, count };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
