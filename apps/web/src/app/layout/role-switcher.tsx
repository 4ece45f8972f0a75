import { DownOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../auth/auth-context';
import { errorMessage } from '../components/page-state';

/** Shows the active role and unit; a person with several roles switches here (一号登录, P2). */
export function RoleSwitcher({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { switchRole } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const current = `${t(`role.${me.role}`)} · ${me.orgName}`;

  const items: MenuProps['items'] = me.roles.map((r) => ({
    key: r.id,
    disabled: r.id === me.roleAssignmentId,
    label: (
      <span data-testid={`role-option-${r.role}`}>
        {t(`role.${r.role}`)} · {r.orgName}
      </span>
    ),
  }));

  const onClick: MenuProps['onClick'] = async ({ key }) => {
    setBusy(true);
    try {
      await switchRole(key);
      message.success(t('shell.roleSwitched'));
    } catch (e) {
      message.error(errorMessage(e, t('shell.roleSwitchFailed')));
    } finally {
      setBusy(false);
    }
  };

  // One role: nothing to switch, so show the role as plain text rather than a disabled control.
  if (me.roles.length <= 1) {
    return (
      <Typography.Text
        data-testid="role-switcher"
        title={current}
        ellipsis
        type="secondary"
        style={{ maxWidth: compact ? 110 : 320 }}
      >
        {compact ? t(`role.${me.role}`) : current}
      </Typography.Text>
    );
  }
  return (
    <Dropdown menu={{ items, onClick, selectedKeys: [me.roleAssignmentId] }} trigger={['click']}>
      <Button
        data-testid="role-switcher"
        aria-label={t('shell.switchRole')}
        title={current}
        loading={busy}
        icon={<SwapOutlined />}
        style={{ maxWidth: compact ? 160 : 320 }}
      >
        <Typography.Text ellipsis style={{ maxWidth: compact ? 110 : 260 }}>
          {compact ? t(`role.${me.role}`) : current}
        </Typography.Text>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
