import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { fileUrl, type ResourceDetail, resourceKeys } from './resources-api';

/** Records that the viewer finished a published resource (R4 completions); counted once. */
export function useComplete(res: ResourceDetail) {
  const client = useQueryClient();
  return async () => {
    if (res.completed || res.status !== 'published') return;
    await unwrap(api.POST('/api/resources/{id}/complete', { params: { path: { id: res.id } } }));
    await client.invalidateQueries({ queryKey: resourceKeys.one(res.id) });
  };
}

/** 已学完 / 标记为已学完 and 下载, beside a published resource's title. */
export function LearningActions({ res }: { res: ResourceDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const complete = useComplete(res);
  const main = res.files.find((f) => f.role === 'main');
  if (res.status !== 'published') return null;
  const video = main?.mime.startsWith('video/');
  return (
    <>
      {res.completed ? (
        <Tag icon={<CheckCircleOutlined />} color="green" data-testid="resource-completed">
          {t('resources.completed')}
        </Tag>
      ) : (
        !video &&
        !res.mine && (
          <Button
            size="small"
            onClick={() => complete().catch((e) => message.error(errorMessage(e, t('common.saveFailed'))))}
            data-testid="resource-mark-done"
          >
            {t('resources.markDone')}
          </Button>
        )
      )}
      {main && (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={`/api/resources/${encodeURIComponent(res.id)}/files/${encodeURIComponent(main.id)}/download`}
          data-testid="resource-download"
        >
          {t('resources.downloadFile')}
        </Button>
      )}
    </>
  );
}

/** The main video; playing it to the end counts as finishing the resource. */
export function LessonVideo({ res, fileId }: { res: ResourceDetail; fileId: string }) {
  const complete = useComplete(res);
  return (
    // biome-ignore lint/a11y/useMediaCaption: demo and teacher-made lessons have no caption track yet
    <video
      controls
      preload="metadata"
      src={fileUrl(res.id, fileId)}
      onEnded={() => void complete().catch(() => undefined)}
      style={{ width: '100%', display: 'block', background: '#000', aspectRatio: '16 / 9' }}
      data-testid="resource-video"
    />
  );
}
