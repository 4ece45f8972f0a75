import { Button, Card, Col, Drawer, Empty, Flex, Grid, Input, Row, Tree, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { PageError, PageLoading } from '../../app/components/page-state';
import { type Edition, type Lesson, type Unit, usePoints, useTree } from './curriculum-api';
import { NodePanel, useCurriculumChange } from './node-panel';

interface Props {
  edition: Edition | undefined;
  subject: string;
  grade: string;
  term: 1 | 2;
  editable: boolean;
  /** The selected unit or lesson (kept in the URL, so a link can open a lesson). */
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
  onOpenPoint: (id: string) => void;
}

/** The page's sticky header (Layout.Header) and a gap: where the sticky panel stops. */
const STICKY_TOP = 80;

/**
 * 教材目录: the volume of one grade and term as units → lessons. The selected lesson's details
 * stay in view beside the tree (a sticky panel) on wide screens, and slide up over it on a phone.
 */
export function CatalogView({
  edition,
  subject,
  grade,
  term,
  editable,
  selected,
  onSelect,
  onOpenPoint,
}: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md !== false;
  const change = useCurriculumChange();
  const tree = useTree(edition?.id, grade, term);
  const points = usePoints(subject);
  const [draft, setDraft] = useState('');
  const treeBox = useRef<HTMLDivElement>(null);
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

  // A lesson opened by a link (a resource's page, a knowledge point) may sit low in the tree: bring
  // it into view. One clicked in the tree is in view already, and 'nearest' leaves the page still.
  const currentId = current?.id;
  useEffect(() => {
    if (!currentId) return;
    treeBox.current?.querySelector('.ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  const create = (body: { parentId?: string; title?: string; gradeCode?: string; term?: 1 | 2 }) =>
    change(
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
  const panel = current && (
    <NodePanel
      node={current}
      editionId={edition.id}
      points={points.data ?? []}
      editable={editable}
      onOpenPoint={onOpenPoint}
      onGone={() => onSelect(undefined)}
    />
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10}>
        <Card size="small" title={volume.title} data-testid="curriculum-volume">
          <div ref={treeBox}>
            <Tree
              treeData={treeData}
              defaultExpandAll
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                onSelect(keys[0] as string | undefined);
                setDraft('');
              }}
              data-testid="curriculum-tree"
            />
          </div>
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
      {wide ? (
        <Col md={14}>
          <div
            style={{
              position: 'sticky',
              top: STICKY_TOP,
              maxHeight: `calc(100vh - ${STICKY_TOP + 16}px)`,
              overflowY: 'auto',
            }}
          >
            {current ? (
              <Card size="small" title={current.title}>
                {panel}
              </Card>
            ) : (
              <Card size="small">
                <Typography.Text type="secondary">{t('curriculum.pickLesson')}</Typography.Text>
              </Card>
            )}
          </div>
        </Col>
      ) : (
        <Drawer
          placement="bottom"
          size="60%"
          open={!!current}
          onClose={() => onSelect(undefined)}
          title={current?.title}
          destroyOnHidden
        >
          {panel}
        </Drawer>
      )}
    </Row>
  );
}
