import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title with a line saying what the page is for, and its main action on the right. */
export function PageTitle({
  title,
  subtitle,
  extra,
  testId,
}: {
  title: string;
  subtitle?: string;
  extra?: ReactNode;
  testId?: string;
}) {
  return (
    <Flex wrap justify="space-between" align="flex-end" gap={8}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid={testId}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra}
    </Flex>
  );
}
