/**
 * One item of a paper as a student answers it: choices as large buttons (a thumb on a 390 px phone
 * hits them), true/false as two, fill-in blanks as inputs in the stem, subjective answers as text.
 * Choices are saved at the tap; typed answers a moment after typing stops and when the field is left.
 */
import { Button, Flex, Input, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RichText } from './attempt-rich';
import type { AnswerValue } from './homework-api';

type Content = Record<string, unknown> & { type: string; stem: string };
type Option = { id: string; body: string };

export interface ItemProps {
  number: number;
  score: number;
  content: Content;
  /** The current answers, by `number.part`. */
  answers: ReadonlyMap<string, AnswerValue>;
  onAnswer: (number: number, part: number, value: AnswerValue) => void;
  disabled?: boolean;
}

const TYPING_MS = 800;

/** Text that is saved when typing pauses and when the field is left. */
function useTyped(initial: string, save: (text: string) => void) {
  const [text, setText] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saved = useRef(initial);
  const commit = (t: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (t !== saved.current) {
      saved.current = t;
      save(t);
    }
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    text,
    change: (t: string) => {
      setText(t);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(t), TYPING_MS);
    },
    blur: () => commit(text),
  };
}

function BlankInput(props: {
  id: string;
  numeric: boolean;
  initial: string;
  disabled?: boolean;
  onSave: (text: string) => void;
}) {
  const { t } = useTranslation();
  const typed = useTyped(props.initial, props.onSave);
  return (
    <Input
      className="hanlin-blank"
      size="large"
      value={typed.text}
      disabled={props.disabled}
      inputMode={props.numeric ? 'decimal' : 'text'}
      aria-label={t('homework.blank', { id: props.id })}
      data-testid={`blank-${props.id}`}
      onChange={(e) => typed.change(e.target.value)}
      onBlur={typed.blur}
      style={{ width: '7em', margin: '0 4px' }}
    />
  );
}

function TextAnswer(props: {
  initial: string;
  disabled?: boolean;
  minLength?: number;
  onSave: (t: string) => void;
}) {
  const { t } = useTranslation();
  const typed = useTyped(props.initial, props.onSave);
  return (
    <Flex vertical gap={4}>
      <Input.TextArea
        value={typed.text}
        disabled={props.disabled}
        autoSize={{ minRows: 4, maxRows: 16 }}
        placeholder={t('homework.textPlaceholder')}
        data-testid="text-answer"
        onChange={(e) => typed.change(e.target.value)}
        onBlur={typed.blur}
      />
      <Typography.Text type="secondary">
        {props.minLength
          ? t('homework.lengthOf', { n: typed.text.length, min: props.minLength })
          : t('homework.length', { n: typed.text.length })}
      </Typography.Text>
    </Flex>
  );
}

/** A fill-in item: each blank's input saves the whole set of blanks as it stands. */
function FillIn(
  props: { number: number; part: number; content: Content } & Omit<ItemProps, 'number' | 'score' | 'content'>,
) {
  const { number, part, content: c, answers, onAnswer, disabled } = props;
  const value = answers.get(`${number}.${part}`);
  const blanks = (c.blanks as { id: string; kind: string }[]) ?? [];
  const current = value && 'blanks' in value ? value.blanks : {};
  // The blanks typed so far, across renders: a second blank's save keeps the first's text.
  const latest = useRef<Record<string, string>>(current);
  return (
    <RichText
      xhtml={c.stem}
      blank={(id) => (
        <BlankInput
          id={`${number}-${part}-${id}`}
          numeric={blanks.find((b) => b.id === id)?.kind === 'number'}
          initial={current[id] ?? ''}
          disabled={disabled}
          onSave={(text) => {
            latest.current = { ...latest.current, [id]: text };
            onAnswer(number, part, { blanks: { ...latest.current } });
          }}
        />
      )}
    />
  );
}

function Leaf(
  props: { number: number; part: number; content: Content } & Omit<ItemProps, 'number' | 'score' | 'content'>,
) {
  const { t } = useTranslation();
  const { number, part, content: c, answers, onAnswer, disabled } = props;
  const value = answers.get(`${number}.${part}`);
  const save = (v: AnswerValue) => onAnswer(number, part, v);
  const options = (c.options as Option[] | undefined) ?? [];
  switch (c.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const multi = c.type === 'multiple_choice';
      const chosen = new Set(
        value && 'choice' in value ? [value.choice] : value && 'choices' in value ? value.choices : [],
      );
      return (
        <Flex vertical gap={8}>
          <RichText xhtml={c.stem} />
          {multi && <Tag style={{ alignSelf: 'flex-start' }}>{t('homework.multiple')}</Tag>}
          {options.map((o) => (
            <Button
              key={o.id}
              block
              size="large"
              disabled={disabled}
              type={chosen.has(o.id) ? 'primary' : 'default'}
              aria-pressed={chosen.has(o.id)}
              data-testid={`option-${number}-${part}-${o.id}`}
              className="hanlin-option"
              onClick={() => {
                if (!multi) return save({ choice: o.id });
                const next = new Set(chosen);
                if (next.has(o.id)) next.delete(o.id);
                else next.add(o.id);
                save({ choices: options.map((x) => x.id).filter((x) => next.has(x)) });
              }}
            >
              <strong style={{ marginRight: 8 }}>{o.id}</strong>
              <RichText xhtml={o.body} />
            </Button>
          ))}
        </Flex>
      );
    }
    case 'true_false': {
      const j = value && 'judgement' in value ? value.judgement : undefined;
      return (
        <Flex vertical gap={8}>
          <RichText xhtml={c.stem} />
          <Flex gap={8}>
            {[true, false].map((b) => (
              <Button
                key={String(b)}
                size="large"
                style={{ flex: 1 }}
                disabled={disabled}
                type={j === b ? 'primary' : 'default'}
                aria-pressed={j === b}
                data-testid={`judge-${number}-${part}-${b}`}
                onClick={() => save({ judgement: b })}
              >
                {b ? t('homework.true') : t('homework.false')}
              </Button>
            ))}
          </Flex>
        </Flex>
      );
    }
    case 'fill_in':
      return <FillIn {...props} />;
    default:
      return (
        <Flex vertical gap={8}>
          <RichText xhtml={c.stem} />
          <TextAnswer
            initial={value && 'text' in value ? value.text : ''}
            disabled={disabled}
            minLength={c.minLength as number | undefined}
            onSave={(text) => save({ text })}
          />
        </Flex>
      );
  }
}

export function AttemptItem(props: ItemProps) {
  const { t } = useTranslation();
  const c = props.content;
  const parts = c.type === 'composite' ? (c.parts as { score: number; content: Content }[]) : null;
  return (
    <section
      className="hanlin-item"
      data-testid={`item-${props.number}`}
      aria-label={t('homework.itemNo', { n: props.number })}
    >
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong>{t('homework.itemNo', { n: props.number })}</Typography.Text>
        <Typography.Text type="secondary">{t('homework.points', { n: props.score })}</Typography.Text>
      </Flex>
      {parts ? (
        <Flex vertical gap={16}>
          <RichText xhtml={c.stem} />
          {parts.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no ids; their order is the paper's
            <div key={i} className="hanlin-part">
              <Typography.Text type="secondary">
                {t('homework.partNo', { n: i + 1, score: p.score })}
              </Typography.Text>
              <Leaf {...props} part={i + 1} content={p.content} />
            </div>
          ))}
        </Flex>
      ) : (
        <Leaf {...props} part={0} content={c} />
      )}
    </section>
  );
}
