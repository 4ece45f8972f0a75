import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatDate } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { CollectButton } from '../spaces/collect-button';
import { LearningActions, LessonVideo } from './learning-actions';
import { QuestionsPanel } from './questions-panel';
import { RatingsPanel } from './ratings-panel';
import { ResourceEditor } from './resource-editor';
import { fileUrl, type ResourceDetail, resourceKeys, uploadResourceFile, useResource } from './resources-api';
import { ReviewPanel } from './review-panel';

/** One resource: the video plays (with seeking), a PDF previews inline, the author adds files. */
export function ResourcePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const r = useResource(id);
  if (r.isPending) return <PageLoading />;
  if (r.isError) return <PageError error={r.error} onRetry={() => void r.refetch()} />;
  const res = r.data;
  const main = res.files.find((f) => f.role === 'main');
  return (
    <Stack>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="resource-title">
        {res.title}
      </Typography.Title>
      <Flex wrap gap={6}>
        <Tag color="blue">{t(`resources.kind.${res.kind}`)}</Tag>
        <Tag color={res.status === 'published' ? 'green' : 'orange'} data-testid="resource-status">
          {t(`resources.status.${res.status}`)}
        </Tag>
        {res.subjectCode && <Tag>{subject(res.subjectCode)}</Tag>}
        {res.gradeCode && <Tag>{grade(res.gradeCode)}</Tag>}
        {res.themeCode && <Tag color="purple">{t(`resources.theme.${res.themeCode}`)}</Tag>}
        {res.status === 'published' && <CollectButton resourceId={res.id} />}
        <LearningActions res={res} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" styles={{ body: { padding: main ? 0 : 16 } }}>
            {!main ? (
              <Typography.Text type="secondary">{t('resources.noFile')}</Typography.Text>
            ) : main.mime.startsWith('video/') ? (
              <LessonVideo res={res} fileId={main.id} />
            ) : main.mime === 'application/pdf' ? (
              <iframe
                title={main.fileName}
                src={fileUrl(res.id, main.id)}
                style={{ width: '100%', height: 560, border: 0, display: 'block' }}
                data-testid="resource-pdf"
              />
            ) : (
              <Button href={fileUrl(res.id, main.id)} style={{ margin: 16 }}>
                {t('resources.download', { name: main.fileName })}
              </Button>
            )}
          </Card>
          {res.mine && (res.status === 'draft' || res.status === 'returned') && (
            <>
              <Uploader res={res} />
              <ResourceEditor key={res.updatedAt} res={res} />
            </>
          )}
          {(res.analysis || res.exercises) && (
            <Card size="small" style={{ marginTop: 16 }}>
              {res.analysis && (
                <>
                  <Typography.Text strong>{t('resources.analysis')}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {res.analysis}
                  </Typography.Paragraph>
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
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('resources.author')}>
                {res.authorName} · {res.unitName}
              </Descriptions.Item>
              {res.lesson && (
                <Descriptions.Item label={t('resources.lesson')}>
                  <Link to="/curriculum" data-testid="resource-lesson-link">
                    {res.lesson.edition} {res.lesson.volumeTitle} · {res.lesson.unitTitle} ·{' '}
                    {res.lesson.title}
                  </Link>
                </Descriptions.Item>
              )}
              {res.provider && (
                <Descriptions.Item label={t('resources.provider')}>{res.provider}</Descriptions.Item>
              )}
              {res.publishedAt && (
                <Descriptions.Item label={t('resources.publishedAt')}>
                  {formatDate(res.publishedAt, lang)}
                </Descriptions.Item>
              )}
            </Descriptions>
            {res.description && (
              <Typography.Paragraph style={{ marginTop: 8 }}>{res.description}</Typography.Paragraph>
            )}
            <Flex wrap gap={4}>
              {res.knowledgePoints.map((k) => (
                <Tag key={k.id} color="geekblue">
                  {k.name}
                </Tag>
              ))}
            </Flex>
          </Card>
          <ReviewPanel res={res} />
          {res.status === 'published' && <RatingsPanel resourceId={res.id} mine={res.mine} />}
          {res.status === 'published' && <QuestionsPanel resourceId={res.id} />}
        </Col>
      </Row>
    </Stack>
  );
}

function Uploader({ res }: { res: ResourceDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      await uploadResourceFile(res.id, 'main', file);
      await client.invalidateQueries({ queryKey: resourceKeys.all });
    } catch (e) {
      setError(errorMessage(e, t('resources.uploadFailed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('resources.upload')}>
      <Typography.Paragraph type="secondary">{t(`resources.accepts.${res.kind}`)}</Typography.Paragraph>
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="resource-upload">
          {t('resources.chooseFile')}
        </Button>
      </Upload>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={error} />}
    </Card>
  );
}
