import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  DesktopOutlined,
  IdcardOutlined,
  KeyOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OpsHomeSection } from '../operations';
import { SecurityAttention } from '../security/security-attention';
import { HomeHeader } from './home-header';
import type { HomeOf } from './types';

type StaffKind = 'auditor' | 'system_admin' | 'security_admin' | 'researcher' | 'expert';

interface Tool {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
}

/**
 * Auditor, system and security admin and researcher homes: the tools each of them works with,
 * below what waits for them today (`children`, e.g. a reviewer's sections).
 */
export function StaffHome({ home, children }: { home: HomeOf<StaffKind>; children?: ReactNode }) {
  const { t } = useTranslation();
  const tools: Tool[] = [];
  if (home.kind === 'auditor') {
    tools.push({
      to: '/audit',
      icon: <AuditOutlined />,
      title: t('nav.audit'),
      text: t('portal.tool.audit'),
    });
  }
  if (home.kind === 'system_admin') {
    tools.push({
      to: '/operations',
      icon: <DashboardOutlined />,
      title: t('nav.operations'),
      text: t('portal.tool.operations'),
    });
  }
  if (home.kind === 'security_admin') {
    tools.push(
      {
        to: '/security/policy',
        icon: <SafetyOutlined />,
        title: t('nav.securityPolicy'),
        text: t('security.tool.policy'),
      },
      {
        to: '/security/second-factors',
        icon: <KeyOutlined />,
        title: t('nav.secondFactors'),
        text: t('portal.tool.secondFactors'),
      },
      {
        to: '/security/roles',
        icon: <ClusterOutlined />,
        title: t('nav.roleGrants'),
        text: t('security.tool.roles'),
      },
      {
        to: '/security/sessions',
        icon: <DesktopOutlined />,
        title: t('nav.sessions'),
        text: t('security.tool.sessions'),
      },
    );
  }
  if (home.kind === 'security_admin' || home.kind === 'system_admin') {
    tools.push({
      to: '/staff-accounts',
      icon: <IdcardOutlined />,
      title: t('nav.staffAccounts'),
      text: t('security.tool.accounts'),
    });
  }
  if (home.kind === 'auditor' || home.kind === 'security_admin') {
    tools.push({
      to: '/privacy/inventory',
      icon: <ProfileOutlined />,
      title: t('nav.privacyInventory'),
      text: t('portal.tool.inventory'),
    });
  }
  if (home.kind === 'researcher' || home.kind === 'expert') {
    tools.push({
      to: '/reviews',
      icon: <AuditOutlined />,
      title: t('nav.reviews'),
      text: t('portal.tool.reviews'),
    });
  }
  if (home.kind === 'researcher') {
    tools.push(
      {
        to: '/curriculum',
        icon: <BookOutlined />,
        title: t('nav.curriculum'),
        text: t('portal.tool.curriculum'),
      },
      {
        to: '/curriculum?tab=graph',
        icon: <DeploymentUnitOutlined />,
        title: t('curriculum.graph'),
        text: t('portal.tool.graph'),
      },
    );
  }
  tools.push(
    { to: '/org', icon: <ApartmentOutlined />, title: t('nav.org'), text: t('portal.tool.orgStructure') },
    {
      to: '/account',
      icon: <SafetyCertificateOutlined />,
      title: t('nav.account'),
      text: t('portal.tool.account'),
    },
  );
  return (
    <>
      <HomeHeader title={t(`portal.title.${home.kind}`)} subtitle={home.unit.name} />
      {home.kind === 'security_admin' && <SecurityAttention />}
      {children}
      {home.kind === 'system_admin' && <OpsHomeSection />}
      <Row gutter={[16, 16]}>
        {tools.map((tool) => (
          <Col key={tool.to} xs={24} sm={12} lg={8}>
            <Link to={tool.to} data-testid={`tool-${tool.to.slice(1).replace(/[?=]/g, '-')}`}>
              <Card hoverable size="small">
                <Card.Meta
                  avatar={<span style={{ fontSize: 24, color: '#1e4fa3' }}>{tool.icon}</span>}
                  title={tool.title}
                  description={<Typography.Text type="secondary">{tool.text}</Typography.Text>}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
