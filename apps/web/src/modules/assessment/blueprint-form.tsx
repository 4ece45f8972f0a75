import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { usePoints } from '../curriculum/curriculum-api';
import { AssemblyActions } from './assembly-actions';
import { type BlueprintSpec, ITEM_TYPES, type ItemType, LEVELS } from './bank-api';
import { DifficultyField, difficultyOf, targetOf } from './blueprint-difficulty';

type Level = (typeof LEVELS)[number];

/**
 * The 双向细目表 as a table: a row per knowledge point, a column per cognitive level, counts in the
 * cells; item types with counts and scores, the difficulty target and exposure limit below; saved as
 * a template, or assembled into a draft paper (or A/B 卷) at once.
 */
export function BlueprintForm({
  subjectCode,
  gradeCode,
  title,
  minutes,
  initial,
  templateId,
}: {
  subjectCode: string;
  gradeCode: string;
  title: string;
  minutes: number;
  initial?: BlueprintSpec;
  /** The template `initial` comes from: assembling it unchanged links the drafts to it. */
  templateId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const points = usePoints(subjectCode);
  const [rows, setRows] = useState<string[]>(() => [
    ...new Set((initial?.cells ?? []).map((c) => c.knowledgePointId)),
  ]);
  const [cells, setCells] = useState<Record<string, number>>(() =>
    Object.fromEntries(
      (initial?.cells ?? []).map((c) => [`${c.knowledgePointId}/${c.cognitiveLevel}`, c.count ?? 0]),
    ),
  );
  const [types, setTypes] = useState<{ type: ItemType; count: number; score: number }[]>(
    () => initial?.types ?? [{ type: 'single_choice', count: 5, score: 3 }],
  );
  const [difficulty, setDifficulty] = useState(() => targetOf(initial?.difficulty));
  const [maxExposure, setMaxExposure] = useState<number | null>(initial?.maxExposure ?? null);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const names = new Map((points.data ?? []).map((p) => [p.id, p.name]));
  const cellTotal = Object.values(cells).reduce((a, b) => a + b, 0);
  const typeTotal = types.reduce((a, r) => a + r.count, 0);
  const totalScore = types.reduce((a, r) => a + r.count * r.score, 0);

  const spec = (): BlueprintSpec => ({
    title,
    cells: rows.flatMap((kp) =>
      LEVELS.filter((l) => (cells[`${kp}/${l}`] ?? 0) > 0).map((l) => ({
        knowledgePointId: kp,
        cognitiveLevel: l,
        count: cells[`${kp}/${l}`]!,
      })),
    ),
    types,
    totalScore,
    difficulty: difficultyOf(difficulty),
    minutes,
    include: initial?.include ?? [],
    exclude: initial?.exclude ?? [],
    enemies: initial?.enemies ?? [],
    ...(maxExposure !== null ? { maxExposure } : {}),
  });

  const save = async () => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/assessment/blueprints', {
          body: { name: name.trim() || title, subjectCode, gradeCode, spec: spec(), shared },
        }),
      );
      message.success(t('papers.blueprint.saved'));
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={12}>
      <Typography.Text type="secondary">{t('papers.blueprint.help')}</Typography.Text>
      <Table
        size="small"
        rowKey={(kp) => kp}
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={rows}
        locale={{ emptyText: t('papers.blueprint.noRows') }}
        columns={[
          { title: t('bank.points_'), render: (_, kp) => names.get(kp) ?? kp, width: 200, fixed: 'left' },
          ...LEVELS.map((l: Level) => ({
            title: t(`bank.level.${l}`),
            width: 90,
            render: (_: unknown, kp: string) => (
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={cells[`${kp}/${l}`] ?? 0}
                onChange={(v) => setCells((c) => ({ ...c, [`${kp}/${l}`]: v ?? 0 }))}
                style={{ width: 64 }}
                aria-label={`${names.get(kp) ?? kp} ${t(`bank.level.${l}`)}`}
              />
            ),
          })),
          {
            title: '',
            width: 48,
            render: (_: unknown, kp: string) => (
              <Button
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => setRows((r) => r.filter((x) => x !== kp))}
              />
            ),
          },
        ]}
      />
      <Select
        showSearch
        optionFilterProp="label"
        placeholder={t('papers.blueprint.addPoint')}
        value={null}
        onChange={(kp: string) => setRows((r) => (r.includes(kp) ? r : [...r, kp]))}
        options={(points.data ?? [])
          .filter((p) => p.gradeCode === gradeCode && !rows.includes(p.id))
          .map((p) => ({ value: p.id, label: p.name }))}
        data-testid="blueprint-add-point"
      />
      <Typography.Text strong>{t('papers.blueprint.types')}</Typography.Text>
      {types.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows without ids; every field is controlled by the row's value
        <Flex key={`${r.type}-${i}`} gap={6} wrap align="center">
          <Select
            value={r.type}
            style={{ minWidth: 120 }}
            onChange={(type) => setTypes((x) => x.map((y, j) => (j === i ? { ...y, type } : y)))}
            options={ITEM_TYPES.map((ty) => ({ value: ty, label: t(`bank.type.${ty}`) }))}
          />
          <InputNumber
            min={0}
            max={200}
            value={r.count}
            addonAfter={t('papers.blueprint.itemsUnit')}
            style={{ width: 110 }}
            aria-label={`${t(`bank.type.${r.type}`)} ${t('papers.blueprint.itemsUnit')}`}
            data-testid={`type-count-${i}`}
            onChange={(count) =>
              setTypes((x) => x.map((y, j) => (j === i ? { ...y, count: count ?? 0 } : y)))
            }
          />
          <InputNumber
            min={0.5}
            max={200}
            value={r.score}
            addonAfter={t('papers.blueprint.eachUnit')}
            style={{ width: 120 }}
            aria-label={`${t(`bank.type.${r.type}`)} ${t('papers.blueprint.eachUnit')}`}
            data-testid={`type-score-${i}`}
            onChange={(score) =>
              setTypes((x) => x.map((y, j) => (j === i ? { ...y, score: score ?? 1 } : y)))
            }
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            disabled={types.length <= 1}
            onClick={() => setTypes((x) => x.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ justifySelf: 'start' }}
        onClick={() => setTypes((x) => [...x, { type: 'fill_in', count: 2, score: 4 }])}
      >
        {t('papers.blueprint.addType')}
      </Button>
      <DifficultyField value={difficulty} onChange={setDifficulty} />
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('assembly.maxExposure')}</Typography.Text>
        <InputNumber
          size="small"
          min={0}
          max={10000}
          value={maxExposure}
          placeholder={t('assembly.noLimit')}
          addonAfter={t('assembly.timesUnit')}
          style={{ width: 130 }}
          onChange={(v) => setMaxExposure(v ?? null)}
          aria-label={t('assembly.maxExposure')}
        />
      </Flex>
      <Alert
        type={cellTotal === typeTotal ? 'info' : 'warning'}
        showIcon
        title={t('papers.blueprint.summary', {
          cells: cellTotal,
          items: typeTotal,
          score: totalScore,
          minutes,
        })}
      />
      <Flex gap={8} wrap align="center">
        <Input
          style={{ maxWidth: 260 }}
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('papers.blueprint.name')}
        />
        <Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)}>
          {t('papers.blueprint.shareSchool')}
        </Checkbox>
        <Button onClick={save} loading={busy} disabled={typeTotal === 0} data-testid="blueprint-save">
          {t('papers.blueprint.save')}
        </Button>
      </Flex>
      <AssemblyActions
        subjectCode={subjectCode}
        gradeCode={gradeCode}
        spec={spec}
        template={templateId && initial ? { id: templateId, spec: initial } : undefined}
        disabled={typeTotal === 0}
      />
    </Stack>
  );
}
