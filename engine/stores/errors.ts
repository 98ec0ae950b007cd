import { defineErrors } from '../history/errors.ts';

/** PostgreSQL's SQLSTATE 53300: every connection slot is taken (`FATAL: sorry, too many clients already`). */
export const TOO_MANY_CONNECTIONS = 3001;

defineErrors({ [TOO_MANY_CONNECTIONS]: 'too many clients already' });
