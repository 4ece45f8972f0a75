import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Platform name in the sider (dark) or the phone header (light). */
export function Brand({ collapsed = false, dark = true }: { collapsed?: boolean; dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link
      to="/"
      aria-label={t('brand.name')}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        color: dark ? '#fff' : '#1e4fa3',
        fontWeight: 600,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <span
        aria-hidden
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 28,
          height: 28,
          flex: 'none',
          borderRadius: 6,
          background: dark ? '#fff' : '#1e4fa3',
          color: dark ? '#1e4fa3' : '#fff',
          fontFamily: 'serif',
        }}
      >
        翰
      </span>
      {!collapsed && <span style={{ fontSize: 15 }}>{t('brand.short')}</span>}
    </Link>
  );
}
