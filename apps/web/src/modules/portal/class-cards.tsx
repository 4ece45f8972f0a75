import { RightOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageEmpty } from '../../app/components/page-state';
import type { HomeOf } from './types';

export type TeacherClass = HomeOf<'teacher'>['classes'][number];

/** "My classes" of a teacher: one card per class, each opening its roster. */
export function ClassCards({ classes }: { classes: TeacherClass[] }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  if (classes.length === 0) return <PageEmpty text={t('portal.noClasses')} />;
  return (
    <Row gutter={[12, 12]}>
      {classes.map((c) => (
        <Col key={c.id} xs={24} sm={12} xl={8}>
          <Link
            to={`/classes/${c.id}`}
            data-testid="class-card"
            aria-label={`${c.name} ${t('portal.openRoster')}`}
          >
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Space size={6} wrap>
                    <Typography.Text strong className="hanlin-wrap">
                      {c.name}
                    </Typography.Text>
                    <Tag color={c.kind === 'teaching_class' ? 'purple' : 'blue'}>
                      {t(`org.kind.${c.kind}`)}
                    </Tag>
                  </Space>
                  <div>
                    <Typography.Text type="secondary" className="hanlin-wrap">
                      {c.schoolName}
                    </Typography.Text>
                  </div>
                  <Space size={[4, 4]} wrap style={{ marginTop: 6 }}>
                    {c.subjects.map((code) => (
                      <Tag key={code}>{subject(code)}</Tag>
                    ))}
                    <Typography.Text type="secondary">
                      <TeamOutlined /> {t('portal.studentCount', { count: c.students })}
                    </Typography.Text>
                  </Space>
                </div>
                <RightOutlined aria-hidden />
              </Flex>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
