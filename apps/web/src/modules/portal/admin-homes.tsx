import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { formatCount } from '../../app/i18n/format';
import type { Lang } from '../../app/i18n/i18n';
import { useLang } from '../../app/i18n/use-lang';
import { OverviewLayout } from './overview-layout';
import type { HomeOf } from './types';

const unitLink = (id: string, name: string) => (
  <Link to={`/org/${id}`} className="hanlin-wrap">
    {name}
  </Link>
);

/** A right-aligned count column, formatted for the current language. */
const countColumn = (title: string, dataIndex: string, lang: Lang) => ({
  title,
  dataIndex,
  align: 'right' as const,
  render: (n: number) => formatCount(n, lang),
});

/** 市教育局 home: totals for the city and students/teachers per district. */
export function CityHome({ home }: { home: HomeOf<'city'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = home.byDistrict;
  const columns = useMemo<TableColumnsType<(typeof rows)[number]>>(
    () => [
      { title: t('org.kind.district'), dataIndex: 'name', render: (name: string, r) => unitLink(r.id, name) },
      countColumn(t('portal.schools'), 'schools', lang),
      countColumn(t('portal.students'), 'students', lang),
      countColumn(t('portal.teachers'), 'teachers', lang),
    ],
    [t, lang],
  );
  const k = home.totals;
  return (
    <OverviewLayout
      title={t('portal.title.city')}
      unit={home.unit}
      sections={home.sections}
      stats={[
        { key: 'districts', label: t('portal.districts'), value: k.districts },
        { key: 'schools', label: t('portal.schools'), value: k.schools },
        { key: 'classes', label: t('portal.classes'), value: k.classes },
        { key: 'students', label: t('portal.students'), value: k.students },
        { key: 'teachers', label: t('portal.teachers'), value: k.teachers },
      ]}
      chartTitle={t('portal.byDistrictChart')}
      categories={rows.map((r) => r.name)}
      series={[
        { name: t('portal.students'), values: rows.map((r) => r.students) },
        { name: t('portal.teachers'), values: rows.map((r) => r.teachers) },
      ]}
      tableTitle={t('portal.byDistrict')}
      rows={rows}
      columns={columns}
    />
  );
}

/** 区教育局 home: totals for the district and students/teachers per school. */
export function DistrictHome({ home }: { home: HomeOf<'district'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const stage = useCodeLabel('stage');
  const rows = home.bySchool;
  const columns = useMemo<TableColumnsType<(typeof rows)[number]>>(
    () => [
      { title: t('org.kind.school'), dataIndex: 'name', render: (name: string, r) => unitLink(r.id, name) },
      { title: t('org.stage'), dataIndex: 'stage', render: (code: string | null) => stage(code) },
      countColumn(t('portal.students'), 'students', lang),
      countColumn(t('portal.teachers'), 'teachers', lang),
    ],
    [t, lang, stage],
  );
  const k = home.totals;
  return (
    <OverviewLayout
      title={t('portal.title.district')}
      unit={home.unit}
      sections={home.sections}
      stats={[
        { key: 'schools', label: t('portal.schools'), value: k.schools },
        { key: 'classes', label: t('portal.classes'), value: k.classes },
        { key: 'students', label: t('portal.students'), value: k.students },
        { key: 'teachers', label: t('portal.teachers'), value: k.teachers },
      ]}
      chartTitle={t('portal.bySchoolChart')}
      categories={rows.map((r) => r.name)}
      series={[
        { name: t('portal.students'), values: rows.map((r) => r.students) },
        { name: t('portal.teachers'), values: rows.map((r) => r.teachers) },
      ]}
      tableTitle={t('portal.bySchool')}
      rows={rows}
      columns={columns}
    />
  );
}

/** 学校 home: totals for the school and classes/students per grade. */
export function SchoolHome({ home }: { home: HomeOf<'school'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = home.byGrade;
  const columns = useMemo<TableColumnsType<(typeof rows)[number]>>(
    () => [
      { title: t('org.kind.grade'), dataIndex: 'name', render: (name: string, r) => unitLink(r.id, name) },
      countColumn(t('portal.classes'), 'classes', lang),
      countColumn(t('portal.students'), 'students', lang),
    ],
    [t, lang],
  );
  const k = home.totals;
  return (
    <OverviewLayout
      title={t('portal.title.school')}
      unit={home.unit}
      sections={home.sections}
      stats={[
        { key: 'grades', label: t('portal.grades'), value: k.grades },
        { key: 'classes', label: t('portal.classes'), value: k.classes },
        { key: 'students', label: t('portal.students'), value: k.students },
        { key: 'teachers', label: t('portal.teachers'), value: k.teachers },
      ]}
      chartTitle={t('portal.byGradeChart')}
      categories={rows.map((r) => r.name)}
      series={[{ name: t('portal.students'), values: rows.map((r) => r.students) }]}
      tableTitle={t('portal.byGrade')}
      rows={rows}
      columns={columns}
    />
  );
}
