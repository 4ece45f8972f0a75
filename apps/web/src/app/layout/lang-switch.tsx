import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n/i18n';
import { useLang } from '../i18n/use-lang';

/** Toggles 中文 / English; the label names the language you switch to. */
export function LangSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type={type}
      data-testid="lang-switch"
      icon={<GlobalOutlined />}
      aria-label={t('shell.switchLang')}
      lang={next}
      onClick={() => setLang(next)}
    >
      {next === 'en' ? 'EN' : '中文'}
    </Button>
  );
}
