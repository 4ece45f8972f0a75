import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Slider,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { GRADES, SUBJECTS, usePoints } from '../curriculum/curriculum-api';
import { bankKeys, ITEM_TYPES, type Item, type ItemTags, LEVELS, type Similar, useItem } from './bank-api';
import { type DraftState, draftContent, draftState, emptyLeaf, type LeafType } from './item-draft';
import { LeafEditor } from './leaf-editor';
import { PartTypeAndScore } from './part-controls';
import { RichField } from './rich-field';

const DEFAULT_TAGS: ItemTags = {
  subjectCode: '14',
  gradeCode: '14',
  knowledgePointIds: [],
  cognitiveLevel: 'understand',
  difficulty: 0.7,
  score: 3,
  seconds: 60,
};

/** The tags beside the content: subject, grade, knowledge points of the backbone, level, difficulty … */
export function TagsForm({ value, onChange }: { value: ItemTags; onChange: (v: ItemTags) => void }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const points = usePoints(value.subjectCode);
  const set = (patch: Partial<ItemTags>) => onChange({ ...value, ...patch });
  const options = (points.data ?? [])
    .filter((p) => p.gradeCode === value.gradeCode || (value.knowledgePointIds ?? []).includes(p.id))
    .map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }));
  return (
    <Row gutter={[12, 0]}>
      <Col xs={12} md={8}>
        <Form.Item label={t('bank.subject')} required>
          <Select
            value={value.subjectCode}
            onChange={(subjectCode) => set({ subjectCode, knowledgePointIds: [] })}
            options={SUBJECTS.map((s) => ({ value: s, label: subject(s) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label={t('bank.grade')} required>
          <Select
            value={value.gradeCode}
            onChange={(gradeCode) => set({ gradeCode })}
            options={GRADES.map((g) => ({ value: g, label: grade(g) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label={t('bank.levelLabel')} required>
          <Select
            value={value.cognitiveLevel}
            onChange={(cognitiveLevel) => set({ cognitiveLevel })}
            options={LEVELS.map((l) => ({ value: l, label: t(`bank.level.${l}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label={t('bank.points_')} help={t('bank.editor.pointsHelp')}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            maxCount={10}
            loading={points.isPending}
            value={value.knowledgePointIds ?? []}
            onChange={(knowledgePointIds) => set({ knowledgePointIds })}
            options={options}
            placeholder={t('bank.editor.pointsPlaceholder')}
            data-testid="kp-picker"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={`${t('bank.difficulty')}（P = ${value.difficulty.toFixed(2)}）`}
          help={t('bank.editor.difficultyHelp')}
        >
          <Slider
            min={0.05}
            max={0.95}
            step={0.05}
            value={value.difficulty}
            onChange={(difficulty) => set({ difficulty })}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label={t('bank.score')} required>
          <InputNumber
            min={0.5}
            max={200}
            step={0.5}
            value={value.score}
            onChange={(score) => set({ score: score ?? 1 })}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label={t('bank.seconds')} required>
          <InputNumber
            min={5}
            max={7200}
            step={10}
            value={value.seconds}
            onChange={(seconds) => set({ seconds: seconds ?? 60 })}
            addonAfter={t('bank.secondsUnit')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={16} md={12}>
        <Form.Item label={t('bank.source')}>
          <Input
            maxLength={200}
            value={value.source ?? ''}
            onChange={(e) => set({ source: e.target.value || undefined })}
            placeholder={t('bank.editor.sourceHint')}
          />
        </Form.Item>
      </Col>
      <Col xs={8} md={6}>
        <Form.Item label={t('bank.year')}>
          <InputNumber
            min={1990}
            max={2100}
            value={value.year}
            onChange={(year) => set({ year: year ?? undefined })}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Which rows of a validation error go where: the server names each by its path in the body. */
function problems(e: unknown): string[] {
  if (e instanceof ApiError && Array.isArray(e.details))
    return (e.details as { message?: string }[]).map((d) => d.message ?? '').filter(Boolean);
  return [];
}

/** 出题 / 改题: the item editor, type by type, with a live preview and duplicate check before saving. */
export function ItemEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const existing = useItem(id);
  const [draft, setDraft] = useState<DraftState>({ type: 'single_choice', main: emptyLeaf(), parts: [] });
  const [tags, setTags] = useState<ItemTags>(DEFAULT_TAGS);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const loaded = existing.data;
  useEffect(() => {
    if (!loaded) return;
    setDraft(draftState(loaded.content));
    setTags({
      subjectCode: loaded.subjectCode,
      gradeCode: loaded.gradeCode,
      knowledgePointIds: loaded.knowledgePoints.map((k) => k.id),
      cognitiveLevel: loaded.cognitiveLevel,
      difficulty: loaded.difficulty,
      score: loaded.score,
      seconds: loaded.seconds,
      source: loaded.source ?? undefined,
      year: loaded.year ?? undefined,
    });
  }, [loaded]);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.isError) return <PageError error={existing.error} />;

  const setType = (type: (typeof ITEM_TYPES)[number]) =>
    setDraft((d) => ({
      type,
      main: type === 'composite' ? d.main : { ...d.main, type: type as LeafType },
      parts: type === 'composite' && d.parts.length === 0 ? [emptyLeaf('single_choice')] : d.parts,
    }));
  const partsTotal = draft.parts.reduce((a, p) => a + p.score, 0);

  const save = async () => {
    setErrors([]);
    const content = draftContent(draft);
    const finalTags = draft.type === 'composite' ? { ...tags, score: partsTotal } : tags;
    setBusy(true);
    try {
      const check = await unwrap(
        api.POST('/api/assessment/items/similar', {
          body: { content, subjectCode: finalTags.subjectCode, ...(id ? { exclude: id } : {}) },
        }),
      );
      if (check.similar.length > 0 && !(await confirmDuplicates(check.similar))) return;
      const saved: Item = id
        ? await unwrap(
            api.PATCH('/api/assessment/items/{id}', {
              params: { path: { id } },
              body: { content, tags: finalTags },
            }),
          )
        : (await unwrap(api.POST('/api/assessment/items', { body: { content, tags: finalTags } }))).item;
      await qc.invalidateQueries({ queryKey: bankKeys.all });
      message.success(t('bank.editor.saved'));
      navigate(`/bank/items/${saved.id}`);
    } catch (e) {
      const list = problems(e);
      setErrors(list.length > 0 ? list : [errorMessage(e, t('common.saveFailed'))]);
    } finally {
      setBusy(false);
    }
  };

  const confirmDuplicates = (similar: Similar[]) =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: t('bank.editor.similarTitle', { n: similar.length }),
        width: 560,
        content: (
          <List
            size="small"
            dataSource={similar}
            renderItem={(s) => (
              <List.Item>
                <Typography.Text ellipsis={{ tooltip: s.stemText }} style={{ maxWidth: 420 }}>
                  {Math.round(s.similarity * 100)}% · {s.stemText}
                </Typography.Text>
              </List.Item>
            )}
          />
        ),
        okText: t('bank.editor.keep'),
        cancelText: t('bank.editor.skip'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );

  return (
    <Stack>
      <PageTitle
        title={id ? t('bank.editor.editTitle') : t('bank.editor.newTitle')}
        subtitle={t('bank.editor.subtitle')}
      />
      <Form layout="vertical" onFinish={save}>
        <Stack>
          <Card size="small">
            <Form.Item label={t('bank.typeLabel')} required>
              <Select
                value={draft.type}
                onChange={setType}
                options={ITEM_TYPES.map((ty) => ({ value: ty, label: t(`bank.type.${ty}`) }))}
                style={{ maxWidth: 240 }}
                data-testid="item-type"
              />
            </Form.Item>
            {draft.type === 'composite' ? (
              <Stack gap={12}>
                <Form.Item label={t('bank.editor.material')} required style={{ marginBottom: 0 }}>
                  <LeafEditorMaterial draft={draft} setDraft={setDraft} />
                </Form.Item>
                {draft.parts.map((part, i) => (
                  <Card
                    // biome-ignore lint/suspicious/noArrayIndexKey: parts have no ids; every field is controlled by the part's value
                    key={`${i}-${draft.parts.length}`}
                    size="small"
                    type="inner"
                    title={t('bank.editor.partN', { n: i + 1 })}
                    extra={
                      <Flex gap={6} align="center">
                        <PartTypeAndScore
                          part={part}
                          onChange={(v) =>
                            setDraft((d) => ({ ...d, parts: d.parts.map((p, j) => (j === i ? v : p)) }))
                          }
                        />
                        <Button
                          size="small"
                          danger
                          disabled={draft.parts.length <= 1}
                          onClick={() =>
                            setDraft((d) => ({ ...d, parts: d.parts.filter((_, j) => j !== i) }))
                          }
                        >
                          {t('common.delete')}
                        </Button>
                      </Flex>
                    }
                  >
                    <LeafEditor
                      value={part}
                      testId={`part${i}`}
                      onChange={(v) =>
                        setDraft((d) => ({ ...d, parts: d.parts.map((p, j) => (j === i ? v : p)) }))
                      }
                    />
                  </Card>
                ))}
                <Button
                  onClick={() => setDraft((d) => ({ ...d, parts: [...d.parts, emptyLeaf('single_choice')] }))}
                >
                  {t('bank.editor.addPart')}
                </Button>
                <Typography.Text type="secondary">
                  {t('bank.editor.partsTotal', { n: partsTotal })}
                </Typography.Text>
              </Stack>
            ) : (
              <LeafEditor value={draft.main} onChange={(main) => setDraft((d) => ({ ...d, main }))} />
            )}
          </Card>
          <Card size="small" title={t('bank.tags')}>
            <TagsForm
              value={draft.type === 'composite' ? { ...tags, score: partsTotal || tags.score } : tags}
              onChange={setTags}
            />
          </Card>
          {errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={t('bank.editor.fix')}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              }
              data-testid="item-errors"
            />
          )}
          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="item-save">
              {t('common.save')}
            </Button>
          </Flex>
        </Stack>
      </Form>
    </Stack>
  );
}

/** A composite's material (its passage or figure), with formulas and pictures like any stem. */
function LeafEditorMaterial({
  draft,
  setDraft,
}: {
  draft: DraftState;
  setDraft: (f: (d: DraftState) => DraftState) => void;
}) {
  const { t } = useTranslation();
  return (
    <RichField
      value={draft.main.stem}
      rows={4}
      onChange={(stem) => setDraft((d) => ({ ...d, main: { ...d.main, stem } }))}
      placeholder={t('bank.editor.materialHint')}
      testId="material"
    />
  );
}
