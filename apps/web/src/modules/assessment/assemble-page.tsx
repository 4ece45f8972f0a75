import { Card, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { GRADES, SUBJECTS } from '../curriculum/curriculum-api';
import { type Blueprint, useBlueprints } from './bank-api';
import { BlueprintForm } from './blueprint-form';

/**
 * 按细目表组卷: the paper's header (title, subject, grade, minutes) and its 双向细目表, filled anew or
 * from a template (`?blueprint=`); 组卷 lands on the new draft.
 */
export function AssemblePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const templates = useBlueprints();
  const id = params.get('blueprint');
  if (id && templates.isPending) return <PageLoading />;
  const from = templates.data?.items.find((b) => b.id === id);
  return <AssembleForm key={from?.id ?? 'new'} from={from} title={t('assembly.title')} />;
}

function AssembleForm({ from, title }: { from?: Blueprint; title: string }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const [paperTitle, setPaperTitle] = useState(from?.spec.title ?? '');
  const [subjectCode, setSubject] = useState(from?.subjectCode ?? '14');
  const [gradeCode, setGrade] = useState(from?.gradeCode ?? '14');
  const [minutes, setMinutes] = useState(from?.spec.minutes ?? 40);
  return (
    <Stack>
      <PageTitle title={title} subtitle={from ? from.name : t('assembly.subtitle')} testId="assemble-title" />
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <Input
            style={{ maxWidth: 320 }}
            maxLength={200}
            value={paperTitle}
            onChange={(e) => setPaperTitle(e.target.value)}
            placeholder={t('papers.titleHint')}
            aria-label={t('papers.paperTitle')}
            data-testid="assemble-paper-title"
          />
          <Select
            value={subjectCode}
            style={{ minWidth: 100 }}
            onChange={setSubject}
            aria-label={t('bank.subject')}
            options={SUBJECTS.map((s) => ({ value: s, label: subject(s) }))}
          />
          <Select
            value={gradeCode}
            style={{ minWidth: 100 }}
            onChange={setGrade}
            aria-label={t('bank.grade')}
            options={GRADES.map((g) => ({ value: g, label: grade(g) }))}
          />
          <InputNumber
            min={1}
            max={600}
            value={minutes}
            onChange={(v) => setMinutes(v ?? 40)}
            addonAfter={t('papers.minuteUnit')}
            aria-label={t('papers.minutes')}
            style={{ width: 130 }}
          />
        </Flex>
        {!paperTitle.trim() && <Typography.Text type="secondary">{t('assembly.needTitle')}</Typography.Text>}
      </Card>
      <Card size="small" title={t('papers.tabBlueprint')}>
        <BlueprintForm
          key={`${subjectCode}/${gradeCode}`}
          subjectCode={subjectCode}
          gradeCode={gradeCode}
          title={paperTitle.trim() || t('assembly.defaultTitle')}
          minutes={minutes}
          initial={
            from && from.subjectCode === subjectCode && from.gradeCode === gradeCode ? from.spec : undefined
          }
          templateId={from?.id}
        />
      </Card>
    </Stack>
  );
}
