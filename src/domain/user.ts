import { z } from 'zod';
import { EmailSchema } from './contribution.ts';

export const roles = ['editor', 'admin'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;
export const roleLabels: Record<Role, string> = { editor: 'Redakteur*in', admin: 'Administrator*in' };

/** Long passphrases beat composition rules (NIST SP 800-63B): only a minimum length. */
export const PASSWORD_MIN_LENGTH = 12;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: 'password_too_short' })
  .max(200, { error: 'too_long' });

export const NewUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(EmailSchema),
  name: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'too_long' }),
  role: RoleSchema,
  password: PasswordSchema,
});
export type NewUser = z.infer<typeof NewUserSchema>;

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** An admin may do everything an editor may. */
export function hasRole(user: Pick<User, 'role'>, required: Role): boolean {
  return required === 'editor' || user.role === 'admin';
}

/** How a user appears in audit entries and revisions. */
export const actorLabel = (user: Pick<User, 'name' | 'email'>) => `${user.name} <${user.email}>`;
