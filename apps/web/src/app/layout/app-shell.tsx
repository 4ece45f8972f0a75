import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageLoading } from '../components/page-state';
import { Brand } from './brand';
import { LangSwitch } from './lang-switch';
import { NavMenu } from './nav-menu';
import { NotificationBell } from './notification-bell';
import { RoleSwitcher } from './role-switcher';
import { UserMenu } from './user-menu';

const SIDER_DARK = '#001529';

/** The signed-in layout: a collapsible Sider on desktop, a Drawer behind a menu button on phones. */
export function AppShell() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; assume desktop only when md is known.
  const mobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={220}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div style={{ padding: collapsed ? '16px 22px' : '16px 20px' }}>
            <Brand collapsed={collapsed} />
          </div>
          <NavMenu />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: SIDER_DARK } }}
          title={null}
        >
          <div style={{ padding: '16px 20px' }}>
            <Brand />
          </div>
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: mobile ? '0 8px' : '0 16px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {mobile ? (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('shell.openMenu')}
                data-testid="nav-toggle"
                onClick={() => setDrawerOpen(true)}
              />
              <Brand collapsed dark={false} />
            </>
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('shell.expandMenu') : t('shell.collapseMenu')}
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          <Flex align="center" gap={mobile ? 2 : 8} style={{ marginLeft: 'auto', minWidth: 0 }}>
            <RoleSwitcher compact={mobile} />
            <LangSwitch />
            <NotificationBell />
            <UserMenu compact={mobile} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer
          style={{ textAlign: 'center', fontSize: 12, color: token.colorTextTertiary, padding: 16 }}
        >
          {t('brand.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
