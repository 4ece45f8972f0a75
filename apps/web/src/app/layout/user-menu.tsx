import { LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/auth-context';

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const items: MenuProps['items'] = [
    { key: 'who', disabled: true, label: `${me.name}（${me.username}）` },
    { type: 'divider' },
    { key: 'account', icon: <SafetyCertificateOutlined />, label: t('nav.account') },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t('shell.logout')}</span>,
    },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') navigate('/account');
    if (key === 'logout') void logout();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        data-testid="user-menu"
        aria-label={t('shell.userMenu')}
        style={{ paddingInline: 4 }}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1e4fa3' }} />
        {!compact && <span>{me.name}</span>}
      </Button>
    </Dropdown>
  );
}
