CREATE TABLE "headcount" (
	"path" "ltree" PRIMARY KEY NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	"teachers" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "headcount_path_gist" ON "headcount" USING gist ("path");--> statement-breakpoint
-- Kept by statement triggers with transition tables: one upsert per statement (COPY included),
-- the changed paths in path order (concurrent writers take the rows' locks in one order). With the
-- rights of whoever changed the people, who may write the counts as any table.
CREATE OR REPLACE FUNCTION hanlin_headcount() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
  src text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE format('UPDATE public.headcount SET %1$I = 0 WHERE %1$I <> 0', col);
    RETURN NULL;
  END IF;
  src := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT path, 1 AS n FROM new_rows WHERE status = $1'
    WHEN 'DELETE' THEN 'SELECT path, -1 AS n FROM old_rows WHERE status = $1'
    ELSE 'SELECT path, 1 AS n FROM new_rows WHERE status = $1 UNION ALL SELECT path, -1 FROM old_rows WHERE status = $1'
  END;
  EXECUTE format('INSERT INTO public.headcount AS h (path, %1$I)
                  SELECT d.path, sum(d.n)::int FROM (%2$s) d GROUP BY d.path HAVING sum(d.n) <> 0 ORDER BY d.path
                  ON CONFLICT (path) DO UPDATE SET %1$I = h.%1$I + excluded.%1$I', col, src)
    USING TG_ARGV[1];
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER student_headcount_insert AFTER INSERT ON student REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_headcount('students', 'enrolled');
--> statement-breakpoint
CREATE TRIGGER student_headcount_update AFTER UPDATE ON student REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_headcount('students', 'enrolled');
--> statement-breakpoint
CREATE TRIGGER student_headcount_delete AFTER DELETE ON student REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_headcount('students', 'enrolled');
--> statement-breakpoint
CREATE TRIGGER student_headcount_truncate AFTER TRUNCATE ON student
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_headcount('students', 'enrolled');
--> statement-breakpoint
CREATE TRIGGER teacher_headcount_insert AFTER INSERT ON teacher REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_headcount('teachers', 'active');
--> statement-breakpoint
CREATE TRIGGER teacher_headcount_update AFTER UPDATE ON teacher REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_headcount('teachers', 'active');
--> statement-breakpoint
CREATE TRIGGER teacher_headcount_delete AFTER DELETE ON teacher REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_headcount('teachers', 'active');
--> statement-breakpoint
CREATE TRIGGER teacher_headcount_truncate AFTER TRUNCATE ON teacher
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_headcount('teachers', 'active');
--> statement-breakpoint
-- The counts of a database that already has people.
INSERT INTO headcount (path, students)
  SELECT path, count(*)::int FROM student WHERE status = 'enrolled' GROUP BY path;
--> statement-breakpoint
INSERT INTO headcount AS h (path, teachers)
  SELECT path, count(*)::int FROM teacher WHERE status = 'active' GROUP BY path
  ON CONFLICT (path) DO UPDATE SET teachers = excluded.teachers;
