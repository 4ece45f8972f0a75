import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';

export interface Stat {
  key: string;
  label: string;
  value: number;
  icon?: ReactNode;
}

/** Headline numbers in a fluid grid: two per row on a phone, all in one row on a desktop. */
export function StatCards({ stats }: { stats: Stat[] }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: 12 }}>
      {stats.map((s) => (
        <Card key={s.key} size="small" data-testid={`stat-${s.key}`}>
          <Statistic title={s.label} value={s.value} prefix={s.icon} />
        </Card>
      ))}
    </div>
  );
}
