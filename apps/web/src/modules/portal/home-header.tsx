import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title of a role home; `home-title` is what end-to-end tests look for. */
export function HomeHeader({
  title,
  subtitle,
  extra,
}: {
  title: string;
  subtitle?: string;
  extra?: ReactNode;
}) {
  return (
    <Flex wrap justify="space-between" align="flex-end" gap={8} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-title">
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Text type="secondary" className="hanlin-wrap">
            {subtitle}
          </Typography.Text>
        )}
      </div>
      {extra}
    </Flex>
  );
}
