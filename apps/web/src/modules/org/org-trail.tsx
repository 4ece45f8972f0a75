import type { BreadcrumbProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { ORG_BROWSER_ROLES } from '../../app/auth/roles';
import { useOrgAncestors } from './org-queries';

type Crumbs = NonNullable<BreadcrumbProps['items']>;

/**
 * The way back to a class for the pages below the org browser (a class's roster, a student's
 * record): 组织机构 / city / district / school / class, each step a link. Roles that do not browse
 * the org tree (a teacher who came from their home) get 首页 / class. `classId` may be empty while
 * the page is loading.
 */
export function useClassTrail(classId: string, className: string, classLink: boolean): Crumbs {
  const { t } = useTranslation();
  const me = useMe();
  const browses = ORG_BROWSER_ROLES.includes(me.role);
  const ancestors = useOrgAncestors(classId, browses && !!classId);
  const cls = {
    key: classId,
    title: classLink ? <Link to={`/classes/${classId}`}>{className}</Link> : className,
  };
  if (!browses) return [{ key: 'home', title: <Link to="/">{t('nav.home')}</Link> }, cls];
  return [
    { key: 'org', title: <Link to="/org">{t('org.title')}</Link> },
    ...(ancestors.data ?? []).map((a) => ({ key: a.id, title: <Link to={`/org/${a.id}`}>{a.name}</Link> })),
    cls,
  ];
}
