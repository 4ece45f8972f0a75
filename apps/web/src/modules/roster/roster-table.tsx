import { Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { GENDER_SHORT, type RosterStudent } from './roster-queries';

const STATUS_COLOR: Record<string, string> = { enrolled: 'green', transferred: 'orange', graduated: 'blue' };
const PAGE_SIZE = 50;

/**
 * Students of one class. On a phone the student number and birth date (on the student's own page)
 * give way, so name, sex and status fit the screen; wider tables scroll sideways. `highlightId`
 * (a student just enrolled) is marked, and its page is opened and scrolled into view.
 */
export function RosterTable({ students, highlightId }: { students: RosterStudent[]; highlightId?: string }) {
  const { t } = useTranslation();
  const gender = useCodeLabel('gender');
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(students.length / PAGE_SIZE));

  useEffect(() => {
    const index = highlightId ? students.findIndex((s) => s.personId === highlightId) : -1;
    if (index < 0) return;
    setPage(Math.floor(index / PAGE_SIZE) + 1);
    // After the page has rendered: antd marks each row with data-row-key.
    const timer = setTimeout(() => {
      document
        .querySelector(`[data-testid="roster-table"] [data-row-key="${highlightId}"]`)
        ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 50);
    return () => clearTimeout(timer);
  }, [highlightId, students]);
  const columns = useMemo<TableColumnsType<RosterStudent>>(
    () => [
      { title: t('roster.index'), key: 'index', width: 56, fixed: 'left', render: (_, __, i) => i + 1 },
      {
        title: t('roster.name'),
        dataIndex: 'name',
        fixed: 'left',
        render: (name: string, s) => (
          <>
            <Link to={`/students/${s.personId}`} data-testid="roster-student-link">
              {name}
            </Link>
            {s.personId === highlightId && (
              <Tag color="green" style={{ marginInlineStart: 6 }} data-testid="roster-new-student">
                {t('rosterAdmin.newStudent')}
              </Tag>
            )}
          </>
        ),
      },
      {
        title: t('roster.studentNo'),
        dataIndex: 'studentNo',
        sorter: (a, b) => a.studentNo.localeCompare(b.studentNo),
        responsive: ['sm'],
      },
      {
        title: t('roster.gender'),
        dataIndex: 'gender',
        render: (code: string) => {
          const short = GENDER_SHORT[code];
          return short ? t(short) : gender(code);
        },
      },
      {
        title: t('roster.birthDate'),
        dataIndex: 'birthDate',
        render: (d: string | null) => d ?? '—',
        responsive: ['sm'],
      },
      {
        title: t('roster.status'),
        dataIndex: 'status',
        render: (s: string) => (
          <Tag color={STATUS_COLOR[s]}>{t(`roster.statusValue.${s}`, { defaultValue: s })}</Tag>
        ),
      },
    ],
    [t, gender, highlightId],
  );
  return (
    <Table<RosterStudent>
      rowKey="personId"
      size="small"
      columns={columns}
      dataSource={students}
      scroll={{ x: 'max-content' }}
      pagination={
        students.length > PAGE_SIZE
          ? {
              pageSize: PAGE_SIZE,
              current: Math.min(page, pages),
              onChange: setPage,
              size: 'small',
              showSizeChanger: false,
            }
          : false
      }
      data-testid="roster-table"
      locale={{ emptyText: t('roster.empty') }}
    />
  );
}
