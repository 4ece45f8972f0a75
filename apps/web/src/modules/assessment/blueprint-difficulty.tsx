import { Flex, InputNumber, Segmented, Slider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BlueprintSpec } from './bank-api';

export type DifficultyTarget =
  | { mode: 'mean'; mean: number; tolerance: number }
  | { mode: 'distribution'; easy: number; medium: number; hard: number };

/** The form's state from a template's difficulty (shares kept as whole percentages). */
export function targetOf(d: BlueprintSpec['difficulty'] | undefined): DifficultyTarget {
  if (d?.distribution)
    return {
      mode: 'distribution',
      easy: Math.round(d.distribution.easy * 100),
      medium: Math.round(d.distribution.medium * 100),
      hard: Math.round(d.distribution.hard * 100),
    };
  return { mode: 'mean', mean: d?.mean ?? 0.7, tolerance: d?.tolerance ?? 0.05 };
}

export function difficultyOf(x: DifficultyTarget): BlueprintSpec['difficulty'] {
  if (x.mode === 'mean') return { mean: x.mean, tolerance: x.tolerance };
  return {
    tolerance: 0.05,
    distribution: { easy: x.easy / 100, medium: x.medium / 100, hard: x.hard / 100 },
  };
}

/** 难度: a target mean P with its tolerance, or the shares of 易 / 中 / 难 items (e.g. 7 : 2 : 1). */
export function DifficultyField({
  value,
  onChange,
}: {
  value: DifficultyTarget;
  onChange: (v: DifficultyTarget) => void;
}) {
  const { t } = useTranslation();
  const shares = value.mode === 'distribution' ? value.easy + value.medium + value.hard : 100;
  return (
    <div>
      <Segmented
        size="small"
        value={value.mode}
        onChange={(m) =>
          onChange(
            targetOf(
              m === 'mean'
                ? undefined
                : { tolerance: 0.05, distribution: { easy: 0.7, medium: 0.2, hard: 0.1 } },
            ),
          )
        }
        options={[
          { value: 'mean', label: t('assembly.difficultyMean') },
          { value: 'distribution', label: t('assembly.difficultyShares') },
        ]}
      />
      {value.mode === 'mean' ? (
        <>
          <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
            <Typography.Text>{t('papers.blueprint.mean', { p: value.mean.toFixed(2) })}</Typography.Text>
            <InputNumber
              size="small"
              min={0}
              max={0.5}
              step={0.01}
              value={value.tolerance}
              addonBefore="±"
              style={{ width: 110 }}
              aria-label={t('assembly.tolerance')}
              onChange={(v) => onChange({ ...value, tolerance: v ?? 0.05 })}
            />
          </Flex>
          <Slider
            min={0.3}
            max={0.9}
            step={0.05}
            value={value.mean}
            onChange={(mean) => onChange({ ...value, mean })}
          />
        </>
      ) : (
        <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
          {(['easy', 'medium', 'hard'] as const).map((k) => (
            <InputNumber
              key={k}
              size="small"
              min={0}
              max={100}
              value={value[k]}
              addonBefore={t(`bank.band.${k}`)}
              addonAfter="%"
              style={{ width: 130 }}
              onChange={(v) => onChange({ ...value, [k]: v ?? 0 })}
            />
          ))}
          {shares !== 100 && (
            <Typography.Text type="danger">{t('assembly.sharesSum', { n: shares })}</Typography.Text>
          )}
        </Flex>
      )}
    </div>
  );
}
