/**
 * Every action the audit trail can hold, with its group and its Chinese and English labels: the one
 * list the server writes from (`AuditEntry.action` is typed by it, so a new code without a label
 * does not compile), the auditor's action filter is built from (`GET /api/audit/actions`) and the
 * audit export labels its rows with. `actions.test.ts` also scans the source for codes written
 * past the type (raw SQL, casts) and for entries nothing writes any more.
 */

/** Groups of the auditor's action filter, in the order it shows them. */
export const AUDIT_GROUPS = {
  auth: { zh: '登录与账号', en: 'Sign-in and accounts' },
  security: { zh: '安全事件', en: 'Security events' },
  roster: { zh: '学籍与花名册', en: 'Student records and rosters' },
  import: { zh: '导入', en: 'Imports' },
  export: { zh: '导出', en: 'Exports' },
  org: { zh: '组织机构与任课', en: 'Organisation and teaching' },
  curriculum: { zh: '课程体系', en: 'Curriculum' },
  resource: { zh: '资源', en: 'Resources' },
  review: { zh: '资源审核', en: 'Resource review' },
  bank: { zh: '题库与组卷', en: 'Item bank and papers' },
  marking: { zh: '阅卷与错题本', en: 'Marking and mistake notebooks' },
  space: { zh: '空间', en: 'Spaces' },
  homework: { zh: '作业与考试', en: 'Homework and exams' },
  privacy: { zh: '个人信息保护', en: 'Personal information' },
  audit: { zh: '审计', en: 'Audit' },
  system: { zh: '系统', en: 'System' },
} as const;

export type TAuditGroup = keyof typeof AUDIT_GROUPS;

export interface AuditActionSpec {
  group: TAuditGroup;
  zh: string;
  en: string;
  /**
   * Discloses fields under field-level protection (COMPLIANCE §2, §3): health, disability,
   * left-behind and orphan status, full ID and 学籍 numbers, or files holding them. The auditor's
   * preset 「近 7 天敏感信息查看」 lists these.
   */
  sensitive?: true;
  /** No longer written, kept so that older rows still read well. */
  retired?: true;
}

const A = <const T extends Record<string, AuditActionSpec>>(t: T) => t;

export const AUDIT_ACTIONS = A({
  // 登录与账号
  'auth.login': { group: 'auth', zh: '登录', en: 'Sign in' },
  'auth.logout': { group: 'auth', zh: '退出登录', en: 'Sign out' },
  'auth.switch_role': { group: 'auth', zh: '切换角色', en: 'Switch role' },
  'auth.change_password': { group: 'auth', zh: '修改密码', en: 'Change password' },
  'auth.totp': { group: 'auth', zh: '动态口令验证', en: 'One-time code check' },
  'auth.totp_setup': { group: 'auth', zh: '设置动态口令', en: 'Set up one-time codes' },
  'account.reset_password': { group: 'auth', zh: '重置他人密码', en: "Reset someone's password" },
  'account.totp_enrolment_code': {
    group: 'auth',
    zh: '签发动态口令绑定码',
    en: 'Issue a one-time-code enrolment code',
  },
  'account.second_factors.read': {
    group: 'auth',
    zh: '查看二次验证绑定情况',
    en: 'View second-factor enrolment',
  },
  'account.lifecycle.read': {
    group: 'auth',
    zh: '查看账号状态（停用、锁定、长期未登录）',
    en: 'View account states (disabled, locked, dormant)',
  },
  'account.disable': { group: 'auth', zh: '停用账号', en: 'Disable an account' },
  'account.enable': { group: 'auth', zh: '启用账号', en: 'Enable an account' },
  'account.unlock': { group: 'auth', zh: '解除账号锁定', en: 'Unlock an account' },
  'security.policy.update': { group: 'auth', zh: '修改安全策略', en: 'Change the security policy' },
  'security.overview.read': { group: 'auth', zh: '查看安全概况', en: 'View the security overview' },
  'security.sessions.read': { group: 'auth', zh: '查看在线会话', en: 'View the sessions in force' },
  'security.session.end': { group: 'auth', zh: '强制结束会话', en: 'End a session' },
  'security.staff.read': { group: 'auth', zh: '查看工作人员角色', en: "View staff members' roles" },
  'security.role.grant': { group: 'auth', zh: '授予角色', en: 'Grant a role' },
  'security.role.revoke': { group: 'auth', zh: '撤销角色', en: 'Revoke a role' },
  'console.reset_password': {
    group: 'auth',
    zh: '服务器控制台重置密码',
    en: 'Reset a password at the server console',
  },
  'console.totp_enrolment_code': {
    group: 'auth',
    zh: '服务器控制台签发绑定码',
    en: 'Issue an enrolment code at the server console',
  },
  'operations.backup.start': { group: 'system', zh: '发起数据库备份', en: 'Start a database backup' },
  'operations.job.run': { group: 'system', zh: '立即运行定时任务', en: 'Run a scheduled job now' },
  'operations.backup.verify': {
    group: 'system',
    zh: '验证备份可恢复（试恢复）',
    en: 'Verify a backup by a trial restore',
  },
  // 安全事件
  'access.denied': { group: 'security', zh: '越权访问被拒绝', en: 'Access refused' },
  'security.csrf_refused': {
    group: 'security',
    zh: '跨站请求被拒绝',
    en: 'Cross-site request refused',
  },
  // 学籍与花名册
  'roster.read': { group: 'roster', zh: '查看班级花名册', en: 'View a class roster' },
  'school.teachers.read': { group: 'roster', zh: '查看学校教师名单', en: "View a school's teachers" },
  'student.read': { group: 'roster', zh: '查看学籍信息', en: 'View a student record' },
  'student.reveal': {
    group: 'roster',
    zh: '查看完整证件号/学籍号',
    en: 'Reveal a full ID or student number',
    sensitive: true,
  },
  'student.sensitive.read': {
    group: 'roster',
    zh: '查看学生敏感信息',
    en: "View a student's sensitive information",
    sensitive: true,
  },
  'student.enroll': { group: 'roster', zh: '新生入学', en: 'Enrol a student' },
  'student.transfer': { group: 'roster', zh: '转班/转学', en: 'Transfer a student' },
  // 导入
  'import.upload': { group: 'import', zh: '上传导入文件', en: 'Upload an import file' },
  'import.errors.download': {
    group: 'import',
    zh: '下载导入错误标注文件',
    en: 'Download the marked-up import file',
    sensitive: true,
  },
  'import.schools': { group: 'import', zh: '导入学校名册', en: 'Import schools' },
  'import.classes': { group: 'import', zh: '导入班级名册', en: 'Import classes' },
  'import.teachers': { group: 'import', zh: '导入教师名册', en: 'Import teachers' },
  'import.students': { group: 'import', zh: '导入学生名册', en: 'Import students' },
  'import.parents': { group: 'import', zh: '导入家长名册', en: 'Import parents' },
  'import.school.create': { group: 'import', zh: '导入：新增学校', en: 'Import: new school' },
  'import.school.update': { group: 'import', zh: '导入：修改学校', en: 'Import: school changed' },
  'import.grade.create': { group: 'import', zh: '导入：新增年级', en: 'Import: new grade' },
  'import.class.create': { group: 'import', zh: '导入：新增班级', en: 'Import: new class' },
  'import.class.update': { group: 'import', zh: '导入：修改班级', en: 'Import: class changed' },
  'import.teacher.create': { group: 'import', zh: '导入：新增教师', en: 'Import: new teacher' },
  'import.teacher.update': { group: 'import', zh: '导入：修改教师', en: 'Import: teacher changed' },
  'import.student.create': { group: 'import', zh: '导入：新增学生', en: 'Import: new student' },
  'import.student.update': { group: 'import', zh: '导入：修改学生', en: 'Import: student changed' },
  'import.parent.create': { group: 'import', zh: '导入：新增家长', en: 'Import: new parent' },
  'import.parent.update': { group: 'import', zh: '导入：修改家长', en: 'Import: parent changed' },
  'import.guardian.create': {
    group: 'import',
    zh: '导入：新增监护关系',
    en: 'Import: new guardian link',
  },
  'import.guardian.update': {
    group: 'import',
    zh: '导入：修改监护关系',
    en: 'Import: guardian link changed',
  },
  // 导出
  'roster.export': {
    group: 'export',
    zh: '导出名册',
    en: 'Export a roster',
    sensitive: true,
  },
  'roster.export.subject': {
    group: 'export',
    zh: '导出个人信息（逐人记录）',
    en: 'Personal data exported (one row per person)',
    sensitive: true,
    retired: true,
  },
  'roster.export.requested': { group: 'export', zh: '申请批量导出', en: 'Request a bulk export' },
  'roster.export.approved': { group: 'export', zh: '批准批量导出', en: 'Approve a bulk export' },
  'roster.export.rejected': { group: 'export', zh: '驳回批量导出', en: 'Reject a bulk export' },
  'roster.export.fetched': {
    group: 'export',
    zh: '下载批量导出文件',
    en: 'Download an approved export',
    sensitive: true,
  },
  // 组织机构与任课
  'org.create': { group: 'org', zh: '新建机构', en: 'Create a unit' },
  'org.update': { group: 'org', zh: '修改机构', en: 'Change a unit' },
  'org.move': { group: 'org', zh: '移动机构', en: 'Move a unit' },
  'org.deactivate': { group: 'org', zh: '停用机构', en: 'Deactivate a unit' },
  'class.assign_teacher': { group: 'org', zh: '安排任课教师', en: 'Assign a teacher' },
  'class.unassign_teacher': { group: 'org', zh: '取消任课安排', en: 'Unassign a teacher' },
  'class.appoint_head_teacher': { group: 'org', zh: '任命班主任', en: 'Appoint a head teacher' },
  'class.add_member': { group: 'org', zh: '教学班选课', en: 'Add a student to a teaching class' },
  // 课程体系
  'curriculum.edition.create': { group: 'curriculum', zh: '新建教材版本', en: 'Create a textbook edition' },
  'curriculum.node.create': { group: 'curriculum', zh: '新建教材目录', en: 'Create a textbook node' },
  'curriculum.node.update': { group: 'curriculum', zh: '修改教材目录', en: 'Change a textbook node' },
  'curriculum.node.delete': { group: 'curriculum', zh: '删除教材目录', en: 'Delete a textbook node' },
  'curriculum.lesson.knowledge_points': {
    group: 'curriculum',
    zh: '设置课的知识点',
    en: "Set a lesson's knowledge points",
  },
  'curriculum.kp.create': { group: 'curriculum', zh: '新建知识点', en: 'Create a knowledge point' },
  'curriculum.kp.update': { group: 'curriculum', zh: '修改知识点', en: 'Change a knowledge point' },
  'curriculum.kp.prerequisite.add': {
    group: 'curriculum',
    zh: '添加先修知识点',
    en: 'Add a prerequisite',
  },
  'curriculum.kp.prerequisite.remove': {
    group: 'curriculum',
    zh: '移除先修知识点',
    en: 'Remove a prerequisite',
  },
  'curriculum.import': { group: 'curriculum', zh: '导入课程体系', en: 'Import a curriculum' },
  // 资源
  'resource.create': { group: 'resource', zh: '新建资源', en: 'Create a resource' },
  'resource.update': { group: 'resource', zh: '修改资源', en: 'Change a resource' },
  'resource.file.upload': { group: 'resource', zh: '上传资源文件', en: 'Upload a resource file' },
  'resource.file.remove': { group: 'resource', zh: '删除资源文件', en: 'Remove a resource file' },
  'resource.question': { group: 'resource', zh: '提问', en: 'Ask a question' },
  'resource.answer': { group: 'resource', zh: '回答提问', en: 'Answer a question' },
  'resource.rate': { group: 'resource', zh: '评价资源', en: 'Rate a resource' },
  'resource.complete': { group: 'resource', zh: '学完资源', en: 'Complete a resource' },
  'resource.retirement.flag': {
    group: 'resource',
    zh: '标记待下架资源',
    en: 'Flag a resource for retirement',
  },
  'resource.retirement.run': {
    group: 'resource',
    zh: '运行下架检查',
    en: 'Run the retirement check',
  },
  'resource.retire': { group: 'resource', zh: '下架资源', en: 'Retire a resource' },
  'resource.retirement.keep': { group: 'resource', zh: '保留资源', en: 'Keep a flagged resource' },
  // 资源审核
  'review.submit': { group: 'review', zh: '提交审核', en: 'Submit for review' },
  'review.approve': { group: 'review', zh: '审核通过', en: 'Approve' },
  'review.reject': { group: 'review', zh: '审核不通过', en: 'Reject' },
  'review.return': { group: 'review', zh: '退回修改', en: 'Return for changes' },
  'review.chain.create': { group: 'review', zh: '新建审核流程', en: 'Create a review chain' },
  'review.chain.deactivate': { group: 'review', zh: '停用审核流程', en: 'Retire a review chain' },
  // 题库与组卷
  'item.create': { group: 'bank', zh: '新建试题', en: 'Create an item' },
  'item.update': { group: 'bank', zh: '修改试题', en: 'Change an item' },
  'item.copy': { group: 'bank', zh: '复制试题', en: 'Copy an item' },
  'item.retire': { group: 'bank', zh: '停用试题', en: 'Retire an item' },
  'item.restore': { group: 'bank', zh: '恢复试题', en: 'Restore an item' },
  'item.picture.upload': { group: 'bank', zh: '上传试题图片', en: 'Upload a picture for an item' },
  'item.import.upload': { group: 'bank', zh: '上传试题导入文件', en: 'Upload a file of items to import' },
  'item.import.confirm': { group: 'bank', zh: '确认导入试题', en: 'Confirm imported items' },
  'item.import.discard': { group: 'bank', zh: '放弃试题导入', en: 'Discard an import of items' },
  'item.export': { group: 'bank', zh: '导出试题', en: 'Export items' },
  'item.share.request': { group: 'bank', zh: '申请共享试题', en: 'Ask to share an item' },
  'item.share.withdraw': { group: 'bank', zh: '撤回试题共享', en: 'Withdraw the share of an item' },
  'item.share.approve': { group: 'bank', zh: '同意共享试题', en: 'Approve sharing an item' },
  'item.share.return': { group: 'bank', zh: '退回试题共享申请', en: 'Return a request to share an item' },
  'blueprint.create': { group: 'bank', zh: '保存组卷模板', en: 'Save a blueprint' },
  'blueprint.update': { group: 'bank', zh: '修改组卷模板', en: 'Change a blueprint' },
  'blueprint.delete': { group: 'bank', zh: '删除组卷模板', en: 'Delete a blueprint' },
  'paper.create': { group: 'bank', zh: '新建试卷', en: 'Create a paper' },
  'paper.update': { group: 'bank', zh: '修改试卷', en: 'Change a paper' },
  'paper.finalise': { group: 'bank', zh: '试卷定稿', en: 'Finalise a paper' },
  'paper.copy': { group: 'bank', zh: '复制试卷', en: 'Copy a paper' },
  'paper.assemble': { group: 'bank', zh: '按细目表自动组卷', en: 'Assemble a paper from a blueprint' },
  'paper.swap': { group: 'bank', zh: '换一题', en: 'Swap an item of a paper' },
  'paper.delete': { group: 'bank', zh: '删除试卷草稿', en: 'Delete a draft paper' },
  'paper.print': { group: 'bank', zh: '下载试卷（PDF 或 Word）', en: 'Download a paper (PDF or Word)' },
  'paper.key.print': {
    group: 'bank',
    zh: '下载参考答案及评分标准',
    en: 'Download the answer key and marking scheme',
  },
  // 阅卷与错题本
  'marking.scripts.read': {
    group: 'marking',
    zh: '查看学生答卷（阅卷）',
    en: "View students' answers for marking",
  },
  'marking.score': { group: 'marking', zh: '阅卷评分或改分', en: 'Mark an answer or change the mark' },
  'marking.arbitrate': { group: 'marking', zh: '仲裁评分', en: 'Arbitrate a double-marked answer' },
  'marking.regrade': {
    group: 'marking',
    zh: '考试负责人改分',
    en: "The exam leader overrides an answer's score",
  },
  'marking.marker.assign': { group: 'marking', zh: '安排阅卷教师', en: 'Assign a marker' },
  'marking.marker.remove': { group: 'marking', zh: '取消阅卷分工', en: 'Withdraw a marker' },
  'notebook.practice': { group: 'marking', zh: '错题本同类题练习', en: 'Practise a similar item' },
  'notebook.summary.read': {
    group: 'marking',
    zh: '查看学生错题本汇总',
    en: "View a student's notebook summary",
  },
  'notebook.child.read': {
    group: 'marking',
    zh: '家长查看孩子的错题',
    en: "A guardian views a child's mistakes",
  },
  // 个性化练习 (A8)
  'practice.answer': { group: 'marking', zh: '个性化练习作答', en: 'Answer a personalised practice item' },
  'practice.advice.read': {
    group: 'marking',
    zh: '查看学生的练习推荐',
    en: "View a student's practice advice",
  },
  'practice.push': { group: 'marking', zh: '推送练习', en: 'Push practice to students' },
  'practice.mute': { group: 'marking', zh: '关闭知识点自动推荐', en: 'Turn off recommendations of a point' },
  'practice.unmute': {
    group: 'marking',
    zh: '恢复知识点自动推荐',
    en: 'Turn recommendations of a point back on',
  },
  // 空间
  'space.read': { group: 'space', zh: '查看学生空间', en: "View a student's space" },
  'space.post.create': { group: 'space', zh: '发布动态', en: 'Post' },
  'space.notice.create': { group: 'space', zh: '发布通知', en: 'Publish a notice' },
  'space.notice.read': { group: 'space', zh: '查看通知阅读情况', en: 'View who read a notice' },
  'space.post.delete': { group: 'space', zh: '删除动态', en: 'Delete a post' },
  'space.comment.create': { group: 'space', zh: '发表评论', en: 'Comment' },
  'space.comment.delete': { group: 'space', zh: '删除评论', en: 'Delete a comment' },
  'space.like': { group: 'space', zh: '点赞', en: 'Like' },
  'space.unlike': { group: 'space', zh: '取消点赞', en: 'Unlike' },
  'space.collect': { group: 'space', zh: '收藏', en: 'Collect' },
  'space.uncollect': { group: 'space', zh: '取消收藏', en: 'Uncollect' },
  'space.file.upload': { group: 'space', zh: '上传空间文件', en: 'Upload a space file' },
  'studio.create': { group: 'space', zh: '新建名师工作室', en: 'Create a studio' },
  'studio.member.add': { group: 'space', zh: '添加工作室成员', en: 'Add a studio member' },
  'studio.member.remove': { group: 'space', zh: '移除工作室成员', en: 'Remove a studio member' },
  'studio.retire': { group: 'space', zh: '撤销工作室', en: 'Retire a studio' },
  // 作业与考试
  'assignment.create': { group: 'homework', zh: '布置作业或考试', en: 'Set homework or an exam' },
  'assignment.progress.read': {
    group: 'homework',
    zh: '查看学生作答情况',
    en: "View students' progress on an assignment",
  },
  'assignment.regrade': {
    group: 'homework',
    zh: '改判填空并重新评分',
    en: 'Accept another answer and regrade',
  },
  'assignment.release': { group: 'homework', zh: '发布成绩', en: 'Release the scores' },
  'assignment.item_analysis.read': {
    group: 'homework',
    zh: '查看试题分析',
    en: 'View the item analysis of a paper',
  },
  'assignment.item_analysis.export': {
    group: 'export',
    zh: '导出试题分析',
    en: 'Export the item analysis of a paper',
  },
  'mastery.class.read': {
    group: 'homework',
    zh: '查看班级学情热力图',
    en: "View a class's knowledge-mastery heatmap",
  },
  'mastery.class.export': {
    group: 'export',
    zh: '导出班级学情热力图',
    en: "Export a class's mastery heatmap",
  },
  'mastery.student.read': { group: 'homework', zh: '查看学生学情', en: "View a student's knowledge mastery" },
  'mastery.student.export': {
    group: 'export',
    zh: '导出学生学情报告',
    en: "Export a student's mastery report",
  },
  'mastery.rollup.read': { group: 'homework', zh: '查看学情分析（汇总）', en: 'View mastery roll-ups' },
  'mastery.rollup.export': { group: 'export', zh: '导出学情分析', en: 'Export mastery roll-ups' },
  'attempt.start': { group: 'homework', zh: '开始作答', en: 'Start an attempt' },
  'attempt.submit': { group: 'homework', zh: '提交作答', en: 'Submit an attempt' },
  'attempt.expire': { group: 'homework', zh: '到时自动收卷', en: 'Close attempts at their deadline' },
  'homework.child.read': {
    group: 'homework',
    zh: '家长查看孩子的作业',
    en: "A parent views a child's homework",
  },
  // 个人信息保护
  'privacy.notice_acknowledged': { group: 'privacy', zh: '阅知告知书', en: 'Acknowledge a notice' },
  'privacy.notice_published': { group: 'privacy', zh: '发布告知书', en: 'Publish a notice' },
  'privacy.consent': { group: 'privacy', zh: '同意可选功能', en: 'Give consent' },
  'privacy.consent_withdrawn': { group: 'privacy', zh: '撤回同意', en: 'Withdraw consent' },
  'privacy.access_copy': {
    group: 'privacy',
    zh: '下载个人信息副本',
    en: 'Download a copy of personal data',
    sensitive: true,
  },
  'privacy.request': { group: 'privacy', zh: '提出个人信息权利申请', en: 'File a data request' },
  'privacy.requests.read': { group: 'privacy', zh: '查看权利申请', en: 'View data requests' },
  'privacy.request_answered': {
    group: 'privacy',
    zh: '答复个人信息权利申请',
    en: 'Answer a data request',
  },
  'privacy.erasure_preview': { group: 'privacy', zh: '预览删除范围', en: 'Preview an erasure' },
  'privacy.erasure': { group: 'privacy', zh: '删除个人信息', en: 'Erase personal data' },
  'privacy.inventory.read': { group: 'privacy', zh: '查看个人信息清单', en: 'View the data inventory' },
  'privacy.retention': { group: 'privacy', zh: '到期数据清理', en: 'Retention clean-up' },
  // 审计
  'audit.search': { group: 'audit', zh: '审计查询', en: 'Audit search' },
  'audit.export': { group: 'audit', zh: '导出审计记录', en: 'Export audit records' },
  'audit.person_lookup': { group: 'audit', zh: '按姓名查找人员', en: 'Look up a person by name' },
  'audit.subjects.read': {
    group: 'audit',
    zh: '查看操作涉及人员名单',
    en: 'View the persons an event touched',
  },
  'audit.saved_search.create': { group: 'audit', zh: '保存常用查询', en: 'Save a search' },
  'audit.saved_search.delete': { group: 'audit', zh: '删除常用查询', en: 'Delete a saved search' },
  // 系统
  'system.bootstrap': { group: 'system', zh: '系统初始化', en: 'First start' },
  'system.seed': { group: 'system', zh: '生成演示数据', en: 'Demo data generated' },
  'system.job': { group: 'system', zh: '系统定时任务', en: 'Scheduled job' },
});

export type TAuditAction = keyof typeof AUDIT_ACTIONS;

/** Every code, in catalogue order (groups together). */
export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as TAuditAction[];

const SPECS: Record<string, AuditActionSpec | undefined> = AUDIT_ACTIONS;

/** The spec of a code read back from the trail, which may predate or postdate this catalogue. */
export const auditActionSpec = (code: string): AuditActionSpec | undefined =>
  Object.hasOwn(SPECS, code) ? SPECS[code] : undefined;

export const isAuditAction = (code: string): code is TAuditAction => auditActionSpec(code) !== undefined;

/** Codes of a group, in catalogue order. */
export const actionsOfGroup = (group: TAuditGroup): TAuditAction[] =>
  AUDIT_ACTION_CODES.filter((c) => AUDIT_ACTIONS[c].group === group);

/** Codes that disclose field-protected data (the sensitive-reads preset). */
export const SENSITIVE_ACTIONS: TAuditAction[] = AUDIT_ACTION_CODES.filter(
  (c) => (AUDIT_ACTIONS[c] as AuditActionSpec).sensitive === true,
);
