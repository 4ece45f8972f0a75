/**
 * What opens from the heatmap: a point for the class (who is weak on it, how the class stands on
 * its prerequisites, a prerequisite opens in turn; 推送练习 to the practice page), and a cell for one
 * student (the estimate in words, what moved it, the likelier causes among the prerequisites).
 */
import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { LEVEL_COLOURS, type Level, pct, practiceUrl, useClassPoint, useStudentPoint } from './diagnosis-api';

export function LevelTag({ level, p }: { level: Level | null; p?: number | null }) {
  const { t } = useTranslation();
  if (!level) return <Tag>{t('diagnosis.noAnswers')}</Tag>;
  return (
    <Tag color={LEVEL_COLOURS[level]} style={{ marginInlineEnd: 0 }}>
      {t(`diagnosis.level.${level}`)}
      {p !== undefined && p !== null ? ` ${pct(p)}` : ''}
    </Tag>
  );
}

const drawerWidth = 'min(520px, 100vw)';

export function PointDrawer({
  classId,
  kpId,
  onPoint,
  onStudent,
  onClose,
}: {
  classId: string;
  kpId: string | undefined;
  onPoint: (kpId: string) => void;
  onStudent: (studentId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useClassPoint(classId, kpId);
  const d = q.data;
  return (
    <Drawer
      open={!!kpId}
      onClose={onClose}
      size={drawerWidth}
      title={d ? d.point.name : t('diagnosis.point.title')}
      data-testid="mastery-point-drawer"
      extra={
        kpId && (
          <Link to={practiceUrl(classId, kpId)} data-testid="mastery-practice">
            <Button type="primary" icon={<AimOutlined />}>
              {t('diagnosis.point.practice')}
            </Button>
          </Link>
        )
      }
    >
      {q.isPending && <PageLoading />}
      {q.isError && <PageError error={q.error} />}
      {d && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('diagnosis.point.strand')}>{d.point.strand}</Descriptions.Item>
            <Descriptions.Item label={t('diagnosis.point.classMean')}>
              <LevelTag level={d.level} p={d.mean} />
            </Descriptions.Item>
            <Descriptions.Item label={t('diagnosis.point.weak')}>
              {t('diagnosis.point.weakOf', { weak: d.weak, n: d.students })}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('diagnosis.point.prerequisites')}</Typography.Title>
            {d.prerequisites.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('diagnosis.point.noPrerequisites')}
              />
            ) : (
              <List
                size="small"
                dataSource={d.prerequisites}
                data-testid="mastery-prerequisites"
                renderItem={(p) => (
                  <List.Item
                    actions={[
                      <Button key="open" type="link" size="small" onClick={() => onPoint(p.id)}>
                        {t('diagnosis.point.open')}
                      </Button>,
                    ]}
                  >
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text>{p.name}</Typography.Text>
                      {p.depth > 1 && <Tag>{t('diagnosis.point.indirect')}</Tag>}
                      <LevelTag level={p.level} p={p.mean} />
                      {p.weak > 0 && (
                        <Typography.Text type="danger">
                          {t('diagnosis.point.weakN', { n: p.weak })}
                        </Typography.Text>
                      )}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('diagnosis.point.weakStudents')}</Typography.Title>
            {d.weakStudents.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('diagnosis.point.noneWeak')} />
            ) : (
              <Flex wrap gap={8} data-testid="mastery-weak-students">
                {d.weakStudents.map((s) => (
                  <Button key={s.id} size="small" onClick={() => onStudent(s.id)}>
                    {s.name} {pct(s.p)}
                  </Button>
                ))}
              </Flex>
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}

export function CellDrawer({
  studentId,
  studentName,
  kpId,
  onClose,
}: {
  studentId: string | undefined;
  studentName?: string;
  kpId: string | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const q = useStudentPoint(studentId, kpId);
  const d = q.data;
  const en = i18n.language.startsWith('en');
  return (
    <Drawer
      open={!!studentId && !!kpId}
      onClose={onClose}
      size={drawerWidth}
      title={d ? `${studentName ? `${studentName} · ` : ''}${d.point.name}` : t('diagnosis.cell.title')}
      data-testid="mastery-cell-drawer"
    >
      {q.isPending && <PageLoading />}
      {q.isError && <PageError error={q.error} />}
      {d && <StudentPointBody d={d} en={en} />}
    </Drawer>
  );
}

function StudentPointBody({
  d,
  en,
}: {
  d: NonNullable<ReturnType<typeof useStudentPoint>['data']>;
  en: boolean;
}) {
  const { t } = useTranslation();
  const max = Math.max(0.01, ...d.groups.map((g) => Math.abs(g.effect)));
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <LevelTag level={d.level} p={d.p} />
        <Typography.Text data-testid="mastery-sentence">{d.sentence}</Typography.Text>
      </Flex>
      {d.causes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('diagnosis.cell.causes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="mastery-causes">
              {d.causes.map((c) => (
                <li key={c.point.id}>{c.sentence}</li>
              ))}
            </ul>
          }
        />
      )}
      <div>
        <Typography.Title level={5}>{t('diagnosis.cell.why')}</Typography.Title>
        <Flex vertical gap={4}>
          {d.groups.map((g) => (
            <Flex key={g.group} align="center" gap={8}>
              <span style={{ width: 140, flex: 'none', fontSize: 12 }}>{en ? g.en : g.zh}</span>
              <div
                style={{
                  flex: 1,
                  display: 'flex',
                  justifyContent: 'center',
                  position: 'relative',
                  height: 12,
                }}
              >
                <div
                  style={{
                    position: 'absolute',
                    left: '50%',
                    top: 0,
                    bottom: 0,
                    width: 1,
                    background: '#d9d9d9',
                  }}
                />
                <div
                  style={{
                    position: 'absolute',
                    height: 12,
                    top: 0,
                    background: g.effect >= 0 ? LEVEL_COLOURS.mastered : LEVEL_COLOURS.weak,
                    left: g.effect >= 0 ? '50%' : `${50 - (Math.abs(g.effect) / max) * 50}%`,
                    width: `${(Math.abs(g.effect) / max) * 50}%`,
                  }}
                />
              </div>
              <span style={{ width: 44, textAlign: 'right', fontSize: 12 }}>
                {g.effect >= 0 ? '+' : ''}
                {g.effect.toFixed(2)}
              </span>
            </Flex>
          ))}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('diagnosis.cell.whyHint')}
        </Typography.Text>
      </div>
      {d.prerequisites.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('diagnosis.point.prerequisites')}</Typography.Title>
          <List
            size="small"
            dataSource={d.prerequisites}
            renderItem={(p) => (
              <List.Item>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text>{p.name}</Typography.Text>
                  {p.depth > 1 && <Tag>{t('diagnosis.point.indirect')}</Tag>}
                  <LevelTag level={p.level} p={p.p} />
                </Flex>
              </List.Item>
            )}
          />
        </div>
      )}
    </Flex>
  );
}
