import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Row, Select, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { GRADES, SUBJECTS } from '../curriculum/curriculum-api';
import { bankKeys } from './bank-api';
import { type ItemImport, importKeys, TEMPLATE_URL, uploadImport, useItemImport } from './item-import-api';
import { type Choice, ProposedItemCard } from './proposed-item-card';
import { ProposedItemEditor } from './proposed-item-editor';

/** The problems a refusal lists (by item and line), or its message. */
function problemsOf(e: unknown): { index?: number; message: string }[] {
  if (e instanceof ApiError && Array.isArray(e.details) && e.details.length > 0)
    return (e.details as { index?: number; message?: string }[])
      .filter((d) => d.message)
      .map((d) => ({ index: d.index, message: d.message! }));
  return [{ message: errorMessage(e, '') }];
}

/** Choose a file: a Word paper, the .xlsx template or a QTI package, with the subject and grade it is for. */
function UploadStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const [subjectCode, setSubject] = useState<string>('14');
  const [gradeCode, setGrade] = useState<string>('21');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const send = async (file: File) => {
    setBusy(true);
    setProblems([]);
    try {
      const p = await uploadImport(file, subjectCode, gradeCode);
      navigate(`/bank/import/${p.id}`);
    } catch (e) {
      setProblems(problemsOf(e).map((p) => p.message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small">
      <Form layout="vertical">
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item label={t('bank.subject')}>
              <Select
                value={subjectCode}
                onChange={setSubject}
                options={SUBJECTS.map((s) => ({ value: s, label: subject(s) }))}
                data-testid="import-subject"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('bank.grade')}>
              <Select
                value={gradeCode}
                onChange={setGrade}
                options={GRADES.map((g) => ({ value: g, label: grade(g) }))}
                data-testid="import-grade"
              />
            </Form.Item>
          </Col>
        </Row>
        <Upload.Dragger
          accept=".docx,.xlsx,.zip,.xml"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? t('itemImport.reading') : t('itemImport.drop')}</p>
          <p className="ant-upload-hint">{t('itemImport.formats')}</p>
        </Upload.Dragger>
      </Form>
      {problems.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={t('itemImport.refused')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 320, overflow: 'auto' }}>
              {problems.slice(0, 100).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          data-testid="import-errors"
        />
      )}
    </Card>
  );
}

/** The proposal: every item rendered with what to check; the teacher corrects, chooses and confirms. */
function ProposalStep({ proposal }: { proposal: ItemImport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const locked = proposal.status !== 'proposed';
  const initial = useMemo(
    () =>
      proposal.items.map(
        (i): Choice => ({
          chosen: locked ? i.itemId !== null : i.duplicates.length === 0 && i.repeats.length === 0,
          draft: i.draft,
          edited: false,
          answerSupplied: false,
        }),
      ),
    [proposal, locked],
  );
  const [choices, setChoices] = useState<Choice[]>(initial);
  useEffect(() => setChoices(initial), [initial]);
  const [editing, setEditing] = useState<number>();
  const [problems, setProblems] = useState<{ index?: number; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (i: number, patch: Partial<Choice>) =>
    setChoices((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const chosen = choices.map((c, index) => ({ ...c, index })).filter((c) => c.chosen);
  const unanswered = chosen.filter((c) => proposal.items[c.index]!.missingAnswer && !c.answerSupplied);

  const confirm = async () => {
    if (unanswered.length > 0) {
      setProblems(
        unanswered.map((c) => ({
          index: c.index,
          message: t('itemImport.stillMissing', { label: proposal.items[c.index]!.label }),
        })),
      );
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      const done = await unwrap(
        api.POST('/api/assessment/item-imports/{id}/confirm', {
          params: { path: { id: proposal.id } },
          body: {
            items: chosen.map((c) => ({ index: c.index, draft: c.draft, answerSupplied: c.answerSupplied })),
          },
        }),
      );
      qc.setQueryData(importKeys.one(proposal.id), done);
      await qc.invalidateQueries({ queryKey: bankKeys.all });
      message.success(t('itemImport.confirmed', { n: chosen.length }));
    } catch (e) {
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
    }
  };
  const discard = async () => {
    try {
      await unwrap(
        api.POST('/api/assessment/item-imports/{id}/discard', { params: { path: { id: proposal.id } } }),
      );
      navigate('/bank/import');
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };

  return (
    <Stack>
      <Typography.Text type="secondary" data-testid="import-summary">
        {proposal.fileName}
        {proposal.title && ` · ${proposal.title}`} ·{' '}
        {t('itemImport.summary', {
          n: proposal.items.length,
          missing: proposal.items.filter((i) => i.missingAnswer).length,
          duplicates: proposal.items.filter((i) => i.duplicates.length + i.repeats.length > 0).length,
        })}
      </Typography.Text>
      {proposal.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {proposal.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {locked && (
        <Alert
          type={proposal.status === 'confirmed' ? 'success' : 'info'}
          showIcon
          title={t(`itemImport.status.${proposal.status}`)}
          action={
            <Button size="small" onClick={() => navigate('/bank?mine=true')} data-testid="import-to-bank">
              {t('itemImport.toBank')}
            </Button>
          }
          data-testid="import-done"
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('itemImport.fix')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={`${p.index}-${p.message}`}>{p.message}</li>
              ))}
            </ul>
          }
          data-testid="import-problems"
        />
      )}
      {proposal.items.map((item, i) => (
        <ProposedItemCard
          key={item.index}
          item={item}
          choice={choices[i] ?? initial[i]!}
          locked={locked}
          problems={problems.filter((p) => p.index === i).map((p) => p.message)}
          onChoose={(c) => set(i, { chosen: c })}
          onEdit={() => setEditing(i)}
        />
      ))}
      {!locked && (
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
          <Flex wrap gap={8} justify="space-between" align="center">
            <Typography.Text>
              {t('itemImport.chosen', { n: chosen.length, total: proposal.items.length })}
            </Typography.Text>
            <Flex gap={8} wrap>
              <Button onClick={() => setChoices((cs) => cs.map((c) => ({ ...c, chosen: true })))}>
                {t('itemImport.chooseAll')}
              </Button>
              <Button danger onClick={discard} data-testid="import-discard">
                {t('itemImport.discard')}
              </Button>
              <Button
                type="primary"
                loading={busy}
                disabled={chosen.length === 0}
                onClick={confirm}
                data-testid="import-confirm"
              >
                {t('itemImport.confirm', { n: chosen.length })}
              </Button>
            </Flex>
          </Flex>
        </Card>
      )}
      {editing !== undefined && (
        <ProposedItemEditor
          draft={choices[editing]!.draft}
          missingAnswer={proposal.items[editing]!.missingAnswer && !choices[editing]!.answerSupplied}
          onClose={() => setEditing(undefined)}
          onSave={(draft, supplied) => {
            set(editing, {
              draft,
              edited: true,
              chosen: true,
              answerSupplied: choices[editing]!.answerSupplied || supplied,
            });
            setProblems((ps) => ps.filter((p) => p.index !== editing));
            setEditing(undefined);
          }}
        />
      )}
    </Stack>
  );
}

/** 导入试题: a teacher brings a Word paper, an .xlsx template or a QTI package into their bank. */
export function ItemImportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const found = useItemImport(id);
  return (
    <Stack>
      <PageTitle
        title={t('itemImport.title')}
        subtitle={t('itemImport.subtitle')}
        testId="import-title"
        extra={
          <Flex gap={8} wrap>
            {id && <Button onClick={() => navigate('/bank/import')}>{t('itemImport.another')}</Button>}
            <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} data-testid="import-template">
              {t('itemImport.template')}
            </Button>
          </Flex>
        }
      />
      {!id ? (
        <UploadStep />
      ) : found.isPending ? (
        <PageLoading />
      ) : found.isError ? (
        <PageError error={found.error} />
      ) : found.data.items.length === 0 ? (
        <Empty />
      ) : (
        <ProposalStep proposal={found.data} />
      )}
    </Stack>
  );
}
