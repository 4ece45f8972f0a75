import { describe, expect, it } from 'vitest';
import { findCycle } from '../../modules/curriculum/graph.ts';
import { BACKBONES } from './index.ts';
import type { BackboneData } from './types.ts';

const GRADES = ['11', '12', '13', '14', '15', '16', '21', '22', '23'];

const cycle = (b: BackboneData) => findCycle(new Map(b.knowledgePoints.map((k) => [k.key, k.prereqs])));

describe.each(BACKBONES.map((b) => [b.subjectCode, b] as const))(
  'demo backbone of subject %s',
  (_code, b) => {
    it('covers grades 1–9, both terms, with units and lessons', () => {
      for (const g of GRADES) {
        for (const term of [1, 2] as const) {
          const v = b.volumes.find((x) => x.grade === g && x.term === term);
          expect(v, `${g}/${term}`).toBeDefined();
          expect(v!.units.length, `${g}/${term}`).toBeGreaterThanOrEqual(3);
          for (const u of v!.units) {
            expect(u.title.trim(), `${g}/${term}`).not.toBe('');
            expect(u.lessons.length, `${g}/${term} ${u.title}`).toBeGreaterThanOrEqual(1);
          }
        }
      }
      expect(b.volumes).toHaveLength(GRADES.length * 2);
    });

    it('has a knowledge graph of well over a hundred points with unique keys and existing prerequisites', () => {
      expect(b.knowledgePoints.length).toBeGreaterThanOrEqual(120);
      const keys = new Set(b.knowledgePoints.map((k) => k.key));
      expect(keys.size).toBe(b.knowledgePoints.length);
      for (const k of b.knowledgePoints) {
        expect(GRADES, k.key).toContain(k.grade);
        expect(k.strand.trim(), k.key).not.toBe('');
        for (const p of k.prereqs) expect(keys.has(p), `${k.key} needs ${p}`).toBe(true);
        expect(k.prereqs, k.key).not.toContain(k.key);
      }
      const withPrereqs = b.knowledgePoints.filter((k) => k.prereqs.length > 0).length;
      expect(withPrereqs / b.knowledgePoints.length).toBeGreaterThan(0.5);
    });

    it('has no cycle in its prerequisites', () => {
      expect(cycle(b)).toBeNull();
    });

    it('links every lesson to known points, and uses every point somewhere', () => {
      const keys = new Set(b.knowledgePoints.map((k) => k.key));
      const used = new Set<string>();
      for (const v of b.volumes)
        for (const u of v.units)
          for (const l of u.lessons) {
            expect(l.kps.length, `${v.grade}/${v.term} ${l.title}`).toBeGreaterThanOrEqual(1);
            for (const k of l.kps) {
              expect(keys.has(k), `${l.title} → ${k}`).toBe(true);
              used.add(k);
            }
          }
      expect([...keys].filter((k) => !used.has(k))).toEqual([]);
    });

    it('never asks for a prerequisite taught in a later grade', () => {
      const grade = new Map(b.knowledgePoints.map((k) => [k.key, k.grade]));
      for (const k of b.knowledgePoints)
        for (const p of k.prereqs) expect(grade.get(p)! <= k.grade, `${k.key} ← ${p}`).toBe(true);
    });
  },
);
