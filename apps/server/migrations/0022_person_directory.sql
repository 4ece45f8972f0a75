-- Names are the one piece of personal data shown beyond a person's scope: under the resources and
-- posts people write, and for reviewers and studio members; with them whether the person is a
-- learner or staff, which decides how the name is shown (「X同学」 to other learners). The view runs
-- with its owner's rights, so row-level security on person (forced) guards every other column and
-- every other use of the table. The owner must bypass RLS (superuser in the embedded cluster,
-- BYPASSRLS on an external one: README "External PostgreSQL").
CREATE VIEW "person_directory" WITH (security_barrier) AS
SELECT p."id", p."name",
       EXISTS (SELECT 1 FROM "student" s WHERE s."person_id" = p."id") AS "learner",
       EXISTS (SELECT 1 FROM "role_assignment" ra WHERE ra."person_id" = p."id" AND ra."active"
                 AND ra."role" IN ('teacher', 'head_teacher', 'researcher', 'expert', 'school_admin',
                                   'district_admin', 'city_admin')) AS "staff"
  FROM "person" p;
