/**
 * The demo city's curriculum backbone is written in the module's bulk format: one textbook edition
 * per subject, grades 1–9, hand-written from the real textbooks' tables of contents.
 */
export type {
  BackboneData,
  KnowledgePointData,
  LessonData,
  UnitData,
  VolumeData,
} from '../../modules/curriculum/backbone.ts';
