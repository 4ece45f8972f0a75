import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { LessonResourceList } from '../curriculum/lesson-resources';
import { CollectButton } from '../spaces/collect-button';
import { LearningActions, LessonVideo } from './learning-actions';
import { QuestionsPanel } from './questions-panel';
import { RatingsPanel } from './ratings-panel';
import { ResourceAbout, ResourceMaterials } from './resource-about';
import { ResourceEditor } from './resource-editor';
import { fileUrl, type ResourceDetail, resourceKeys, uploadResourceFile, useResource } from './resources-api';
import { ReviewPanel } from './review-panel';

/** One resource: the video plays (with seeking), a PDF previews inline, the author adds files. */
export function ResourcePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const r = useResource(id);
  if (r.isPending) return <PageLoading />;
  if (r.isError) return <PageError error={r.error} onRetry={() => void r.refetch()} />;
  const res = r.data;
  const main = res.files.find((f) => f.role === 'main');
  // Learners get the lesson, its materials, ratings and Q&A in the main column; beside it, other
  // resources of the same lesson and, for those who may read it, the review record.
  const aside = res.reviewRecord || !!res.lesson;
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
        <Col xs={24} lg={aside ? 16 : 24}>
          <Flex vertical gap={16}>
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
            <ResourceAbout res={res} />
            <ResourceMaterials res={res} />
            {res.status === 'published' && <RatingsPanel resourceId={res.id} mine={res.mine} />}
            {res.status === 'published' && <QuestionsPanel resourceId={res.id} />}
          </Flex>
        </Col>
        {aside && (
          <Col xs={24} lg={8}>
            <Flex vertical gap={16}>
              {/* The review record is for the author, its reviewers and administrators (server-enforced). */}
              {res.reviewRecord && <ReviewPanel res={res} />}
              {res.lesson && (
                <Card size="small" title={t('resources.sameLesson')} data-testid="resource-same-lesson">
                  <LessonResourceList lessonId={res.lesson.id} exclude={res.id} />
                </Card>
              )}
            </Flex>
          </Col>
        )}
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
    <Card size="small" title={t('resources.upload')}>
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
