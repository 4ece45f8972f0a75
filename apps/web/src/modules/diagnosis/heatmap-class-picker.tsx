/**
 * The heatmap's class for an administrator (school_admin; any role whose scope holds classes it
 * does not teach): a grade of their scope, then a class of it, through the roster's ClassPicker.
 * Without a grade the picker searches every class of the scope by name. A class opened by link
 * (`?class=`) shows its grade, so the class is among the picker's options.
 */
import { Flex, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgAncestors } from '../org/org-queries';
import { useUnitSearch } from '../roster/admin/admin-queries';
import { ClassPicker } from '../roster/admin/class-picker';

const under = (path: string, root: string) => path.startsWith(`${root}.`);

export function HeatmapClassPicker({
  classId,
  onChange,
}: {
  classId: string | undefined;
  onChange: (classId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const grades = useUnitSearch('grade', '', 200);
  const schools = useUnitSearch('school', '', 200);
  const ancestors = useOrgAncestors(classId ?? '', !!classId);
  const [picked, setPicked] = useState<string | null>();
  // The grade chosen here, else the open class's grade.
  const gradeId = picked === undefined ? ancestors.data?.find((a) => a.kind === 'grade')?.id : picked;
  const grade = grades.data?.find((g) => g.id === gradeId);
  const options = useMemo(() => {
    const list = grades.data ?? [];
    // Grade names repeat across schools (七年级): name the school when the scope holds several.
    const several = (schools.data?.length ?? 0) > 1;
    return list.map((g) => {
      const school = several ? schools.data?.find((s) => under(g.path, s.path))?.name : undefined;
      return { value: g.id, label: school ? `${g.name} · ${school}` : g.name };
    });
  }, [grades.data, schools.data]);
  return (
    <Flex wrap gap={8}>
      <Select
        style={{ minWidth: 120 }}
        allowClear
        value={grade?.id}
        loading={grades.isPending}
        placeholder={t('diagnosis.heatmap.pickGrade')}
        options={options}
        onChange={(v: string | undefined) => {
          setPicked(v ?? null);
          if (v !== gradeId) onChange(undefined);
        }}
        aria-label={t('diagnosis.heatmap.pickGrade')}
        data-testid="mastery-grade"
      />
      <div style={{ minWidth: 200 }}>
        <ClassPicker
          value={classId}
          onChange={(id) => onChange(id)}
          withinPath={grade?.path}
          placeholder={t('diagnosis.heatmap.pickClass')}
          testId="mastery-class-picker"
        />
      </div>
    </Flex>
  );
}
