import { PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Segmented, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { attachFile, type PostKind, type Space, spaceKeys } from './spaces-api';

const MAX_FILES = 9;

/** Writes a post, a notice (head teacher, school, studio lead) or a work for the portfolio. */
export function Composer({ space, initialKind }: { space: Space; initialKind?: PostKind }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const kinds: PostKind[] = [
    ...(space.canPost ? (['post'] as const) : []),
    ...(space.canNotice ? (['notice'] as const) : []),
    ...(space.canAddWork ? (['work'] as const) : []),
  ];
  const [kind, setKind] = useState<PostKind>(
    initialKind && kinds.includes(initialKind) ? initialKind : (kinds[0] ?? 'post'),
  );
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (kinds.length === 0) return null;
  const needsTitle = kind !== 'post';

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await unwrap(
        api.POST('/api/spaces/{id}/posts', {
          params: { path: { id: space.id } },
          body: { kind, title: needsTitle ? title : undefined, body },
        }),
      );
      const refused: string[] = [];
      for (const f of files) {
        try {
          await attachFile(created.id, f.originFileObj as File);
        } catch (e) {
          refused.push(`${f.name}：${errorMessage(e, t('common.saveFailed'))}`);
        }
      }
      setTitle('');
      setBody('');
      setFiles([]);
      if (refused.length > 0) setError(t('spaces.filesRefused', { list: refused.join('；') }));
      await client.invalidateQueries({ queryKey: spaceKeys.all });
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" data-testid="space-composer">
      <Flex vertical gap={8}>
        {kinds.length > 1 && (
          <Segmented
            value={kind}
            onChange={(v) => setKind(v as PostKind)}
            options={kinds.map((k) => ({ value: k, label: t(`spaces.compose.${k}`) }))}
            data-testid="composer-kind"
          />
        )}
        {needsTitle && (
          <Input
            maxLength={60}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t(`spaces.titlePlaceholder.${kind}`)}
            data-testid="composer-title"
          />
        )}
        <Input.TextArea
          rows={3}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder={t(`spaces.bodyPlaceholder.${kind}`)}
          data-testid="composer-body"
        />
        <Flex justify="space-between" align="start" gap={8} wrap>
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
            accept="image/*,video/mp4,video/webm,.pdf,.docx,.pptx,.xlsx"
          >
            <Button icon={<PaperClipOutlined />} data-testid="composer-attach">
              {t('spaces.attach', { max: MAX_FILES })}
            </Button>
          </Upload>
          <Button
            type="primary"
            loading={busy}
            disabled={!body.trim() || (needsTitle && !title.trim())}
            onClick={() => void submit()}
            data-testid="composer-submit"
          >
            {t(`spaces.publish.${kind}`)}
          </Button>
        </Flex>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Flex>
    </Card>
  );
}
