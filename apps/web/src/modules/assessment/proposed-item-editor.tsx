import { Alert, Button, Card, Drawer, Flex, Form, Grid, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stack } from '../../app/components/stack';
import { ITEM_TYPES, type ItemContent, type ItemTags } from './bank-api';
import { type DraftState, draftContent, draftState, type LeafState, type LeafType } from './item-draft';
import { TagsForm } from './item-editor-page';
import type { ImportDraft } from './item-import-api';
import { LeafEditor } from './leaf-editor';
import { PartTypeAndScore } from './part-controls';
import { RichField } from './rich-field';

/** What the Word reader writes where it found no answer; shown to the teacher as an empty answer. */
const PLACEHOLDER = '（待补充）';

/** An item proposed without an answer opens with the answer empty, so the teacher has to set it. */
function withoutPlaceholder(l: LeafState): LeafState {
  const blanks = Object.fromEntries(
    Object.entries(l.blanks).map(([id, b]) => [
      id,
      {
        ...b,
        accepted: b.accepted
          .split('\n')
          .filter((a) => a !== PLACEHOLDER)
          .join('\n'),
      },
    ]),
  );
  const choice = l.type === 'single_choice' || l.type === 'multiple_choice';
  return { ...l, blanks, correct: choice ? [] : l.correct };
}

/** Whether each leaf has an answer the teacher gave (choices picked, every blank filled). */
function answered(c: ItemContent): boolean {
  const leaves = c.type === 'composite' ? c.parts.map((p) => p.content as ItemContent) : [c];
  return leaves.every((l) => {
    if (l.type === 'single_choice') return l.correct !== '';
    if (l.type === 'multiple_choice') return l.correct.length > 0;
    if (l.type === 'fill_in')
      return l.blanks.every((b) => b.accepted.length > 0 && !b.accepted.includes(PLACEHOLDER));
    return true;
  });
}

/**
 * Corrects one proposed item in a drawer with the bank's own editor parts (leaf-editor, rich-field,
 * the tags form); `onSave` gets the corrected draft and whether the teacher set its answer.
 */
export function ProposedItemEditor({
  draft,
  missingAnswer,
  onSave,
  onClose,
}: {
  draft: ImportDraft;
  missingAnswer: boolean;
  onSave: (draft: ImportDraft, answerSupplied: boolean) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [state, setState] = useState<DraftState>(() => {
    const s = draftState(draft.content as ItemContent);
    return missingAnswer
      ? { ...s, main: withoutPlaceholder(s.main), parts: s.parts.map(withoutPlaceholder) }
      : s;
  });
  const [tags, setTags] = useState<ItemTags>(draft.tags);
  const [problem, setProblem] = useState<string>();
  const partsTotal = state.parts.reduce((a, p) => a + p.score, 0);

  const save = () => {
    const content = draftContent(state);
    if (!answered(content)) {
      setProblem(t('itemImport.needAnswer'));
      return;
    }
    const finalTags = content.type === 'composite' ? { ...tags, score: partsTotal } : tags;
    onSave({ content, tags: finalTags } as ImportDraft, true);
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('itemImport.editTitle')}
      size={screens.md ? 720 : '100%'}
      extra={
        <Button type="primary" onClick={save} data-testid="proposed-save">
          {t('itemImport.editDone')}
        </Button>
      }
    >
      <Form layout="vertical">
        <Stack>
          {missingAnswer && <Alert type="warning" showIcon title={t('itemImport.missingHelp')} />}
          {state.type !== 'composite' ? (
            <>
              <Form.Item label={t('bank.typeLabel')} style={{ marginBottom: 0 }}>
                <Select
                  value={state.type}
                  onChange={(type: LeafType) => setState((d) => ({ ...d, type, main: { ...d.main, type } }))}
                  options={ITEM_TYPES.filter((ty) => ty !== 'composite').map((ty) => ({
                    value: ty,
                    label: t(`bank.type.${ty}`),
                  }))}
                  style={{ maxWidth: 240 }}
                />
              </Form.Item>
              <LeafEditor
                value={state.main}
                onChange={(main) => setState((d) => ({ ...d, main }))}
                testId="proposed"
              />
            </>
          ) : (
            <Stack gap={12}>
              <Form.Item label={t('bank.editor.material')} required style={{ marginBottom: 0 }}>
                <RichField
                  value={state.main.stem}
                  rows={4}
                  onChange={(stem) => setState((d) => ({ ...d, main: { ...d.main, stem } }))}
                />
              </Form.Item>
              {state.parts.map((part, i) => (
                <Card
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts have no ids and are not reordered here
                  key={i}
                  size="small"
                  type="inner"
                  title={t('bank.editor.partN', { n: i + 1 })}
                  extra={
                    <Flex gap={6}>
                      <PartTypeAndScore
                        part={part}
                        onChange={(v) =>
                          setState((d) => ({ ...d, parts: d.parts.map((p, j) => (j === i ? v : p)) }))
                        }
                      />
                    </Flex>
                  }
                >
                  <LeafEditor
                    value={part}
                    testId={`proposed-part${i}`}
                    onChange={(v) =>
                      setState((d) => ({ ...d, parts: d.parts.map((p, j) => (j === i ? v : p)) }))
                    }
                  />
                </Card>
              ))}
            </Stack>
          )}
          <Card size="small" title={t('bank.tags')}>
            <TagsForm
              value={state.type === 'composite' ? { ...tags, score: partsTotal || tags.score } : tags}
              onChange={setTags}
            />
          </Card>
          {problem && <Alert type="error" showIcon title={problem} data-testid="proposed-problem" />}
        </Stack>
      </Form>
    </Drawer>
  );
}
