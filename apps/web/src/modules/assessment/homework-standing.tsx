import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Standing } from './homework-api';

const COLOR: Record<Standing, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'success',
  late: 'orange',
  expired: 'purple',
  missing: 'error',
};

/** 未开始 / 作答中 / 已提交 / 迟交 / 到时收卷 / 未交 */
export function StandingTag({ standing }: { standing: Standing }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[standing]} data-testid="standing" data-standing={standing}>
      {t(`homework.standing.${standing}`)}
    </Tag>
  );
}
