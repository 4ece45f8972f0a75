import {
  CheckCircleOutlined,
  DeleteOutlined,
  FileOutlined,
  LikeFilled,
  LikeOutlined,
  MessageOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Image, Input, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { attachmentUrl, type Post, type Space, spaceKeys } from './spaces-api';

/** One post, notice or work: text, attachments, likes, comments, and 已读 for notices. */
export function PostCard({ post, space }: { post: Post; space: Space }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done?: () => void) => {
    setError(undefined);
    setBusy(true);
    try {
      await work();
      done?.();
      await client.invalidateQueries({ queryKey: spaceKeys.all });
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const path = { params: { path: { id: post.id } } };
  const images = post.files.filter((f) => f.mime.startsWith('image/'));
  const videos = post.files.filter((f) => f.mime.startsWith('video/'));
  const others = post.files.filter((f) => !f.mime.startsWith('image/') && !f.mime.startsWith('video/'));
  const recipient = post.kind === 'notice' && !post.mine && space.kind === 'class';

  return (
    <Card size="small" data-testid={`space-${post.kind}`}>
      <Flex justify="space-between" align="start" gap={8}>
        <Flex vertical gap={2}>
          {post.kind !== 'post' && (
            <Flex gap={8} align="center" wrap>
              <Tag color={post.kind === 'notice' ? 'red' : 'gold'}>{t(`spaces.postKind.${post.kind}`)}</Tag>
              <Typography.Text strong data-testid="post-title">
                {post.title}
              </Typography.Text>
            </Flex>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {post.authorName} · {formatDateTime(post.createdAt, lang)}
          </Typography.Text>
        </Flex>
        {post.canDelete && (
          <Popconfirm
            title={t('spaces.deleteConfirm')}
            onConfirm={() => void run(() => unwrap(api.POST('/api/space-posts/{id}/delete', path)))}
          >
            <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('spaces.delete')} />
          </Popconfirm>
        )}
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 6 }} data-testid="post-body">
        {post.body}
      </Typography.Paragraph>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={8} style={{ marginBottom: 8 }}>
            {images.map((f) => (
              <Image
                key={f.id}
                width={104}
                height={104}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                src={attachmentUrl(post.id, f.id)}
                alt={f.fileName}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {videos.map((f) => (
        // biome-ignore lint/a11y/useMediaCaption: videos shared in spaces come without caption tracks
        <video
          key={f.id}
          controls
          preload="metadata"
          src={attachmentUrl(post.id, f.id)}
          style={{ width: '100%', maxWidth: 480, display: 'block', marginBottom: 8, background: '#000' }}
        />
      ))}
      {others.map((f) => (
        <div key={f.id}>
          <Button type="link" icon={<FileOutlined />} href={attachmentUrl(post.id, f.id)} target="_blank">
            {f.fileName}
          </Button>
        </div>
      ))}
      <Flex gap={8} align="center" wrap>
        {space.canLike && (
          <Button
            size="small"
            type={post.liked ? 'primary' : 'default'}
            ghost={post.liked}
            icon={post.liked ? <LikeFilled /> : <LikeOutlined />}
            loading={busy}
            onClick={() =>
              void run(() =>
                unwrap(api.POST('/api/space-posts/{id}/like', { ...path, body: { liked: !post.liked } })),
              )
            }
            data-testid="post-like"
          >
            {post.likes}
          </Button>
        )}
        <Typography.Text type="secondary">
          <MessageOutlined /> {post.comments.length}
        </Typography.Text>
        {post.kind === 'notice' && post.reads !== null && (
          <Tag color="blue" data-testid="notice-reads">
            {t('spaces.reads', { reads: post.reads, recipients: post.recipients ?? 0 })}
          </Tag>
        )}
        {recipient &&
          (post.readByMe ? (
            <Tag icon={<CheckCircleOutlined />} color="green" data-testid="notice-read">
              {t('spaces.readDone')}
            </Tag>
          ) : (
            <Button
              size="small"
              type="primary"
              loading={busy}
              onClick={() => void run(() => unwrap(api.POST('/api/space-posts/{id}/read', path)))}
              data-testid="notice-confirm"
            >
              {t('spaces.confirmRead')}
            </Button>
          ))}
      </Flex>
      {post.comments.length > 0 && (
        <div style={{ background: '#fafafa', borderRadius: 6, padding: '6px 10px', marginTop: 8 }}>
          {post.comments.map((c) => (
            <Flex key={c.id} justify="space-between" align="start" gap={8} data-testid="post-comment">
              <Typography.Text>
                <Typography.Text strong>{c.authorName}</Typography.Text>：{c.body}
              </Typography.Text>
              {c.canDelete && (
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('spaces.delete')}
                  onClick={() =>
                    void run(() =>
                      unwrap(
                        api.POST('/api/space-posts/{id}/comments/{commentId}/delete', {
                          params: { path: { id: post.id, commentId: c.id } },
                        }),
                      ),
                    )
                  }
                />
              )}
            </Flex>
          ))}
        </div>
      )}
      {space.canComment && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Input
            size="small"
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('spaces.commentPlaceholder')}
            data-testid="comment-input"
          />
          <Button
            size="small"
            disabled={!comment.trim()}
            loading={busy}
            onClick={() =>
              void run(
                () =>
                  unwrap(api.POST('/api/space-posts/{id}/comments', { ...path, body: { body: comment } })),
                () => setComment(''),
              )
            }
            data-testid="comment-send"
          >
            {t('spaces.comment')}
          </Button>
        </Flex>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
