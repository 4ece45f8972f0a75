import { Flex, Select, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../../app/codes/use-codes';
import type { SchoolTeacher } from './admin-queries';

interface Props {
  teachers: SchoolTeacher[] | undefined;
  loading: boolean;
  value?: string;
  onChange?: (personId: string | undefined) => void;
  /** Teachers already teaching this class, marked and listed first. */
  ofClass?: ReadonlySet<string>;
  id?: string;
  testId?: string;
}

/** Picks one of a school's teachers by name or staff number; shows each teacher's subjects. */
export function TeacherPicker({ teachers, loading, value, onChange, ofClass, id, testId }: Props) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const options = useMemo(() => {
    const list = [...(teachers ?? [])];
    if (ofClass) list.sort((a, b) => Number(ofClass.has(b.personId)) - Number(ofClass.has(a.personId)));
    return list.map((tc) => ({ value: tc.personId, label: `${tc.name}（${tc.staffNo}）`, teacher: tc }));
  }, [teachers, ofClass]);

  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      allowClear
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('rosterAdmin.teacherPlaceholder')}
      options={options}
      data-testid={testId}
      optionRender={(o) => {
        const tc = o.data.teacher;
        return (
          <Flex wrap gap={4} align="center">
            <span>{o.data.label}</span>
            {ofClass?.has(tc.personId) && <Tag color="blue">{t('rosterAdmin.teacherOfClass')}</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tc.subjects.map((s) => subject(s)).join('、')}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
