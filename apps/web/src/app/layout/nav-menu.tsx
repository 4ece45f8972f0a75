import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DesktopOutlined,
  EditOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FundOutlined,
  HeatMapOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  PlayCircleOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SnippetsOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/auth-context';
import {
  ACCOUNT_ADMIN_ROLES,
  AUDIT_ROLES,
  BANK_ROLES,
  CONTENT_ROLES,
  HOMEWORK_ROLES,
  IMPORT_ROLES,
  INVENTORY_ROLES,
  ITEM_ANALYSIS_ROLES,
  MARKING_ROLES,
  MASTERY_HEATMAP_ROLES,
  MASTERY_REPORT_ROLES,
  MASTERY_ROLLUP_ROLES,
  NOTEBOOK_ROLES,
  NOTICE_ADMIN_ROLES,
  OPERATIONS_ROLES,
  ORG_BROWSER_ROLES,
  PRACTICE_PUSH_ROLES,
  PRIVACY_REGISTER_ROLES,
  REVIEW_ROLES,
  SECOND_FACTOR_ROLES,
  SECURITY_ADMIN_ROLES,
  SHARE_REVIEW_ROLES,
  SPACE_ROLES,
} from '../auth/roles';

/**
 * Which top-level section a path belongs to, for the menu's highlight. A class's roster and a
 * student's record lie below the org browser for those who browse it, below the home for others.
 */
function sectionOf(pathname: string, browsesOrg: boolean): string {
  if (pathname.startsWith('/org')) return '/org';
  if (pathname.startsWith('/classes/') || pathname.startsWith('/students/')) return browsesOrg ? '/org' : '/';
  if (pathname.startsWith('/audit')) return '/audit';
  if (pathname.startsWith('/operations')) return '/operations';
  if (pathname.startsWith('/curriculum')) return '/curriculum';
  if (pathname.startsWith('/resources')) return '/resources';
  if (pathname.startsWith('/spaces')) return '/spaces';
  if (pathname.startsWith('/bank/reviews')) return '/bank/reviews';
  if (pathname.startsWith('/bank')) return '/bank';
  if (pathname.startsWith('/papers')) return '/papers';
  if (pathname.startsWith('/homework') || pathname.startsWith('/attempts')) return '/homework';
  if (pathname.startsWith('/marking')) return '/marking';
  if (pathname.startsWith('/item-analysis')) return '/item-analysis';
  if (pathname.startsWith('/diagnosis/')) return pathname.split('/').slice(0, 3).join('/');
  if (pathname.startsWith('/notebook')) return '/notebook';
  if (pathname.startsWith('/reviews') || pathname.startsWith('/review-chains')) return '/reviews';
  if (pathname.startsWith('/import')) return '/import';
  if (pathname.startsWith('/staff-accounts')) return '/staff-accounts';
  if (pathname.startsWith('/account')) return '/account';
  if (pathname.startsWith('/security/')) return pathname.split('/').slice(0, 3).join('/');
  if (pathname.startsWith('/privacy/')) return pathname.split('/').slice(0, 3).join('/');
  if (pathname.startsWith('/privacy')) return '/privacy';
  return '/';
}

const PRIVACY_GROUP = 'privacy-group';

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const privacyPage = { key: '/privacy', icon: <LockOutlined />, label: t('nav.privacy') };
  const privacyWork: NonNullable<MenuProps['items']> = [
    PRIVACY_REGISTER_ROLES.includes(me.role) && {
      key: '/privacy/requests',
      icon: <SolutionOutlined />,
      label: t('nav.privacyRequests'),
    },
    NOTICE_ADMIN_ROLES.includes(me.role) && {
      key: '/privacy/notices',
      icon: <FileProtectOutlined />,
      label: t('nav.privacyNotices'),
    },
    INVENTORY_ROLES.includes(me.role) && {
      key: '/privacy/inventory',
      icon: <ProfileOutlined />,
      label: t('nav.privacyInventory'),
    },
  ].filter((item) => item !== false);

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    ORG_BROWSER_ROLES.includes(me.role) && { key: '/org', icon: <ApartmentOutlined />, label: t('nav.org') },
    IMPORT_ROLES.includes(me.role) && {
      key: '/import',
      icon: <CloudUploadOutlined />,
      label: t('nav.import'),
    },
    HOMEWORK_ROLES.includes(me.role) && {
      key: '/homework',
      icon: <EditOutlined />,
      label: t('nav.homework'),
    },
    SPACE_ROLES.includes(me.role) && { key: '/spaces', icon: <TeamOutlined />, label: t('nav.spaces') },
    CONTENT_ROLES.includes(me.role) && {
      key: '/resources',
      icon: <PlayCircleOutlined />,
      label: t('nav.resources'),
    },
    MARKING_ROLES.includes(me.role) && { key: '/marking', icon: <EditOutlined />, label: t('nav.marking') },
    ITEM_ANALYSIS_ROLES.includes(me.role) && {
      key: '/item-analysis',
      icon: <BarChartOutlined />,
      label: t('nav.itemAnalysis'),
    },
    MASTERY_HEATMAP_ROLES.includes(me.role) && {
      key: '/diagnosis/heatmap',
      icon: <HeatMapOutlined />,
      label: t('nav.masteryHeatmap'),
    },
    PRACTICE_PUSH_ROLES.includes(me.role) && {
      key: '/diagnosis/practice',
      icon: <AimOutlined />,
      label: t('nav.practice'),
    },
    MASTERY_REPORT_ROLES.includes(me.role) && {
      key: '/diagnosis/report',
      icon: <FundOutlined />,
      label: t('nav.masteryReport'),
    },
    MASTERY_ROLLUP_ROLES.includes(me.role) && {
      key: '/diagnosis/rollup',
      icon: <FundOutlined />,
      label: t('nav.masteryRollup'),
    },
    NOTEBOOK_ROLES.includes(me.role) && {
      key: '/notebook',
      icon: <SnippetsOutlined />,
      label: t('nav.notebook'),
    },
    REVIEW_ROLES.includes(me.role) && { key: '/reviews', icon: <AuditOutlined />, label: t('nav.reviews') },
    BANK_ROLES.includes(me.role) && { key: '/bank', icon: <DatabaseOutlined />, label: t('nav.bank') },
    BANK_ROLES.includes(me.role) && { key: '/papers', icon: <FileTextOutlined />, label: t('nav.papers') },
    SHARE_REVIEW_ROLES.includes(me.role) && {
      key: '/bank/reviews',
      icon: <CheckSquareOutlined />,
      label: t('nav.bankReviews'),
    },
    CONTENT_ROLES.includes(me.role) && {
      key: '/curriculum',
      icon: <BookOutlined />,
      label: t('nav.curriculum'),
    },
    AUDIT_ROLES.includes(me.role) && { key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') },
    SECURITY_ADMIN_ROLES.includes(me.role) && {
      key: '/security/policy',
      icon: <SafetyOutlined />,
      label: t('nav.securityPolicy'),
    },
    OPERATIONS_ROLES.includes(me.role) && {
      key: '/operations',
      icon: <DashboardOutlined />,
      label: t('nav.operations'),
    },
    SECOND_FACTOR_ROLES.includes(me.role) && {
      key: '/security/second-factors',
      icon: <KeyOutlined />,
      label: t('nav.secondFactors'),
    },
    SECURITY_ADMIN_ROLES.includes(me.role) && {
      key: '/security/roles',
      icon: <ClusterOutlined />,
      label: t('nav.roleGrants'),
    },
    SECURITY_ADMIN_ROLES.includes(me.role) && {
      key: '/security/sessions',
      icon: <DesktopOutlined />,
      label: t('nav.sessions'),
    },
    ACCOUNT_ADMIN_ROLES.includes(me.role) && {
      key: '/staff-accounts',
      icon: <IdcardOutlined />,
      label: t('nav.staffAccounts'),
    },
    // Everyone has the privacy page; those who also do privacy work get its pages in a group.
    privacyWork.length === 0
      ? privacyPage
      : {
          key: PRIVACY_GROUP,
          icon: <LockOutlined />,
          label: t('nav.privacyGroup'),
          children: [privacyPage, ...privacyWork],
        },
    { key: '/account', icon: <SafetyCertificateOutlined />, label: t('nav.account') },
  ].filter((item) => item !== false);

  return (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={[sectionOf(pathname, ORG_BROWSER_ROLES.includes(me.role))]}
      defaultOpenKeys={pathname.startsWith('/privacy') ? [PRIVACY_GROUP] : []}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
