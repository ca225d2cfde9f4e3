import { z } from 'zod';
import { germanMessage, toFieldErrors, type FieldError } from '../../domain/messages.ts';
import { NewUserSchema, type User } from '../../domain/user.ts';
import type { AuditLog } from '../../storage/audit-log.ts';
import { EmailTakenError, type UsersRepository } from '../../storage/users-repository.ts';
import { hashPassword } from './passwords.ts';

export type CreateUserOutcome = { ok: true; user: User } | { ok: false; errors: FieldError[] };

/** Creates a back-office account (CLI `user add`, admins in the back office). */
export async function createUser(
  deps: { users: UsersRepository; auditLog: AuditLog },
  input: z.input<typeof NewUserSchema>,
  actor: { id: string | null; label: string },
): Promise<CreateUserOutcome> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error) };
  const { password, ...profile } = parsed.data;
  try {
    const user = await deps.users.create({ ...profile, passwordHash: await hashPassword(password) });
    await deps.auditLog.record({ actorId: actor.id, actor: actor.label, action: 'user.create', entityType: 'user', entityId: user.id, after: { email: user.email, name: user.name, role: user.role } });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, errors: [{ path: 'email', code: 'email_taken', message: germanMessage('email_taken') }] };
    throw error;
  }
}
