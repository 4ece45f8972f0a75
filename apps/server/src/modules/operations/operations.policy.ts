/**
 * 系统管理员 (等保 2.0 三员分立, COMPLIANCE §4): runs the system — service and job health,
 * backups and their verification, storage, code-table versions. Nobody else sees this state or
 * starts this work; none of it is anyone's personal data.
 */
export const OPERATORS = ['system_admin'] as const;
