import { CloudDownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { useExportRequests } from '../import/import-api';
import { useRegister } from '../privacy/privacy-api';

/**
 * 今日待办 on the city, district and school homes: open data-subject requests (overdue ones in red)
 * and bulk exports waiting for this administrator's approval or download.
 */
export function AdminTodo() {
  const { t } = useTranslation();
  const me = useMe();
  const requests = useRegister('open');
  const exports = useExportRequests();
  const open = requests.data?.length ?? 0;
  const overdue = requests.data?.filter((r) => r.overdue).length ?? 0;
  const toApprove =
    exports.data?.filter((r) => r.status === 'pending' && r.requestedBy !== me.personId).length ?? 0;
  const toFetch =
    exports.data?.filter((r) => r.status === 'approved' && r.requestedBy === me.personId).length ?? 0;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} md={12}>
        <TodoCard
          to="/privacy/requests"
          icon={<SafetyCertificateOutlined />}
          title={t('portal.todo.requests')}
          testId="todo-privacy-requests"
          loading={requests.isPending}
        >
          <Typography.Text>{t('portal.todo.open', { n: open })}</Typography.Text>
          {overdue > 0 && <Tag color="red">{t('portal.todo.overdue', { n: overdue })}</Tag>}
        </TodoCard>
      </Col>
      <Col xs={24} md={12}>
        <TodoCard
          to="/import#export-requests"
          icon={<CloudDownloadOutlined />}
          title={t('portal.todo.exports')}
          testId="todo-export-requests"
          loading={exports.isPending}
        >
          <Typography.Text>{t('portal.todo.toApprove', { n: toApprove })}</Typography.Text>
          {toFetch > 0 && <Tag color="green">{t('portal.todo.toFetch', { n: toFetch })}</Tag>}
        </TodoCard>
      </Col>
    </Row>
  );
}

function TodoCard(props: {
  to: string;
  icon: ReactNode;
  title: string;
  testId: string;
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <Link to={props.to} data-testid={props.testId}>
      <Card hoverable size="small" loading={props.loading}>
        <Flex align="center" gap={12}>
          <span style={{ fontSize: 22, color: '#1e4fa3' }}>{props.icon}</span>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Text strong>{props.title}</Typography.Text>
            <Flex wrap gap={8} align="center">
              {props.children}
            </Flex>
          </Flex>
        </Flex>
      </Card>
    </Link>
  );
}
