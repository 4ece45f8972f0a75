import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Row,
  Select,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { curriculumKeys, type Edition, type Lesson, type Unit, usePoints, useTree } from './curriculum-api';

interface Props {
  edition: Edition | undefined;
  subject: string;
  grade: string;
  term: 1 | 2;
  editable: boolean;
  onOpenPoint: (id: string) => void;
}

/** 教材目录: the volume of one grade and term as units → lessons; a lesson shows its knowledge points. */
export function CatalogView({ edition, subject, grade, term, editable, onOpenPoint }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const tree = useTree(edition?.id, grade, term);
  const points = usePoints(subject);
  const [selected, setSelected] = useState<string>();
  const [draft, setDraft] = useState('');
  const volume = tree.data?.volumes[0];
  const nodes = useMemo(() => {
    const map = new Map<string, Unit | Lesson>();
    for (const u of volume?.children ?? []) {
      map.set(u.id, u);
      for (const l of u.children) map.set(l.id, l);
    }
    return map;
  }, [volume]);
  const current = selected ? nodes.get(selected) : undefined;
  const pointName = useMemo(() => new Map((points.data ?? []).map((p) => [p.id, p])), [points.data]);

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      await client.invalidateQueries({ queryKey: curriculumKeys.all });
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };
  const create = (body: { parentId?: string; title?: string; gradeCode?: string; term?: 1 | 2 }) =>
    run(
      () => unwrap(api.POST('/api/curriculum/nodes', { body: { editionId: edition?.id ?? '', ...body } })),
      t('common.saved'),
    );

  if (!edition) return <Empty description={t('curriculum.noEdition')} />;
  if (tree.isPending) return <PageLoading />;
  if (tree.isError) return <PageError error={tree.error} onRetry={() => void tree.refetch()} />;
  if (!volume)
    return (
      <Empty description={t('curriculum.noVolume')}>
        {editable && (
          <Button onClick={() => void create({ gradeCode: grade, term })}>{t('curriculum.addVolume')}</Button>
        )}
      </Empty>
    );

  const treeData = volume.children.map((u) => ({
    key: u.id,
    title: `${t('curriculum.unitNo', { n: u.seq })} ${u.title}`,
    children: u.children.map((l) => ({ key: l.id, title: `${l.seq}. ${l.title}`, isLeaf: true })),
  }));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10}>
        <Card size="small" title={volume.title} data-testid="curriculum-volume">
          <Tree
            treeData={treeData}
            defaultExpandAll
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => {
              setSelected(keys[0] as string | undefined);
              setDraft('');
            }}
            data-testid="curriculum-tree"
          />
          {editable && (
            <Flex gap={8} style={{ marginTop: 12 }}>
              <Input
                placeholder={t('curriculum.newUnit')}
                value={current ? '' : draft}
                disabled={!!current}
                onChange={(e) => setDraft(e.target.value)}
                maxLength={80}
              />
              <Button
                disabled={!!current || !draft.trim()}
                onClick={() =>
                  void create({ parentId: volume.id, title: draft.trim() }).then(() => setDraft(''))
                }
              >
                {t('curriculum.addUnit')}
              </Button>
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} md={14}>
        {!current ? (
          <Card size="small">
            <Typography.Text type="secondary">{t('curriculum.pickLesson')}</Typography.Text>
          </Card>
        ) : (
          <Card size="small" title={current.title} data-testid="curriculum-node">
            {current.kind === 'lesson' && (
              <>
                <Typography.Paragraph strong>{t('curriculum.points')}</Typography.Paragraph>
                <Flex wrap gap={6} data-testid="lesson-points">
                  {current.knowledgePointIds.map((id) => (
                    <Tag key={id} color="blue" style={{ cursor: 'pointer' }} onClick={() => onOpenPoint(id)}>
                      {pointName.get(id)?.name ?? id}
                    </Tag>
                  ))}
                </Flex>
                {editable && (
                  <Select
                    mode="multiple"
                    style={{ width: '100%', marginTop: 12 }}
                    value={current.knowledgePointIds}
                    optionFilterProp="label"
                    options={(points.data ?? []).map((p) => ({
                      value: p.id,
                      label: `${p.name}（${p.code}）`,
                    }))}
                    onChange={(ids: string[]) =>
                      void run(() =>
                        unwrap(
                          api.POST('/api/curriculum/lessons/{id}/knowledge-points', {
                            params: { path: { id: current.id } },
                            body: { knowledgePointIds: ids },
                          }),
                        ),
                      )
                    }
                    aria-label={t('curriculum.points')}
                  />
                )}
              </>
            )}
            {editable && (
              <NodeEditor
                key={current.id}
                node={current}
                onRename={(title) =>
                  run(
                    () =>
                      unwrap(
                        api.PATCH('/api/curriculum/nodes/{id}', {
                          params: { path: { id: current.id } },
                          body: { title },
                        }),
                      ),
                    t('common.saved'),
                  )
                }
                onAddLesson={(title) => create({ parentId: current.id, title })}
                onDelete={() =>
                  run(
                    () =>
                      unwrap(
                        api.POST('/api/curriculum/nodes/{id}/delete', {
                          params: { path: { id: current.id } },
                        }),
                      ),
                    t('curriculum.deleted'),
                  ).then(() => setSelected(undefined))
                }
              />
            )}
          </Card>
        )}
      </Col>
    </Row>
  );
}

function NodeEditor(props: {
  node: Unit | Lesson;
  onRename: (title: string) => Promise<unknown>;
  onAddLesson: (title: string) => Promise<unknown>;
  onDelete: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(props.node.title);
  const [lesson, setLesson] = useState('');
  return (
    <Flex vertical gap={8} style={{ marginTop: 16 }}>
      <Flex gap={8}>
        <Input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={80}
          aria-label={t('curriculum.rename')}
        />
        <Button
          disabled={!title.trim() || title === props.node.title}
          onClick={() => void props.onRename(title.trim())}
        >
          {t('curriculum.rename')}
        </Button>
      </Flex>
      {props.node.kind === 'unit' && (
        <Flex gap={8}>
          <Input
            value={lesson}
            placeholder={t('curriculum.newLesson')}
            onChange={(e) => setLesson(e.target.value)}
            maxLength={80}
          />
          <Button
            disabled={!lesson.trim()}
            onClick={() => void props.onAddLesson(lesson.trim()).then(() => setLesson(''))}
          >
            {t('curriculum.addLesson')}
          </Button>
        </Flex>
      )}
      <Popconfirm title={t('curriculum.confirmDelete')} onConfirm={() => void props.onDelete()}>
        <Button danger style={{ alignSelf: 'flex-start' }}>
          {t('curriculum.delete')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
