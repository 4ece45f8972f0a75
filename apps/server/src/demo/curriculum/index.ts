import { CHINESE } from './chinese.data.ts';
import { ENGLISH } from './english.data.ts';
import { MATH } from './math.data.ts';
import type { BackboneData } from './types.ts';

export const BACKBONES: BackboneData[] = [CHINESE, MATH, ENGLISH];
