/**
 * The eatATA pilot study (R package eatATA, vignette "Typical Use of eatATA: a Pilot Study
 * Example") as an `AtaSpec`, with the same constraints the vignette builds: 14 booklets, every item
 * in exactly one; per booklet the item format categories between the floor and the ceiling of their
 * pool share (autoItemValuesMinMaxConstraint on factors), short-answer sub-items and each difficulty
 * dummy within ±1 of their pool mean per booklet (rounded to 2 decimals, lower end clipped at 0);
 * the exclusion pairs; minimise the largest deviation of booklet time from 10 minutes.
 */
import ExcelJS from 'exceljs';
import type { AtaConstraint, AtaSpec } from '../../packages/analytics/src/assembly/index.ts';
import { referenceFile } from './reference.ts';

export interface PilotItem {
  id: string;
  exclusions: string[];
  time: number;
  mc: number;
  cmc: number;
  shortAnswer: number;
  open: number;
  diff: number[];
}

export async function readPilotItems(): Promise<PilotItem[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(referenceFile('assembly', 'eatata-pilot-items.xlsx'));
  const ws = wb.worksheets[0]!;
  const head = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const at = (name: string) => {
    const k = head.indexOf(name);
    if (k < 0) throw new Error(`eatata-pilot-items.xlsx: no column ${name}`);
    return k;
  };
  const items: PilotItem[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const v = row.values as unknown[];
    const n = (name: string) => Number(v[at(name)] ?? 0);
    items.push({
      id: String(v[at('item')]),
      exclusions: String(v[at('exclusions')] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && s !== 'null'),
      time: n('time'),
      mc: n('MC'),
      cmc: n('CMC'),
      shortAnswer: n('short_answer'),
      open: n('open'),
      diff: [1, 2, 3, 4, 5].map((d) => n(`diff_${d}`)),
    });
  });
  return items;
}

const FORMS = 14;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** eatATA's autoItemValuesMinMaxConstraint for a factor: each level within [floor, ceil] of its share. */
function factorRanges(group: string, levels: string[]): AtaConstraint[] {
  const byLevel = new Map<string, number[]>();
  for (const [i, l] of levels.entries()) byLevel.set(l, [...(byLevel.get(l) ?? []), i]);
  return [...byLevel.entries()].map(([level, items]) => ({
    group: `${group}=${level}`,
    items,
    values: 1,
    min: Math.floor(items.length / FORMS),
    max: Math.ceil(items.length / FORMS),
  }));
}

/** … and for a numeric column with allowedDeviation = 1. */
function numericRange(group: string, values: number[]): AtaConstraint {
  const mean = values.reduce((s, v) => s + v, 0) / FORMS;
  const items = values.flatMap((v, i) => (v !== 0 ? [i] : []));
  return {
    group,
    items,
    values: items.map((i) => values[i]!),
    min: Math.max(0, round2(mean - 1)),
    max: round2(mean + 1),
  };
}

export function pilotSpec(items: PilotItem[]): AtaSpec {
  const index = new Map(items.map((it, i) => [it.id, i]));
  const pairs: number[] = [];
  const seen = new Set<string>();
  for (const [a, it] of items.entries()) {
    for (const other of it.exclusions) {
      const b = index.get(other);
      if (b === undefined) throw new Error(`exclusion names an unknown item ${other}`);
      const key = a < b ? `${a}:${b}` : `${b}:${a}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push(a, b);
    }
  }
  return {
    itemCount: items.length,
    formCount: FORMS,
    usage: { min: 1, max: 1, group: 'every item exactly once' },
    constraints: [
      ...factorRanges(
        'format',
        items.map((it) => (it.mc > 0 ? 'MC' : it.open > 0 ? 'open' : '_none_')),
      ),
      ...factorRanges(
        'CMC',
        items.map((it) => (it.cmc > 0 ? 'yes' : 'no')),
      ),
      numericRange(
        'short_answer',
        items.map((it) => it.shortAnswer),
      ),
      ...[0, 1, 2, 3, 4].map((d) =>
        numericRange(
          `diff_${d + 1}`,
          items.map((it) => it.diff[d]!),
        ),
      ),
    ],
    enemies: [{ group: 'exclusions', pairs }],
    objective: { kind: 'minimax', values: items.map((it) => it.time), target: 10 },
  };
}
