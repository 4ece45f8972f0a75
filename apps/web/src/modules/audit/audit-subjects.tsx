import { useQuery } from '@tanstack/react-query';
import { Alert, List, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { PageError } from '../../app/components/page-state';
import { type AuditEntry, useAuditActions } from './audit-api';

const PAGE = 100;

/**
 * The persons of a bulk event (an export), by name, a hundred at a time. The server records each
 * page the auditor opens, with whose names it showed.
 */
export function AuditSubjects({ entry, onClose }: { entry: AuditEntry | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useAuditActions();
  const [page, setPage] = useState(1);
  const id = entry?.id;
  const subjects = useQuery({
    queryKey: ['audit', 'subjects', id, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/audit/events/{id}/subjects', {
          params: { path: { id: id! }, query: { limit: PAGE, offset: (page - 1) * PAGE } },
        }),
      ),
    enabled: !!id,
  });
  return (
    <Modal
      open={!!entry}
      onCancel={() => {
        setPage(1);
        onClose();
      }}
      footer={null}
      title={
        entry && t('audit.subjectsTitle', { action: label(entry.action).action, count: entry.subjectCount })
      }
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('audit.subjectsNote')} style={{ marginBottom: 12 }} />
      {subjects.isError ? (
        <PageError error={subjects.error} onRetry={() => void subjects.refetch()} />
      ) : (
        <List
          size="small"
          loading={subjects.isFetching}
          dataSource={subjects.data?.items ?? []}
          rowKey="personId"
          data-testid="audit-subject-list"
          pagination={{
            current: page,
            pageSize: PAGE,
            total: subjects.data?.total ?? 0,
            onChange: setPage,
            simple: true,
            size: 'small',
            align: 'center',
          }}
          renderItem={(p) => (
            <List.Item>
              <span>{p.name || '—'}</span>
              <Tag>
                {p.learner
                  ? t('audit.personLearner')
                  : p.staff
                    ? t('audit.personStaff')
                    : t('audit.personOther')}
              </Tag>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
