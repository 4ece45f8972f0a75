import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import { type DemoCity, idNumberOf, staffNo, studentNo } from './city.ts';
import type { TableSource } from './copy.ts';
import { AREA_CODES } from './geo.ts';
import { NS } from './ids.ts';
import {
  CARE_BOTH_AWAY,
  CARE_ONE_AWAY,
  CARE_ORPHAN,
  F_AGRICULTURAL,
  F_BOARDING,
  F_BORN_HERE,
  F_MIGRANT,
  F_TRANSFER,
} from './types.ts';

const cols = (list: string) => list.trim().split(/\s+/);

/**
 * student (学籍): national number G + ID number (encrypted, keyed-hashed), 学号, class placement and
 * the status fields; household and birth places encrypted.
 */
export const studentSource = (city: DemoCity, crypto: FieldCrypto): TableSource => ({
  table: 'student',
  columns: cols(`person_id national_no_enc national_no_hash student_no district_id school_id class_id path
    entry_year entry_mode study_mode household_type household_place_enc birthplace_enc migrant status`),
  *rows(w) {
    const st = city.students;
    for (let i = 0; i < st.count; i++) {
      const c = city.tree.classes[st.cls[i]!]!;
      const u = c.unit;
      const flags = st.flags[i]!;
      const district = c.school.district.spec.code;
      const home = AREA_CODES[city.families.origin[st.family[i]!]!]!;
      const nationalNo = `G${idNumberOf(st, i)}`;
      w.row(16);
      w.uuid(city.personKeys, 16 * i);
      w.bytea(crypto.encrypt(nationalNo));
      w.ascii(crypto.lookupHash(nationalNo));
      w.ascii(studentNo(city, i));
      w.uuid(u.districtKey!);
      w.uuid(u.schoolKey!);
      w.uuid(u.key);
      w.ltree(u.path);
      w.int4(c.grade.entryYear);
      w.ascii(flags & F_TRANSFER ? '09' : '01');
      w.ascii(flags & F_BOARDING ? '2' : '1');
      w.ascii(flags & F_AGRICULTURAL ? '1' : '2');
      w.bytea(crypto.encrypt(flags & F_MIGRANT ? home : district));
      w.bytea(crypto.encrypt(flags & F_BORN_HERE ? district : home));
      w.bool(flags & F_MIGRANT);
      w.ascii('enrolled');
      yield;
    }
  },
});

/** student_sensitive: health, disability, left-behind and orphan status as one encrypted JSON document. */
export const sensitiveSource = (city: DemoCity, crypto: FieldCrypto): TableSource => ({
  table: 'student_sensitive',
  columns: ['person_id', 'path', 'data_enc'],
  *rows(w) {
    const st = city.students;
    for (let i = 0; i < st.count; i++) {
      const care = city.families.care[st.family[i]!]!;
      const leftBehind = care === CARE_ONE_AWAY ? '1' : care === CARE_BOTH_AWAY ? '2' : '0';
      const data = JSON.stringify({
        health: String(st.health[i]),
        disability: String(st.disability[i]),
        leftBehind,
        orphan: care === CARE_ORPHAN,
      });
      w.row(3);
      w.uuid(city.personKeys, 16 * i);
      w.ltree(city.tree.classes[st.cls[i]!]!.unit.path);
      w.bytea(crypto.encrypt(data));
      yield;
    }
  },
});

/** teacher: employed by one school; subjects as ZXXKC codes, title as teacher_title code. */
export const teacherSource = (city: DemoCity): TableSource => ({
  table: 'teacher',
  columns: cols('person_id staff_no school_id district_id path subjects title status'),
  *rows(w) {
    const t = city.teachers;
    for (let i = 0; i < t.count; i++) {
      const s = city.tree.schools[t.school[i]!]!.unit;
      w.row(8);
      w.uuid(city.personKeys, 16 * (city.base.teachers + i));
      w.ascii(staffNo(city, i));
      w.uuid(s.key);
      w.uuid(s.districtKey!);
      w.ltree(s.path);
      w.textArray(t.subjects[i]!);
      if (t.title[i]) w.ascii(String(t.title[i]));
      else w.null();
      w.ascii('active');
      yield;
    }
  },
});

/** teaching_assignment of the current term, on administrative and teaching classes. */
export const assignmentSource = (city: DemoCity, termKey: Buffer): TableSource => ({
  table: 'teaching_assignment',
  columns: cols('id teacher_id class_id subject_code term_id path school_id district_id'),
  *rows(w) {
    const key = Buffer.allocUnsafe(16);
    for (const [n, a] of city.assignments.entries()) {
      const u = a.unit;
      city.ids.write(NS.assignment, n, key, 0);
      w.row(8);
      w.uuid(key);
      w.uuid(city.personKeys, 16 * (city.base.teachers + a.teacher));
      w.uuid(u.key);
      w.ascii(a.subject);
      w.uuid(termKey);
      w.ltree(u.path);
      w.uuid(u.schoolKey!);
      w.uuid(u.districtKey!);
      yield;
    }
  },
});

export const memberSource = (city: DemoCity): TableSource => ({
  table: 'teaching_class_member',
  columns: ['teaching_class_id', 'student_id', 'path'],
  *rows(w) {
    for (const school of city.tree.schools) {
      for (const tc of school.teachingClasses) {
        for (const i of tc.members) {
          w.row(3);
          w.uuid(tc.unit.key);
          w.uuid(city.personKeys, 16 * i);
          w.ltree(tc.unit.path);
          yield;
        }
      }
    }
  },
});

/** guardian: every registered guardian of every child; the first guardian of a family is primary. */
export const guardianSource = (city: DemoCity): TableSource => ({
  table: 'guardian',
  columns: cols('id parent_id student_id relation is_primary path'),
  *rows(w) {
    const f = city.families;
    const p = city.parents;
    const key = Buffer.allocUnsafe(16);
    let n = 0;
    for (let fam = 0; fam < f.count; fam++) {
      for (const child of [f.child1[fam]!, f.child2[fam]!]) {
        if (child < 0) continue;
        const path = city.tree.classes[city.students.cls[child]!]!.unit.path;
        for (const g of [f.g1[fam]!, f.g2[fam]!]) {
          if (g < 0) continue;
          city.ids.write(NS.guardian, n++, key, 0);
          w.row(6);
          w.uuid(key);
          w.uuid(city.personKeys, 16 * p.person[g]!);
          w.uuid(city.personKeys, 16 * child);
          w.ascii(String(p.relation[g]));
          w.bool(g === f.g1[fam]);
          w.ltree(path);
          yield;
        }
      }
    }
  },
});
