import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A person in a table: the name (with any tag beside it) over the user name. */
export function PersonCell({ name, username, extra }: { name: string; username: string; extra?: ReactNode }) {
  return (
    <Flex vertical>
      <span>
        {name} {extra}
      </span>
      <Typography.Text type="secondary">{username}</Typography.Text>
    </Flex>
  );
}
