/** Actions the server records today, offered as suggestions; any prefix (e.g. `auth.`) also works. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.switch_role',
  'auth.change_password',
  'auth.totp',
  'auth.totp_setup',
  'account.reset_password',
  'access.denied',
  'audit.search',
  'org.create',
  'org.update',
  'org.move',
  'org.deactivate',
  'class.assign_teacher',
  'class.unassign_teacher',
  'class.appoint_head_teacher',
  'class.add_member',
  'roster.read',
  'student.read',
  'student.sensitive.read',
  'student.enroll',
  'student.transfer',
] as const;

/** i18n keys may not contain dots (the key separator), so `auth.login` is looked up as `auth_login`. */
export const actionLabelKey = (action: string) => `auditAction.${action.replaceAll('.', '_')}`;
