import type { Tx } from '../../platform/db/client.ts';
import { findCurrentNotice, insertNotice } from './notices.repository.ts';
import type { TNoticeAudience } from './privacy.schema.ts';

const COMMON_RIGHTS = `您的权利
您可以随时在「隐私与授权」页面：下载平台保存的与您有关的全部个人信息副本；申请更正不准确的信息；申请删除可选功能产生的信息（学籍等依法须保存的信息除外）；要求我们解释说明处理规则；开启或撤回可选功能的授权，撤回立即生效。申请由您所在学校办理，一般在 15 日内答复。`;

/**
 * The first version of each audience's notice (告知书), published by the platform on an empty
 * database so nobody signs in without one; the bureau publishes its own versions on the privacy
 * page. Plain text, paragraphs separated by blank lines.
 */
export const DEFAULT_NOTICES: Record<TNoticeAudience, { title: string; body: string }> = {
  student: {
    title: '翰林智慧教育平台 学生个人信息保护告知书',
    body: `同学你好！翰林平台是教育局为全市学校提供的学习平台。为了让你能上课、学习和参加活动，平台会保存你的一些信息。

我们保存什么
你的姓名、学籍信息（学校、班级、学号等）、你在平台上的学习记录、作业和发言。身份证号、出生日期等重要信息都加密保存。

谁能看到
你自己、你的家长、你的老师和学校的管理老师。其他学校的同学只能看到你的姓氏，例如「王同学」。平台不公布学生排名。

需要家长同意的功能
「作品与空间展示」「个性化推荐」「阅读记录中的音视频」这些功能默认关闭。不满 14 周岁的同学，只有家长同意后才会开启；你自己随时可以关闭。

${COMMON_RIGHTS}`,
  },
  guardian: {
    title: '翰林智慧教育平台 监护人告知书（儿童个人信息保护）',
    body: `尊敬的家长：翰林智慧教育公共服务平台由市教育局建设运营，依据《中华人民共和国个人信息保护法》《儿童个人信息网络保护规定》处理您和孩子的个人信息。

处理依据与目的
学籍管理、教育教学和家校联系是教育主管部门的法定职责（个人信息保护法第十三条第一款第三项），相关信息的处理无需另行同意，但我们在此告知您。不满 14 周岁未成年人的个人信息均属敏感个人信息，我们采取加密存储、按角色和关系授权、全部访问留痕审计等措施加以保护，数据存储在境内。

可选功能（须您同意）
作品与空间展示：孩子的作品和空间可能在班级以外展示。个性化推荐：根据学习记录推荐资源和练习。阅读记录中的音视频：上传孩子的朗读音频、视频。以上功能默认关闭，您同意后才开启，可随时一键撤回，撤回立即生效。

谁能看到孩子的信息
孩子本人、监护人、任课教师和班主任、学校及上级教育行政部门的授权人员。手机号等联系方式只向孩子的班主任和管理人员显示。

${COMMON_RIGHTS}`,
  },
  staff: {
    title: '翰林智慧教育平台 教职工个人信息处理告知书及保密提示',
    body: `各位老师、管理人员：平台为人力资源管理和教育教学所必需处理您的个人信息（个人信息保护法第十三条第一款第二、三项），并记录您的登录和操作日志（网络安全法、等保 2.0）。

您在工作中会接触学生和家长的个人信息，其中不满 14 周岁儿童的信息均属敏感个人信息：
仅为履行职责查看和使用；不导出、不截图外传；批量导出超过 200 人须经另一位管理员审批；查看学生记录、敏感信息均记入审计日志；发现泄露请立即报告安全管理员。

${COMMON_RIGHTS}`,
  },
};

/** Publishes version 1 of each audience's notice where none exists yet. */
export async function ensureDefaultNotices(tx: Tx): Promise<void> {
  for (const [audience, n] of Object.entries(DEFAULT_NOTICES) as [
    TNoticeAudience,
    { title: string; body: string },
  ][]) {
    if (!(await findCurrentNotice(tx, audience)))
      await insertNotice(tx, { audience, ...n, publishedBy: null });
  }
}
