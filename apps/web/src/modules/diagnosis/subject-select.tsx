import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../app/codes/use-codes';

/** The subject a diagnosis view shows, among those it has data in (none: no select). */
export function SubjectSelect({
  subjects,
  value,
  onChange,
}: {
  subjects: readonly { code: string }[] | undefined;
  value: string | null | undefined;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const subjectLabel = useCodeLabel('subject');
  if (!subjects || subjects.length === 0) return null;
  return (
    <Select
      style={{ minWidth: 100 }}
      value={value ?? undefined}
      onChange={onChange}
      options={subjects.map((s) => ({ value: s.code, label: subjectLabel(s.code) }))}
      aria-label={t('diagnosis.subject')}
      data-testid="mastery-subject"
    />
  );
}
