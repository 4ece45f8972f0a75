import { randomInt } from 'node:crypto';
import { newId } from '../../platform/db/types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import {
  defined,
  emptySummary,
  type Importer,
  type ImportRun,
  tick,
  type Validation,
  within,
} from './import-context.ts';
import * as lookup from './lookup.repository.ts';
import { applyParents } from './parents.apply.ts';
import { FOREIGN_CONFLICT, PersonGuard } from './person-guard.ts';
import type { TRowError } from './roster-import.schema.ts';
import { type IdValue, RowCheck, SeenKeys } from './row-check.ts';
import { openPerson, type PersonRow } from './sealed-fields.ts';
import type { RawRow } from './sheet-io.ts';

/**
 * The username of a parent's new account: p + 10 random digits. Parents sign in with their mobile
 * number (matched by keyed hash), so the username need not, and must not, carry it.
 */
const parentUsername = () => `p${randomInt(1_000_000_000, 10_000_000_000)}`;

/** Draws again for the (rare) new usernames an existing account or another row already holds. */
async function drawFreeUsernames(db: Ctx['db'], people: ParentPerson[]): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const wanted = people.filter((p) => p.username !== null);
    const taken = await lookup.findTakenUsernames(
      db,
      wanted.map((p) => p.username!),
    );
    const seen = new Set<string>();
    let clashes = 0;
    for (const p of wanted) {
      if (taken.has(p.username!) || seen.has(p.username!)) {
        p.username = parentUsername();
        clashes++;
      }
      seen.add(p.username!);
    }
    if (clashes === 0) return;
  }
  throw new Error('could not draw free parent usernames');
}

/** A row whose parent is known well enough to find or create the person: name, phone, ID as given. */
interface Parsed {
  c: RowCheck;
  name: string;
  phone: string;
  id?: IdValue;
  idHash?: string;
}

/** A row as far as its cells could be read (see `StudentDraft`); `person` when its parent cells are valid. */
interface Draft {
  c: RowCheck;
  relation?: string;
  /** Keyed hash of the student's 全国学籍号. */
  nationalNoHash?: string;
  person?: Parsed;
}

export interface ParentPerson {
  personId: string;
  name: string;
  phone: string;
  id?: IdValue;
  idHash?: string;
  /** Account to create, when the person has none: a handle, never the phone number (they sign in with it). */
  username: string | null;
  isNew: boolean;
  /** Existing person whose missing phone or ID number this import fills in. */
  patch: boolean;
  row: number;
}

export interface GuardianLink {
  parentId: string;
  student: lookup.StudentRow;
  relation: string;
  primary: boolean;
  row: number;
}

export interface ParentPlan {
  people: ParentPerson[];
  newLinks: GuardianLink[];
  changedLinks: GuardianLink[];
}

async function parseRows(ctx: Ctx, run: ImportRun, rows: RawRow[], errors: TRowError[]): Promise<Draft[]> {
  const out: Draft[] = [];
  const pairs = new SeenKeys();
  const hash = (v: string | undefined) => (v === undefined ? undefined : ctx.deps.crypto.lookupHash(v));
  for (const [i, raw] of rows.entries()) {
    const c = new RowCheck('parents', raw, errors, run.book);
    const name = c.name('name');
    const phone = c.phone('phone');
    const relation = c.code('relation');
    const nationalNo = c.text('studentNationalNo', {
      upper: true,
      pattern: /^[A-Z0-9]{10,20}$/,
      message: '全国学籍号应为 10–20 位字母或数字',
    });
    const id = c.idNumber('idType', 'idNumber');
    await tick(run, i + 1);
    const pair = phone !== undefined && nationalNo !== undefined ? `${phone}/${nationalNo}` : undefined;
    pairs.check(c, 'studentNationalNo', pair, '同一家长与同一学生的关系');
    // A wrong ID cell leaves the person undecidable: matching without it could pick someone else.
    const personOk =
      name !== undefined && phone !== undefined && !c.failed('idType') && !c.failed('idNumber');
    out.push({
      c,
      relation,
      nationalNoHash: hash(nationalNo),
      person: personOk ? { c, name, phone, id, idHash: hash(id?.idNumber) } : undefined,
    });
  }
  return out;
}

/** Rows naming the same phone must name the same person; one ID number must not carry two phones. */
function checkConsistency(parsed: Parsed[]): Map<string, Parsed> {
  const byPhone = new Map<string, Parsed>();
  const phoneOfId = new Map<string, Parsed>();
  for (const p of parsed) {
    const first = byPhone.get(p.phone);
    if (!first) byPhone.set(p.phone, p);
    else if (first.name !== p.name) p.c.fail('name', `同一手机号在第 ${first.c.row} 行登记为其他姓名`);
    else if (p.idHash && first.idHash && p.idHash !== first.idHash)
      p.c.fail('idNumber', `同一手机号在第 ${first.c.row} 行填写了不同的证件号码`);
    else if (p.idHash && !first.idHash) byPhone.set(p.phone, { ...first, id: p.id, idHash: p.idHash });
    if (p.idHash) {
      const other = phoneOfId.get(p.idHash);
      if (other && other.phone !== p.phone)
        p.c.fail('phone', `同一证件号码在第 ${other.c.row} 行填写了不同的手机号`);
      else phoneOfId.set(p.idHash, p);
    }
  }
  return byPhone;
}

async function validate(ctx: Ctx, run: ImportRun, rows: RawRow[]): Promise<Validation<ParentPlan>> {
  const errors: TRowError[] = [];
  const drafts = await parseRows(ctx, run, rows, errors);
  const groups = checkConsistency(drafts.flatMap((d) => (d.person ? [d.person] : [])));
  const db = ctx.db;
  const { crypto } = ctx.deps;
  const students = new Map(
    (await lookup.findStudentsByNationalNoHash(db, defined(drafts.map((d) => d.nationalNoHash)))).map((s) => [
      s.nationalNoHash,
      s,
    ]),
  );
  const byId = new Map(
    (await lookup.findPersonsByIdHash(db, defined(drafts.map((d) => d.person?.idHash)))).map((p) => [
      p.idHash!,
      openPerson(crypto, p),
    ]),
  );
  // A phone is found by its keyed hash, or as the username of an older account.
  const phoneOfKey = new Map<string, string>();
  for (const phone of groups.keys()) {
    phoneOfKey.set(phone, phone);
    phoneOfKey.set(crypto.lookupHash(phone), phone);
  }
  const byPhone = new Map<string, PersonRow[]>();
  for (const r of await lookup.findParentsByPhone(db, phoneOfKey.keys())) {
    const phone = phoneOfKey.get(r.matchedKey);
    if (phone === undefined) continue;
    const list = byPhone.get(phone) ?? [];
    if (!list.some((x) => x.id === r.id)) list.push(openPerson(crypto, r));
    byPhone.set(phone, list);
  }
  const links = new Map<string, lookup.GuardianRow>();
  const hasGuardian = new Set<string>();
  for (const g of await lookup.findGuardiansOf(
    db,
    [...students.values()].map((s) => s.personId),
  )) {
    links.set(`${g.parentId}/${g.studentId}`, g);
    hasGuardian.add(g.studentId);
  }

  const guard = await PersonGuard.load(db, ctx.scope, [
    ...[...byId.values()].map((p) => p.id),
    ...[...byPhone.values()].flat().map((p) => p.id),
  ]);

  // Resolve each phone group to one person (existing or new), once.
  const people = new Map<string, ParentPerson | string>();
  const resolve = (g: Parsed): ParentPerson | string => {
    const known = g.idHash ? byId.get(g.idHash) : undefined;
    const phoneMatches = byPhone.get(g.phone) ?? [];
    // Persons outside the actor's scope get one generic message, so rows cannot probe who is who.
    const refuse = (ids: string[], key: string, message: string) =>
      guard.conflict(ids, key, message, 'phone').join(':');
    const involved = [...(known ? [known.id] : []), ...phoneMatches.map((m) => m.id)];
    if (known && phoneMatches.length > 0 && !phoneMatches.some((m) => m.id === known.id))
      return refuse(involved, 'phone', '该手机号已被其他人员使用');
    if (!known && phoneMatches.length > 1)
      return refuse(involved, 'phone', '该手机号对应多位已登记人员，请填写证件号码以区分');
    const found = known ?? phoneMatches[0];
    if (!found)
      return {
        personId: newId(),
        name: g.name,
        phone: g.phone,
        id: g.id,
        idHash: g.idHash,
        username: parentUsername(),
        isNew: true,
        patch: false,
        row: g.c.row,
      };
    if (!guard.mayLink(found.id)) return `phone:${FOREIGN_CONFLICT}`;
    if (found.name !== g.name) return refuse([found.id], 'name', '该家长已登记的姓名与本行不一致');
    if (g.idHash && found.idHash && found.idHash !== g.idHash)
      return refuse([found.id], 'idNumber', '证件号码与该手机号已登记的家长不一致');
    if (found.phone && found.phone !== g.phone)
      return refuse([found.id], 'phone', '该证件号码已登记的手机号与本行不一致');
    const fillId = !!g.idHash && !found.idHash;
    const patch = fillId || !found.phone;
    // A person with roles outside the actor's scope is linked as stored, never changed.
    if ((patch || !found.username) && !guard.inside(found.id)) return `phone:${FOREIGN_CONFLICT}`;
    return {
      personId: found.id,
      name: g.name,
      phone: g.phone,
      id: fillId ? g.id : undefined,
      idHash: fillId ? g.idHash : undefined,
      username: found.username ? null : parentUsername(),
      isNew: false,
      patch,
      row: g.c.row,
    };
  };

  const plan: ParentPlan = { people: [], newLinks: [], changedLinks: [] };
  const summary = emptySummary();
  const linkedInPlan = new Set<string>();
  for (const d of drafts) {
    const c = d.c;
    const student = d.nationalNoHash === undefined ? undefined : students.get(d.nationalNoHash);
    if (d.nationalNoHash !== undefined && (!student || !within(ctx.scope, student.path)))
      c.fail('studentNationalNo', '学生全国学籍号不存在或不在您的管理范围内');
    else if (student && student.status !== 'enrolled') c.fail('studentNationalNo', '该学生不是在读状态');
    let person: ParentPerson | string | undefined;
    if (d.person) {
      person = people.get(d.person.phone);
      if (person === undefined) {
        person = resolve(groups.get(d.person.phone)!);
        people.set(d.person.phone, person);
        if (typeof person !== 'string') plan.people.push(person);
      }
      if (typeof person === 'string') {
        const [column, message] = person.split(/:(.*)/s) as [string, string];
        c.fail(column, message);
      }
    }
    if (!c.ok || !person || typeof person === 'string' || !student || d.relation === undefined) continue;
    const existing = links.get(`${person.personId}/${student.personId}`);
    const link: GuardianLink = {
      parentId: person.personId,
      student,
      relation: d.relation,
      primary: false,
      row: c.row,
    };
    if (!existing) {
      link.primary = !hasGuardian.has(student.personId) && !linkedInPlan.has(student.personId);
      linkedInPlan.add(student.personId);
      plan.newLinks.push(link);
      summary.created++;
    } else if (existing.relation !== d.relation || (person.patch && person.row === c.row)) {
      if (existing.relation !== d.relation) plan.changedLinks.push(link);
      summary.updated++;
    } else summary.unchanged++;
  }
  // Only people some valid row refers to are written.
  const used = new Set([...plan.newLinks, ...plan.changedLinks].map((l) => l.parentId));
  plan.people = plan.people.filter((x) => used.has(x.personId) || (x.patch && !x.isNew));
  await drawFreeUsernames(db, plan.people);
  return { errors, plan, summary };
}

export const parentsImporter: Importer<ParentPlan> = { validate, apply: applyParents };
