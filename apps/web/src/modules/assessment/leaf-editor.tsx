import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Stack } from '../../app/components/stack';
import { LETTERS, type LeafState } from './item-draft';
import { RichField } from './rich-field';
import { blankIds } from './rich-input';

/** The type-specific fields of one item or part: stem, options and answer, blanks, reference and rubric. */
export function LeafEditor({
  value,
  onChange,
  testId = 'leaf',
}: {
  value: LeafState;
  onChange: (v: LeafState) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<LeafState>) => onChange({ ...value, ...patch });
  const choice = value.type === 'single_choice' || value.type === 'multiple_choice';
  const ids = value.type === 'fill_in' ? blankIds(value.stem) : [];
  return (
    <Stack gap={12}>
      <Form.Item label={t('bank.editor.stem')} required style={{ marginBottom: 0 }}>
        <RichField
          value={value.stem}
          onChange={(stem) => set({ stem })}
          rows={3}
          blanks={value.type === 'fill_in'}
          placeholder={t(value.type === 'fill_in' ? 'bank.editor.stemBlanks' : 'bank.editor.stemHint')}
          testId={`${testId}-stem`}
        />
      </Form.Item>
      {choice && (
        <Form.Item label={t('bank.editor.options')} required style={{ marginBottom: 0 }}>
          <Stack gap={6}>
            {value.options.map((o, i) => {
              const letter = LETTERS[i]!;
              const on = value.correct.includes(letter);
              return (
                <Flex key={letter} gap={6} align="flex-start">
                  {value.type === 'single_choice' ? (
                    <Radio
                      checked={on}
                      onChange={() => set({ correct: [letter] })}
                      aria-label={t('bank.editor.correctOf', { l: letter })}
                    >
                      {letter}
                    </Radio>
                  ) : (
                    <Checkbox
                      checked={on}
                      onChange={(e) =>
                        set({
                          correct: e.target.checked
                            ? [...value.correct, letter]
                            : value.correct.filter((c) => c !== letter),
                        })
                      }
                    >
                      {letter}
                    </Checkbox>
                  )}
                  <Input
                    value={o}
                    maxLength={2000}
                    onChange={(e) =>
                      set({ options: value.options.map((x, j) => (j === i ? e.target.value : x)) })
                    }
                    placeholder={t('bank.editor.optionHint')}
                    data-testid={`${testId}-option`}
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    disabled={value.options.length <= 2}
                    aria-label={t('common.delete')}
                    onClick={() =>
                      set({
                        options: value.options.filter((_, j) => j !== i),
                        correct: value.correct
                          .filter((c) => c !== letter)
                          .map((c) => (c > letter ? LETTERS[LETTERS.indexOf(c) - 1]! : c)),
                      })
                    }
                  />
                </Flex>
              );
            })}
            <Flex gap={8} wrap align="center">
              <Button
                icon={<PlusOutlined />}
                size="small"
                disabled={value.options.length >= 10}
                onClick={() => set({ options: [...value.options, ''] })}
              >
                {t('bank.editor.addOption')}
              </Button>
              <Typography.Text type="secondary">{t('bank.editor.markCorrect')}</Typography.Text>
              {value.type === 'multiple_choice' && (
                <Select
                  size="small"
                  value={value.partial}
                  onChange={(partial) => set({ partial })}
                  options={(['half', 'none'] as const).map((p) => ({
                    value: p,
                    label: t(`bank.partial.${p}`),
                  }))}
                />
              )}
            </Flex>
          </Stack>
        </Form.Item>
      )}
      {value.type === 'true_false' && (
        <Form.Item label={t('bank.answer')} style={{ marginBottom: 0 }}>
          <Radio.Group
            value={value.judgement}
            onChange={(e) => set({ judgement: e.target.value })}
            options={[
              { value: true, label: t('bank.true') },
              { value: false, label: t('bank.false') },
            ]}
          />
        </Form.Item>
      )}
      {value.type === 'fill_in' && (
        <Form.Item label={t('bank.editor.blanks')} required style={{ marginBottom: 0 }}>
          {ids.length === 0 ? (
            <Typography.Text type="warning">{t('bank.editor.noBlanks')}</Typography.Text>
          ) : (
            <Stack gap={6}>
              {ids.map((id, i) => {
                const b = value.blanks[id] ?? { accepted: '', kind: 'text' as const, unit: '' };
                const put = (patch: Partial<typeof b>) =>
                  set({ blanks: { ...value.blanks, [id]: { ...b, ...patch } } });
                return (
                  <Flex key={id} gap={6} wrap align="flex-start">
                    <Typography.Text strong style={{ minWidth: 48 }}>
                      {t('bank.blankN', { n: i + 1 })}
                    </Typography.Text>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      style={{ flex: '1 1 200px' }}
                      value={b.accepted}
                      onChange={(e) => put({ accepted: e.target.value })}
                      placeholder={t('bank.editor.acceptedHint')}
                      data-testid={`${testId}-blank`}
                    />
                    <Select
                      value={b.kind}
                      onChange={(kind) => put({ kind })}
                      options={(['text', 'number'] as const).map((k) => ({
                        value: k,
                        label: t(`bank.editor.kind.${k}`),
                      }))}
                    />
                    {b.kind === 'number' && (
                      <Input
                        style={{ width: 90 }}
                        value={b.unit}
                        maxLength={20}
                        onChange={(e) => put({ unit: e.target.value })}
                        placeholder={t('bank.editor.unit')}
                      />
                    )}
                  </Flex>
                );
              })}
            </Stack>
          )}
        </Form.Item>
      )}
      {(value.type === 'short_answer' || value.type === 'essay') && (
        <>
          <Form.Item label={t('bank.reference')} style={{ marginBottom: 0 }}>
            <RichField value={value.reference} onChange={(reference) => set({ reference })} rows={2} />
          </Form.Item>
          <Form.Item label={t('bank.rubric')} style={{ marginBottom: 0 }}>
            <Stack gap={6}>
              {value.rubric.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rubric lines have no ids; every field is controlled by the line's value
                <Flex key={`${i}-${value.rubric.length}`} gap={6}>
                  <InputNumber
                    min={0}
                    max={200}
                    value={r.points}
                    onChange={(points) =>
                      set({
                        rubric: value.rubric.map((x, j) => (j === i ? { ...x, points: points ?? 0 } : x)),
                      })
                    }
                    addonAfter={t('bank.pointUnit')}
                    style={{ width: 110 }}
                  />
                  <Input
                    value={r.description}
                    maxLength={2000}
                    onChange={(e) =>
                      set({
                        rubric: value.rubric.map((x, j) =>
                          j === i ? { ...x, description: e.target.value } : x,
                        ),
                      })
                    }
                    placeholder={t('bank.editor.rubricHint')}
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => set({ rubric: value.rubric.filter((_, j) => j !== i) })}
                  />
                </Flex>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                style={{ justifySelf: 'start' }}
                onClick={() => set({ rubric: [...value.rubric, { points: 2, description: '' }] })}
              >
                {t('bank.editor.addRubric')}
              </Button>
            </Stack>
          </Form.Item>
          {value.type === 'essay' && (
            <Form.Item label={t('bank.editor.minLength')} style={{ marginBottom: 0 }}>
              <InputNumber
                min={0}
                max={100000}
                value={value.minLength}
                onChange={(v) => set({ minLength: v ?? undefined })}
              />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item label={t('bank.explanation')} style={{ marginBottom: 0 }}>
        <RichField value={value.explanation} onChange={(explanation) => set({ explanation })} rows={2} />
      </Form.Item>
    </Stack>
  );
}
