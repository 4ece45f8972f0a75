import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { AddItemsDrawer } from './add-items-drawer';
import { bankKeys, type Paper, useBlueprints, usePaper } from './bank-api';
import { BlueprintForm } from './blueprint-form';
import { ItemBody } from './item-card';
import { PaperExportButton } from './paper-export-button';
import { bodyOf, type Layout, layoutOf, move, sectionTitle } from './paper-layout';
import { PaperPrintMenu } from './paper-print-menu';
import { SwapItemButton } from './swap-item-button';

/** A finalised paper as it will be printed and answered: its document, numbered across sections. */
function DocumentView({ paper }: { paper: Paper }) {
  const { t } = useTranslation();
  const doc = paper.document;
  if (!doc) return null;
  return (
    <Card size="small" data-testid="paper-document">
      <Typography.Title level={4} style={{ textAlign: 'center', margin: 0 }}>
        {doc.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {doc.subtitle ? `${doc.subtitle} · ` : ''}
        {t('papers.docLine', { minutes: doc.minutes, total: doc.totalScore })}
      </Typography.Paragraph>
      {doc.sections.map((s) => (
        <div key={s.title} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{s.title}</Typography.Text>
          {s.instructions && <Typography.Paragraph type="secondary">{s.instructions}</Typography.Paragraph>}
          {s.items.map((i) => (
            <Flex key={i.itemId} gap={6} style={{ marginTop: 6 }}>
              <span>{i.number}.</span>
              <div style={{ flex: 1, minWidth: 0 }}>
                <ItemBody content={i.content} />
              </div>
              <Tag>{t('bank.points', { n: i.score })}</Tag>
            </Flex>
          ))}
        </div>
      ))}
    </Card>
  );
}

/** 组卷: a draft built by hand (sections, items, order, scores) or from a 细目表; finalise; the document. */
export function PaperPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const paper = usePaper(id);
  const templates = useBlueprints();
  const [adding, setAdding] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  if (paper.isPending) return <PageLoading />;
  if (paper.isError) return <PageError error={paper.error} />;
  const p = paper.data;
  const draft = p.status === 'draft' && p.mine;
  const layout = layoutOf(p);
  const taken = new Set(layout.flatMap((s) => s.items.map((i) => i.itemId)));

  const save = async (next: Layout | { title: string }) => {
    setBusy(true);
    try {
      const body = Array.isArray(next) ? { sections: bodyOf(next) } : next;
      const saved = await unwrap(
        api.PATCH('/api/assessment/papers/{id}', { params: { path: { id } }, body }),
      );
      qc.setQueryData(bankKeys.paper(id), saved);
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const act = async (path: 'finalise' | 'copy') => {
    setBusy(true);
    try {
      const res = await unwrap(
        path === 'finalise'
          ? api.POST('/api/assessment/papers/{id}/finalise', { params: { path: { id } } })
          : api.POST('/api/assessment/papers/{id}/copy', { params: { path: { id } } }),
      );
      await qc.invalidateQueries({ queryKey: bankKeys.all });
      message.success(t(`papers.done.${path}`));
      if (path === 'copy') navigate(`/papers/${res.id}`);
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const fromTemplate = templates.data?.items.find((b) => b.id === params.get('blueprint'));
  const over = p.figures.expectedMinutes > p.minutes;

  const builder = (
    <Stack gap={12}>
      {layout.map((s, si) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: sections have no ids; the title input remounts when the layout changes
          key={`${si}-${layout.length}`}
          size="small"
          title={
            draft ? (
              <Input
                defaultValue={s.title}
                maxLength={200}
                variant="borderless"
                onBlur={(e) =>
                  e.target.value.trim() &&
                  e.target.value !== s.title &&
                  save(layout.map((x, j) => (j === si ? { ...x, title: e.target.value.trim() } : x)))
                }
                aria-label={t('papers.sectionTitle')}
              />
            ) : (
              s.title
            )
          }
          extra={
            draft && (
              <Flex gap={4}>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setAdding(si)}
                  data-testid="section-add-items"
                >
                  {t('papers.addItems')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => save(layout.filter((_, j) => j !== si))}
                />
              </Flex>
            )
          }
        >
          {s.items.length === 0 && (
            <Typography.Text type="secondary">{t('papers.emptySection')}</Typography.Text>
          )}
          {s.items.map((it, ii) => {
            const number = layout.slice(0, si).reduce((a, x) => a + x.items.length, 0) + ii + 1;
            return (
              <Flex
                key={it.itemId}
                gap={8}
                align="flex-start"
                style={{ padding: '8px 0', borderTop: ii ? '1px solid #f0f0f0' : undefined }}
                data-testid="paper-item"
              >
                <Typography.Text strong>{number}.</Typography.Text>
                <div style={{ flex: 1, minWidth: 0 }}>
                  {it.item ? (
                    <ItemBody content={it.item.content} />
                  ) : (
                    <Typography.Text type="secondary">{t('papers.hiddenItem')}</Typography.Text>
                  )}
                </div>
                <Flex vertical gap={4} align="flex-end">
                  <InputNumber
                    size="small"
                    min={0.5}
                    max={200}
                    step={0.5}
                    defaultValue={it.score}
                    disabled={!draft}
                    addonAfter={t('bank.pointUnit')}
                    style={{ width: 96 }}
                    aria-label={t('bank.score')}
                    onBlur={(e) => {
                      const v = Number(e.target.value);
                      if (v > 0 && v !== it.score)
                        save(
                          layout.map((x, j) =>
                            j === si
                              ? { ...x, items: x.items.map((y, k) => (k === ii ? { ...y, score: v } : y)) }
                              : x,
                          ),
                        );
                    }}
                  />
                  {draft && (
                    <Flex gap={2}>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('papers.up')}
                        disabled={number === 1}
                        onClick={() => save(move(layout, si, ii, -1))}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('papers.down')}
                        disabled={number === p.figures.items}
                        onClick={() => save(move(layout, si, ii, 1))}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() =>
                          save(
                            layout.map((x, j) =>
                              j === si ? { ...x, items: x.items.filter((_, k) => k !== ii) } : x,
                            ),
                          )
                        }
                      />
                    </Flex>
                  )}
                  <SwapItemButton paper={p} itemId={it.itemId} />
                </Flex>
              </Flex>
            );
          })}
        </Card>
      ))}
      {draft && (
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            save([...layout, { title: sectionTitle(layout.length, t('papers.newSection')), items: [] }])
          }
          data-testid="section-new"
        >
          {t('papers.addSection')}
        </Button>
      )}
    </Stack>
  );

  return (
    <Stack>
      <PageTitle
        title={p.title}
        subtitle={`${subject(p.subjectCode)} · ${grade(p.gradeCode)} · ${t('papers.minutesN', { n: p.minutes })} · ${p.ownerName}`}
        testId="paper-title"
        extra={
          <Flex gap={8} wrap>
            <Tag color={p.status === 'final' ? 'green' : 'default'}>{t(`papers.statusOf.${p.status}`)}</Tag>
            {draft && (
              <Button
                type="primary"
                loading={busy}
                disabled={p.figures.items === 0}
                data-testid="paper-finalise"
                onClick={() =>
                  Modal.confirm({
                    title: t('papers.finaliseConfirm'),
                    content: t('papers.finaliseHelp'),
                    onOk: () => act('finalise'),
                  })
                }
              >
                {t('papers.finalise')}
              </Button>
            )}
            <PaperPrintMenu paperId={p.id} draft={p.status !== 'final'} />
            <Button onClick={() => act('copy')} loading={busy}>
              {t('papers.copy')}
            </Button>
            <PaperExportButton paperId={p.id} />
          </Flex>
        }
      />
      <Card size="small">
        <Flex wrap gap={24}>
          <Statistic title={t('papers.items')} value={p.figures.items} />
          <Statistic title={t('papers.total')} value={p.figures.totalScore} />
          <Statistic
            title={t('papers.expected')}
            value={p.figures.expectedMinutes}
            suffix={`/ ${p.minutes}`}
            valueStyle={over ? { color: '#cf1322' } : undefined}
          />
          <Statistic title={t('papers.meanDifficulty')} value={p.figures.meanDifficulty ?? '—'} />
        </Flex>
      </Card>
      {p.status === 'final' ? (
        <>
          <DocumentView paper={p} />
          <Descriptions
            size="small"
            items={[{ key: 'f', label: t('papers.finalisedAt'), children: p.finalisedAt ?? '' }]}
          />
        </>
      ) : (
        <Tabs
          defaultActiveKey={fromTemplate ? 'blueprint' : 'build'}
          items={[
            { key: 'build', label: t('papers.tabBuild'), children: builder },
            {
              key: 'blueprint',
              label: t('papers.tabBlueprint'),
              children: (
                <BlueprintForm
                  key={fromTemplate?.id ?? 'new'}
                  subjectCode={p.subjectCode}
                  gradeCode={p.gradeCode}
                  title={p.title}
                  minutes={p.minutes}
                  initial={fromTemplate?.spec}
                />
              ),
            },
          ]}
        />
      )}
      {adding !== null && (
        <AddItemsDrawer
          open
          onClose={() => setAdding(null)}
          subjectCode={p.subjectCode}
          gradeCode={p.gradeCode}
          taken={taken}
          sectionName={layout[adding]?.title ?? ''}
          onAdd={(item) =>
            save(
              layout.map((x, j) =>
                j === adding
                  ? { ...x, items: [...x.items, { itemId: item.id, score: item.score, item }] }
                  : x,
              ),
            )
          }
        />
      )}
    </Stack>
  );
}
