import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../app/api/client';
import { downloadFile } from '../../app/api/download';
import type { ApiData } from '../../app/api/types';
import { useLang } from '../../app/i18n/use-lang';

export type AuditPage = ApiData<'/api/audit'>;
export type AuditEntry = AuditPage['items'][number];
export type AuditPreset = ApiData<'/api/audit/presets'>[number];
/** The filter in its JSON form, as presets and saved searches hold it. */
export type AuditFilter = AuditPreset['filter'];
export type SavedSearch = ApiData<'/api/audit/saved-searches'>[number];
export type ActionGroup = ApiData<'/api/audit/actions'>[number];

/** The query string of a filter: lists comma-separated, as the server reads them. */
export function toQuery(f: AuditFilter) {
  const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? xs.join(',') : undefined);
  return {
    personId: f.personId,
    actions: list(f.actions),
    groups: list(f.groups),
    actorRoles: list(f.actorRoles),
    outcome: list(f.outcomes),
    orgUnitId: f.orgUnitId,
    days: f.days,
    from: f.days ? undefined : f.from,
    to: f.days ? undefined : f.to,
    hideOwnAudit: f.hideOwnAudit ? ('true' as const) : undefined,
  };
}

/** How many conditions a filter sets (actions and groups are one; the window and the switch not counted). */
export const conditionCount = (f: AuditFilter) =>
  [
    f.personId,
    f.orgUnitId,
    f.actions?.length || f.groups?.length,
    f.actorRoles?.length,
    f.outcomes?.length,
  ].filter(Boolean).length;

export const downloadAudit = (f: AuditFilter) =>
  downloadFile(
    api.GET('/api/audit/export.xlsx', { params: { query: toQuery(f) }, parseAs: 'blob' }),
    'audit.xlsx',
  );

/**
 * The action catalogue (served by the server, the one list the trail is written from) and a
 * labeller in the page's language; unknown codes (newer than the catalogue) show as themselves.
 */
export function useAuditActions() {
  const lang = useLang();
  const catalogue = useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => unwrap(api.GET('/api/audit/actions')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const groups = catalogue.data ?? [];
  const label = useCallback(
    (code: string) => {
      for (const g of groups) {
        const a = g.actions.find((x) => x.code === code);
        if (a) return { action: lang === 'en' ? a.en : a.zh, group: lang === 'en' ? g.en : g.zh };
      }
      return { action: code, group: '' };
    },
    [groups, lang],
  );
  return { groups, label, lang };
}
