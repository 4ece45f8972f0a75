import { FilePdfOutlined, PlayCircleOutlined, ReadOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import type { ResourceItem } from './resources-api';

const ICONS = {
  lesson_package: <PlayCircleOutlined />,
  micro_lesson: <PlayCircleOutlined />,
  video: <PlayCircleOutlined />,
  theme: <ReadOutlined />,
  courseware: <FilePdfOutlined />,
  exercise_set: <FilePdfOutlined />,
  third_party: <ReadOutlined />,
} as const;

type CardItem = Pick<
  ResourceItem,
  'id' | 'kind' | 'title' | 'unitName' | 'authorName' | 'subjectCode' | 'gradeCode' | 'themeCode' | 'status'
>;

export function ResourceCard({ item }: { item: CardItem }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  return (
    <Link to={`/resources/${item.id}`} data-testid="resource-card">
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Flex gap={12} align="flex-start">
          <span style={{ fontSize: 28, color: '#1e4fa3' }}>{ICONS[item.kind]}</span>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis style={{ display: 'block' }}>
              {item.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.unitName} · {item.authorName}
            </Typography.Text>
            <Flex wrap gap={4} style={{ marginTop: 6 }}>
              <Tag color="blue">{t(`resources.kind.${item.kind}`)}</Tag>
              {item.subjectCode && <Tag>{subject(item.subjectCode)}</Tag>}
              {item.gradeCode && <Tag>{grade(item.gradeCode)}</Tag>}
              {item.themeCode && <Tag color="purple">{t(`resources.theme.${item.themeCode}`)}</Tag>}
              {item.status !== 'published' && (
                <Tag color="orange">{t(`resources.status.${item.status}`)}</Tag>
              )}
            </Flex>
          </div>
        </Flex>
      </Card>
    </Link>
  );
}
