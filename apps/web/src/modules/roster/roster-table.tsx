import { Table, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { GENDER_SHORT, type RosterStudent } from './roster-queries';

const STATUS_COLOR: Record<string, string> = { enrolled: 'green', transferred: 'orange', graduated: 'blue' };

/** Students of one class; scrolls sideways on a phone rather than squeezing columns. */
export function RosterTable({ students }: { students: RosterStudent[] }) {
  const { t } = useTranslation();
  const gender = useCodeLabel('gender');
  const columns = useMemo<TableColumnsType<RosterStudent>>(
    () => [
      { title: t('roster.index'), key: 'index', width: 56, fixed: 'left', render: (_, __, i) => i + 1 },
      {
        title: t('roster.name'),
        dataIndex: 'name',
        fixed: 'left',
        render: (name: string, s) => (
          <Link to={`/students/${s.personId}`} data-testid="roster-student-link">
            {name}
          </Link>
        ),
      },
      {
        title: t('roster.studentNo'),
        dataIndex: 'studentNo',
        sorter: (a, b) => a.studentNo.localeCompare(b.studentNo),
      },
      {
        title: t('roster.gender'),
        dataIndex: 'gender',
        render: (code: string) => {
          const short = GENDER_SHORT[code];
          return short ? t(short) : gender(code);
        },
      },
      { title: t('roster.birthDate'), dataIndex: 'birthDate', render: (d: string | null) => d ?? '—' },
      {
        title: t('roster.status'),
        dataIndex: 'status',
        render: (s: string) => (
          <Tag color={STATUS_COLOR[s]}>{t(`roster.statusValue.${s}`, { defaultValue: s })}</Tag>
        ),
      },
    ],
    [t, gender],
  );
  return (
    <Table<RosterStudent>
      rowKey="personId"
      size="small"
      columns={columns}
      dataSource={students}
      scroll={{ x: 'max-content' }}
      pagination={students.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
      data-testid="roster-table"
      locale={{ emptyText: t('roster.empty') }}
    />
  );
}
