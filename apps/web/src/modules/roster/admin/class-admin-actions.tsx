import { CrownOutlined, SolutionOutlined, UserAddOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnit } from '../../org/org-queries';
import type { Roster, Student } from '../roster-queries';
import { AddMembersModal } from './add-members-modal';
import { useClassSchool, useRefreshAfterChange } from './admin-queries';
import { AssignTeacherModal } from './assign-teacher-modal';
import { EnrollModal } from './enroll-modal';
import { HeadTeacherModal } from './head-teacher-modal';

type Dialog = 'enroll' | 'assign' | 'head' | 'members' | undefined;

interface Props {
  roster: Roster;
  /** Called after an enrolment, once the roster has been reloaded. */
  onEnrolled: (student: Student) => void;
}

/**
 * School-admin actions on a class roster. Shown to admins only; the server checks scope again.
 * Administrative classes take new students and a head teacher; teaching classes take members.
 */
export function ClassAdminActions({ roster, onEnrolled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshAfterChange();
  const [dialog, setDialog] = useState<Dialog>();
  const cls = roster.class;
  const { school } = useClassSchool(cls.id);
  const unit = useOrgUnit(cls.id);
  const admin = cls.kind === 'class';
  const teaching = cls.kind === 'teaching_class';
  const ofClass = useMemo(() => new Set(roster.teachers.map((tc) => tc.personId)), [roster.teachers]);
  const members = useMemo(() => new Set(roster.students.map((s) => s.personId)), [roster.students]);
  const head = roster.teachers.find((tc) => tc.isHeadTeacher);

  const done = async (text: string) => {
    await refresh();
    setDialog(undefined);
    message.success(text);
  };
  const close = () => setDialog(undefined);

  return (
    <>
      <Space wrap size={8}>
        {admin && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setDialog('enroll')}
            data-testid="roster-enroll"
          >
            {t('rosterAdmin.enroll')}
          </Button>
        )}
        {teaching && (
          <Button
            type="primary"
            icon={<UsergroupAddOutlined />}
            onClick={() => setDialog('members')}
            disabled={!school}
            data-testid="roster-add-members"
          >
            {t('rosterAdmin.members')}
          </Button>
        )}
        <Button
          icon={<SolutionOutlined />}
          onClick={() => setDialog('assign')}
          disabled={!school}
          data-testid="roster-assign-teacher"
        >
          {t('rosterAdmin.assign')}
        </Button>
        {admin && (
          <Button
            icon={<CrownOutlined />}
            onClick={() => setDialog('head')}
            disabled={!school}
            data-testid="roster-head-teacher"
          >
            {t('rosterAdmin.head')}
          </Button>
        )}
      </Space>
      {dialog === 'enroll' && (
        <EnrollModal
          classId={cls.id}
          className={cls.name}
          entryYear={unit.data?.entryYear}
          onCancel={close}
          onDone={async (s) => {
            await done(t('rosterAdmin.enrolled', { name: s.name }));
            onEnrolled(s);
          }}
        />
      )}
      {dialog === 'assign' && (
        <AssignTeacherModal
          classId={cls.id}
          className={cls.name}
          schoolId={school?.id}
          ofClass={ofClass}
          onCancel={close}
          onDone={done}
        />
      )}
      {dialog === 'head' && (
        <HeadTeacherModal
          classId={cls.id}
          className={cls.name}
          schoolId={school?.id}
          current={head}
          ofClass={ofClass}
          onCancel={close}
          onDone={done}
        />
      )}
      {dialog === 'members' && school && (
        <AddMembersModal
          classId={cls.id}
          className={cls.name}
          schoolId={school.id}
          members={members}
          onCancel={close}
          onDone={done}
          refresh={refresh}
        />
      )}
    </>
  );
}
