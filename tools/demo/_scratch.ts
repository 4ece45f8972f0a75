import { buildDemoCity } from '../../apps/server/src/demo/city.ts';
const n = Number(process.argv[2] ?? 25000);
const t0 = performance.now();
const c = buildDemoCity({ students: n });
const ms = performance.now() - t0;
const twoKids = Array.from(c.families.child2.subarray(0, c.families.count)).filter((x) => x >= 0).length;
const sizes = c.tree.classes.map((k) => k.size);
const byKind = new Map<string, number>();
for (const s of c.tree.schools) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
let male = 0; for (let i = 0; i < c.students.count; i++) if (c.students.gender[i] === 1) male++;
console.log({ n, ms: Math.round(ms), schools: c.tree.schools.length, classes: c.tree.classes.length,
  tcs: c.tree.schools.reduce((a, s) => a + s.teachingClasses.length, 0), teachers: c.teachers.count,
  families: c.families.count, twoKidShare: twoKids / c.families.count, parents: c.parents.count,
  ownParents: c.base.staff - c.base.parents, staff: c.staff.cols.count, assignments: c.assignments.length,
  minSize: Math.min(...sizes), maxSize: Math.max(...sizes), male: male / n, second: [...c.teachers.second].filter((x) => x >= 0).length,
  byKind: Object.fromEntries(byKind), mem: Math.round(process.memoryUsage().rss / 1e6) });
console.log(c.tree.schools.slice(0, 12).map((s) => `${s.unit.schoolCode} ${s.unit.name} ${s.unit.address} ${s.studentEnd - s.studentStart}`).join('\n'));
console.log(c.tree.districts[1]!.schools.slice(0, 8).map((s) => `${s.unit.schoolCode} ${s.unit.name} ${s.classes.length}`).join('\n'));
console.log(c.demo, c.tree.classes[c.demo.classIdx]!.unit.name, c.tree.classes[c.demo.classIdx]!.unit.path);
