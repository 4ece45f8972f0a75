import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { curriculumKeys, type Lesson, type PointRow, type Unit } from './curriculum-api';
import { LessonResourceList } from './lesson-resources';

/** Runs a curriculum change, says so, and refreshes what the curriculum pages show. */
export function useCurriculumChange() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      await client.invalidateQueries({ queryKey: curriculumKeys.all });
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };
}

interface Props {
  node: Unit | Lesson;
  editionId: string;
  points: PointRow[];
  editable: boolean;
  onOpenPoint: (id: string) => void;
  /** After the node was deleted. */
  onGone: () => void;
}

/**
 * What a selected unit or lesson shows: a lesson's knowledge points and its published resources;
 * for the city's researchers, the editing tools.
 */
export function NodePanel({ node, editionId, points, editable, onOpenPoint, onGone }: Props) {
  const { t } = useTranslation();
  const change = useCurriculumChange();
  const pointName = new Map(points.map((p) => [p.id, p]));
  return (
    <Flex vertical gap={16} data-testid="curriculum-node">
      {node.kind === 'lesson' && (
        <>
          <div>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('curriculum.points')}
            </Typography.Paragraph>
            <Flex wrap gap={6} data-testid="lesson-points">
              {node.knowledgePointIds.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
              {node.knowledgePointIds.map((id) => (
                <Tag key={id} color="blue" style={{ cursor: 'pointer' }} onClick={() => onOpenPoint(id)}>
                  {pointName.get(id)?.name ?? id}
                </Tag>
              ))}
            </Flex>
            {editable && (
              <Select
                mode="multiple"
                style={{ width: '100%', marginTop: 12 }}
                value={node.knowledgePointIds}
                optionFilterProp="label"
                options={points.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
                onChange={(ids: string[]) =>
                  void change(() =>
                    unwrap(
                      api.POST('/api/curriculum/lessons/{id}/knowledge-points', {
                        params: { path: { id: node.id } },
                        body: { knowledgePointIds: ids },
                      }),
                    ),
                  )
                }
                aria-label={t('curriculum.points')}
              />
            )}
          </div>
          <div>
            <Typography.Paragraph strong style={{ marginBottom: 0 }}>
              {t('curriculum.resources')}
            </Typography.Paragraph>
            <LessonResourceList lessonId={node.id} searchFor={node.title} />
          </div>
        </>
      )}
      {editable && (
        <NodeEditor
          key={node.id}
          node={node}
          onRename={(title) =>
            change(
              () =>
                unwrap(
                  api.PATCH('/api/curriculum/nodes/{id}', {
                    params: { path: { id: node.id } },
                    body: { title },
                  }),
                ),
              t('common.saved'),
            )
          }
          onAddLesson={(title) =>
            change(
              () =>
                unwrap(
                  api.POST('/api/curriculum/nodes', {
                    body: { editionId, parentId: node.id, title },
                  }),
                ),
              t('common.saved'),
            )
          }
          onDelete={() =>
            change(
              () =>
                unwrap(api.POST('/api/curriculum/nodes/{id}/delete', { params: { path: { id: node.id } } })),
              t('curriculum.deleted'),
            ).then(onGone)
          }
        />
      )}
    </Flex>
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
    <Flex vertical gap={8}>
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
