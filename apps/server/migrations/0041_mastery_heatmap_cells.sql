ALTER TABLE "mastery_state" ADD COLUMN "cells" text;--> statement-breakpoint
-- Existing estimates packed as heatmap-cells.ts packs them (the next update or the nightly recompute rewrites them anyway).
UPDATE "mastery_state" ms SET "cells" = (
  SELECT string_agg(km.knowledge_point_id::text || ':' || (least(1000, greatest(0, round(km.p * 1000)))::int8
           + 1001 * (least(km.correct, 9999) + 10000::int8 * least(km.wrong, 9999)))::text, ',')
    FROM "knowledge_mastery" km WHERE km.student_id = ms.student_id);
