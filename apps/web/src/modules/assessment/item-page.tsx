import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { bankKeys, type Item, useItem, useItemAction } from './bank-api';
import { ItemAnswer } from './item-answer';
import { bandOf, ItemBody } from './item-card';

type Level = 'school' | 'district' | 'city';

/** Asking to share, and the reviewer's decision, beside the item. */
function SharePanel({ item }: { item: Item }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [level, setLevel] = useState<Level>('school');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      await qc.invalidateQueries({ queryKey: bankKeys.all });
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const path = { path: { id: item.id } };
  const decide = (decision: 'approve' | 'return') =>
    run(
      () =>
        unwrap(
          api.POST('/api/assessment/items/{id}/share-decision', { params: path, body: { decision, reason } }),
        ),
      t(decision === 'approve' ? 'bank.approved' : 'bank.returned'),
    );
  const levels = (['school', 'district', 'city'] as Level[]).filter(
    (l) =>
      ['private', 'school', 'district', 'city'].indexOf(l) >
      ['private', 'school', 'district', 'city'].indexOf(item.share),
  );
  return (
    <Card size="small" title={t('bank.shareTitle')} data-testid="share-panel">
      <Stack gap={8}>
        <div>
          {t('bank.shareNow')}：
          <Tag color={item.share === 'private' ? 'default' : 'cyan'}>{t(`bank.share.${item.share}`)}</Tag>
          {item.shareStatus === 'pending' && item.shareRequested && (
            <Tag color="orange">{t('bank.pendingAt', { level: t(`bank.share.${item.shareRequested}`) })}</Tag>
          )}
        </div>
        {item.shareStatus === 'returned' && item.mine && (
          <Alert type="warning" showIcon title={t('bank.returnedWith', { reason: item.shareNote ?? '' })} />
        )}
        {item.canShare && item.shareStatus !== 'pending' && levels.length > 0 && (
          <Space.Compact>
            <Select
              value={levels.includes(level) ? level : levels[0]}
              onChange={setLevel}
              options={levels.map((l) => ({ value: l, label: t(`bank.share.${l}`) }))}
              style={{ minWidth: 110 }}
            />
            <Button
              loading={busy}
              data-testid="share-request"
              onClick={() =>
                run(
                  () =>
                    unwrap(
                      api.POST('/api/assessment/items/{id}/share', {
                        params: path,
                        body: { level: levels.includes(level) ? level : levels[0]! },
                      }),
                    ),
                  t('bank.shareAsked'),
                )
              }
            >
              {t('bank.shareAsk')}
            </Button>
          </Space.Compact>
        )}
        {item.mine && (item.share !== 'private' || item.shareStatus === 'pending') && (
          <Button
            loading={busy}
            onClick={() =>
              run(
                () => unwrap(api.POST('/api/assessment/items/{id}/unshare', { params: path })),
                t('bank.unshared'),
              )
            }
          >
            {t('bank.unshare')}
          </Button>
        )}
        {item.canDecide && (
          <Stack gap={8}>
            <Input.TextArea
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('bank.reasonPlaceholder')}
            />
            <Flex gap={8} wrap>
              <Button
                type="primary"
                loading={busy}
                data-testid="share-approve"
                onClick={() => decide('approve')}
              >
                {t('bank.approve')}
              </Button>
              <Button
                danger
                loading={busy}
                disabled={!reason.trim()}
                data-testid="share-return"
                onClick={() => decide('return')}
              >
                {t('bank.return')}
              </Button>
            </Flex>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** One item with its key, tags and what the viewer may do with it (edit, copy, share, retire, decide). */
export function ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const item = useItem(id);
  const action = useItemAction();
  if (item.isPending) return <PageLoading />;
  if (item.isError) return <PageError error={item.error} />;
  const i = item.data;
  const act = (a: 'copy' | 'retire' | 'restore') =>
    action.mutate(
      { id: i.id, action: a },
      {
        onSuccess: (res) => {
          message.success(t(`bank.done.${a}`));
          if (a === 'copy') navigate(`/bank/items/${(res as Item).id}/edit`);
        },
        onError: (e) => message.error(errorMessage(e, t('common.saveFailed'))),
      },
    );
  return (
    <Stack>
      <PageTitle
        title={t('bank.itemTitle', { type: t(`bank.type.${i.type}`) })}
        subtitle={i.mine ? t('bank.mineLong') : t('bank.byOther', { name: i.authorName, unit: i.unitName })}
        extra={
          <Flex wrap gap={8}>
            {i.canEdit && (
              <Button
                type="primary"
                onClick={() => navigate(`/bank/items/${i.id}/edit`)}
                data-testid="item-edit"
              >
                {t('bank.edit')}
              </Button>
            )}
            <Button onClick={() => act('copy')} loading={action.isPending} data-testid="item-copy">
              {t('bank.copy')}
            </Button>
            {i.canRetire && (
              <Button
                danger={!i.retired}
                onClick={() =>
                  i.retired
                    ? act('restore')
                    : Modal.confirm({ title: t('bank.retireConfirm'), onOk: () => act('retire') })
                }
              >
                {i.retired ? t('bank.restore') : t('bank.retire')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card size="small">
        <ItemBody content={i.content} answers />
      </Card>
      <Card size="small" title={t('bank.key')}>
        <ItemAnswer content={i.content} />
      </Card>
      <Card size="small" title={t('bank.tags')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 's', label: t('bank.subject'), children: subject(i.subjectCode) },
            { key: 'g', label: t('bank.grade'), children: grade(i.gradeCode) },
            { key: 'l', label: t('bank.levelLabel'), children: t(`bank.level.${i.cognitiveLevel}`) },
            {
              key: 'd',
              label: t('bank.difficulty'),
              children: `${t(`bank.band.${bandOf(i.difficulty)}`)}（P = ${i.difficulty.toFixed(2)}${i.pValue !== null ? `，${t('bank.observed', { p: i.pValue.toFixed(2), n: i.answered })}` : ''}）`,
            },
            { key: 'sc', label: t('bank.score'), children: t('bank.points', { n: i.score }) },
            { key: 'se', label: t('bank.seconds'), children: t('bank.secondsN', { n: i.seconds }) },
            {
              key: 'k',
              label: t('bank.points_'),
              children: i.knowledgePoints.map((k) => k.name).join('、') || '—',
            },
            {
              key: 'so',
              label: t('bank.source'),
              children: [i.source, i.year].filter(Boolean).join(' · ') || '—',
            },
            { key: 'e', label: t('bank.exposure'), children: t('bank.exposureN', { n: i.exposure }) },
          ]}
        />
      </Card>
      <SharePanel item={i} />
    </Stack>
  );
}
