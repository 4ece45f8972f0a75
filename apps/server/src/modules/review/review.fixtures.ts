import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { uploadFile } from '../../testing/multipart.ts';
import type { Client, TestApp } from '../../testing/test-app.ts';

/** Helpers of the review tests: a lesson package with its video, ready to submit. */

/** The bytes of a demo video, to upload as a new resource's main file. */
export async function demoVideo(t: TestApp, c: Client): Promise<Buffer> {
  const [f] = (
    await t.db.db.execute<{ resource: string; file: string }>(sql`
      select f.resource_id as resource, f.id as file from resource_file f join resource r on r.id = f.resource_id
       where r.status = 'published' and f.mime = 'video/mp4' limit 1`)
  ).rows;
  return (await c.get(`/api/resources/${f!.resource}/files/${f!.file}`)).rawPayload;
}

/** A teacher's draft lesson package (四年级数学) with `mp4` as its main file; its id. */
export async function lessonPackage(t: TestApp, teacher: Client, mp4: Buffer, title: string) {
  const [lesson] = (
    await t.db.db.execute<{
      id: string;
    }>(sql`select l.id from curriculum_node l join textbook_edition e on e.id = l.edition_id
      where l.kind = 'lesson' and e.subject_code = '14' and l.grade_code = '14' order by l.id limit 1`)
  ).rows;
  const res = await teacher.post('/api/resources', {
    kind: 'lesson_package',
    title,
    lessonId: lesson!.id,
    analysis: '重点：亿以内数的读法；难点：中间有零的数的读法。',
    exercises: '1. 读出下面各数：40080000',
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as string;
  expect(
    (await uploadFile(teacher, `/api/resources/${id}/files?role=main`, mp4, '课堂.mp4')).statusCode,
  ).toBe(200);
  return id;
}
