import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import type { ResourceDetail } from './resources-api';

/** The curriculum page opened at a resource's lesson (its volume, with the lesson selected). */
export function lessonLink(res: ResourceDetail): string {
  const q = new URLSearchParams();
  if (res.subjectCode) q.set('subject', res.subjectCode);
  if (res.gradeCode) q.set('grade', res.gradeCode);
  if (res.term) q.set('term', String(res.term));
  if (res.lesson) q.set('node', res.lesson.id);
  return `/curriculum?${q}`;
}

/** What the resource is: its lesson, author, date, description and knowledge points. */
export function ResourceAbout({ res }: { res: ResourceDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card size="small" title={t('resources.about')} data-testid="resource-about">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        {res.lesson && (
          <Descriptions.Item label={t('resources.lesson')} span={{ xs: 1, md: 2 }}>
            <Link to={lessonLink(res)} data-testid="resource-lesson-link">
              {res.lesson.edition} {res.lesson.volumeTitle} · {res.lesson.unitTitle} · {res.lesson.title}
            </Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('resources.author')}>
          {res.authorName} · {res.unitName}
        </Descriptions.Item>
        {res.publishedAt && (
          <Descriptions.Item label={t('resources.publishedAt')}>
            {formatDate(res.publishedAt, lang)}
          </Descriptions.Item>
        )}
        {res.provider && (
          <Descriptions.Item label={t('resources.provider')}>{res.provider}</Descriptions.Item>
        )}
      </Descriptions>
      {res.description && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 8 }}>
          {res.description}
        </Typography.Paragraph>
      )}
      {res.knowledgePoints.length > 0 && (
        <Flex wrap gap={4}>
          {res.knowledgePoints.map((k) => (
            <Tag key={k.id} color="geekblue">
              {k.name}
            </Tag>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** 学习材料: a lesson package's 重难点分析 and exercises, and the slides and attachments to download. */
export function ResourceMaterials({ res }: { res: ResourceDetail }) {
  const { t } = useTranslation();
  const files = res.files.filter((f) => f.role === 'slides' || f.role === 'attachment');
  if (!res.analysis && !res.exercises && files.length === 0) return null;
  return (
    <Card size="small" title={t('resources.materials')} data-testid="resource-materials">
      {res.analysis && (
        <>
          <Typography.Text strong>{t('resources.analysis')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{res.analysis}</Typography.Paragraph>
        </>
      )}
      {res.exercises && (
        <>
          <Typography.Text strong>{t('resources.exercises')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="resource-exercises">
            {res.exercises}
          </Typography.Paragraph>
        </>
      )}
      {files.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('resources.files')}</Typography.Text>}
          dataSource={files}
          renderItem={(f) => (
            <List.Item style={{ paddingInline: 0 }}>
              <a
                href={`/api/resources/${encodeURIComponent(res.id)}/files/${encodeURIComponent(f.id)}/download`}
              >
                <PaperClipOutlined /> {f.fileName}
              </a>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
