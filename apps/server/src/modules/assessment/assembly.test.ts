import {
  COGNITIVE_LEVELS as ASSEMBLY_LEVELS,
  ITEM_TYPES as ASSEMBLY_TYPES,
} from '@hanlin/analytics/assembly';
import { describe, expect, it } from 'vitest';
import { COGNITIVE_LEVELS, ITEM_TYPES } from './item-model.ts';

// packages/analytics may not import from the apps, so test assembly repeats the bank's lists.
describe('test assembly speaks the item bank’s vocabulary', () => {
  it('has the same item types and cognitive levels as the item model', () => {
    expect([...ASSEMBLY_TYPES]).toEqual([...ITEM_TYPES]);
    expect([...ASSEMBLY_LEVELS]).toEqual([...COGNITIVE_LEVELS]);
  });
});
