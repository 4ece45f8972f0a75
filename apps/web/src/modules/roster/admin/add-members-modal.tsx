import { Alert, Form, Modal, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api/client';
import { useCodeLabel } from '../../../app/codes/use-codes';
import { useOrgUnit } from '../../org/org-queries';
import { type RosterStudent, useRoster } from '../roster-queries';
import { ClassPicker } from './class-picker';
import { FormError, serverError, submitProps } from './form-helpers';

interface Props {
  classId: string;
  className: string;
  schoolId: string;
  /** Students already in the teaching class. */
  members: ReadonlySet<string>;
  onCancel: () => void;
  onDone: (text: string) => Promise<void>;
  /** Reloads the teaching class after a partly failed batch. */
  refresh: () => Promise<void>;
}

/**
 * 添加选课学生: the admin opens one administrative class of the same school and ticks the students
 * who take this teaching class — the way a school hands out course selections, class by class.
 */
export function AddMembersModal(props: Props) {
  const { classId, className, schoolId, onCancel, onDone } = props;
  const { t } = useTranslation();
  const gender = useCodeLabel('gender');
  const school = useOrgUnit(schoolId);
  const [fromClass, setFromClass] = useState<string>();
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const isMember = (id: string) => props.members.has(id) || added.has(id);
  const roster = useRoster(fromClass ?? '');
  const rows = useMemo(() => (fromClass ? (roster.data?.students ?? []) : []), [fromClass, roster.data]);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const failed: string[] = [];
    const done: string[] = [];
    // One request per student; a refusal for one does not stop the others.
    for (const studentId of picked) {
      try {
        await unwrap(
          api.POST('/api/classes/{id}/members', { params: { path: { id: classId } }, body: { studentId } }),
        );
        done.push(studentId);
      } catch (e) {
        const name = rows.find((s) => s.personId === studentId)?.name ?? studentId;
        failed.push(`${name}：${serverError(e, t('common.saveFailed'))}`);
      }
    }
    setBusy(false);
    if (failed.length === 0) return onDone(t('rosterAdmin.membersAdded', { count: done.length }));
    setAdded((a) => new Set([...a, ...done]));
    setPicked((p) => p.filter((id) => !done.includes(id)));
    setError(failed.join('；'));
    if (done.length > 0) await props.refresh();
  };

  return (
    <Modal
      open
      width={640}
      title={t('rosterAdmin.membersTitle', { name: className })}
      okText={t('rosterAdmin.membersSubmit', { count: picked.length })}
      okButtonProps={submitProps('members-submit', busy, picked.length === 0)}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      <FormError message={error} />
      <Alert type="info" showIcon title={t('rosterAdmin.membersHint')} style={{ marginBottom: 16 }} />
      <Form layout="vertical" requiredMark="optional">
        <Form.Item label={t('rosterAdmin.membersClass')} required>
          <ClassPicker
            value={fromClass}
            onChange={(id) => {
              setFromClass(id);
              setPicked([]);
            }}
            withinPath={school.data?.path ?? '-'}
            testId="members-class"
          />
        </Form.Item>
      </Form>
      {fromClass && roster.isError && (
        <FormError message={serverError(roster.error, t('common.loadFailed'))} />
      )}
      {fromClass && (
        <Table<RosterStudent>
          rowKey="personId"
          size="small"
          loading={roster.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ y: 280, x: 'max-content' }}
          data-testid="members-table"
          rowSelection={{
            selectedRowKeys: picked,
            onChange: (keys) => setPicked(keys as string[]),
            getCheckboxProps: (s) => ({ disabled: isMember(s.personId) }),
          }}
          columns={[
            { title: t('roster.studentNo'), dataIndex: 'studentNo' },
            {
              title: t('roster.name'),
              dataIndex: 'name',
              render: (name: string, s) => (
                <>
                  {name} {isMember(s.personId) && <Tag>{t('rosterAdmin.alreadyMember')}</Tag>}
                </>
              ),
            },
            { title: t('roster.gender'), dataIndex: 'gender', render: (g: string) => gender(g) },
          ]}
        />
      )}
    </Modal>
  );
}
