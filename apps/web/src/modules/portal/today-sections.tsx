import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageEmpty } from '../../app/components/page-state';
import { useSubmit } from '../../app/components/use-submit';
import { useLang } from '../../app/i18n/use-lang';
import { formatWhen } from './format-when';
import { SectionIcon } from './section-icon';
import type { HomeItem, HomeSection } from './types';

/**
 * What waits for the person today: the home's sections in the server's order (most urgent first),
 * each a card of its first few items. On a phone they stack in that order; on a wide screen they
 * fill `columns` columns row by row. A section a later module adds needs only its label and icon.
 */
export function TodaySections({ sections, columns = 1 }: { sections: HomeSection[]; columns?: 1 | 2 }) {
  const { t } = useTranslation();
  if (sections.length === 0)
    return (
      <Card size="small" style={{ marginBottom: 16 }} data-testid="home-nothing-today">
        <PageEmpty text={t('portal.nothingToday')} />
      </Card>
    );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="home-sections">
      {sections.map((s) => (
        <Col key={s.key} xs={24} xl={columns === 2 ? 12 : 24}>
          <SectionCard section={s} />
        </Col>
      ))}
    </Row>
  );
}

function SectionCard({ section }: { section: HomeSection }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`home-section-${section.key}`}
      title={
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <SectionIcon sectionKey={section.key} />
          <span className="hanlin-wrap">{t(`portal.section.${section.key}`)}</span>
          <Badge
            count={section.count}
            overflowCount={99}
            color={section.priority < 50 ? '#cf1322' : '#8c8c8c'}
            data-testid="home-section-count"
          />
        </Flex>
      }
      extra={
        section.link && (
          <Link to={section.link} data-testid="home-section-more">
            {t('portal.sectionMore')}
          </Link>
        )
      }
    >
      <Flex vertical gap={10}>
        {section.items.map((it) => (
          <ItemRow key={it.id} sectionKey={section.key} item={it} />
        ))}
      </Flex>
    </Card>
  );
}

/** One item: its title (a link), a line of detail, tags and time, and an action where one helps. */
export function ItemRow({ sectionKey, item }: { sectionKey: HomeSection['key']; item: HomeItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const confirm = useSubmit(t('common.saveFailed'));
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const tagText = (tag: HomeItem['tags'][number]) =>
    tag.type === 'subject'
      ? subject(tag.value)
      : tag.type === 'grade'
        ? grade(tag.value)
        : tag.type === 'resource_kind'
          ? t(`resources.kind.${tag.value}`)
          : tag.value;
  const [first, ...rest] = item.tags;
  // An item that is a code (a subject) is named by its first tag.
  const title = item.title || (first ? tagText(first) : '');
  const tags = item.title ? item.tags : rest;
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['portal', 'home'] }),
      client.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
  // A message opened from the home counts as read, as it does from the bell.
  const markRead = () =>
    void unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id: item.id } } }))
      .then(refresh)
      .catch(() => undefined);
  const confirmRead = () =>
    confirm.run(async () => {
      await unwrap(api.POST('/api/space-posts/{id}/read', { params: { path: { id: item.id } } }));
      await refresh();
    });
  const detail =
    item.detail && sectionKey === 'answers' ? t('portal.item.yourQuestion', { q: item.detail }) : item.detail;
  return (
    <div data-testid="home-item" style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="start" gap={8}>
        {item.link ? (
          <Link
            to={item.link}
            onClick={sectionKey === 'messages' ? markRead : undefined}
            className="hanlin-wrap"
            style={{ minWidth: 0, fontWeight: item.flag === 'unread' ? 600 : undefined }}
            data-testid="home-item-open"
          >
            {title}
          </Link>
        ) : (
          <Typography.Text strong={item.flag === 'unread'} className="hanlin-wrap">
            {title}
          </Typography.Text>
        )}
        {item.flag === 'overdue' && (
          <Tag color="red" style={{ marginInlineEnd: 0, flexShrink: 0 }}>
            {t(`portal.flag.overdue.${sectionKey === 'questions' ? 'questions' : 'default'}`)}
          </Tag>
        )}
      </Flex>
      {detail && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2 }}
          style={{ margin: '2px 0 0', fontSize: 13 }}
          className="hanlin-wrap"
        >
          {detail}
        </Typography.Paragraph>
      )}
      <Flex wrap gap={6} align="center" style={{ marginTop: 4 }}>
        {tags.map((tag) => (
          <Tag key={`${tag.type}:${tag.value}`} style={{ marginInlineEnd: 0 }} className="hanlin-wrap">
            {tagText(tag)}
          </Tag>
        ))}
        {item.figures.map((f) => (
          <Typography.Text key={f.key} type={f.value > 0 && f.key !== 'lessons' ? 'warning' : 'secondary'}>
            {t(`portal.figure.${f.key}`, { n: f.value })}
          </Typography.Text>
        ))}
        {item.at && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatWhen(item.at, lang)}
          </Typography.Text>
        )}
        {sectionKey === 'notices' && (
          <Button
            size="small"
            type="primary"
            ghost
            loading={confirm.busy}
            onClick={() => void confirmRead()}
            data-testid="home-notice-confirm"
          >
            {t('spaces.confirmRead')}
          </Button>
        )}
        {confirm.error && <Typography.Text type="danger">{confirm.error}</Typography.Text>}
      </Flex>
    </div>
  );
}
