import type { TNoticeAudience } from './privacy.schema.ts';

/**
 * Optional processing (COMPLIANCE §3): off until the person consents, or for a child under 14 a
 * linked guardian; one click withdraws. Everything else the platform does rests on the bureau's
 * statutory duty (学籍, teaching) and is stated in the notices.
 */
export const OPTIONAL_PURPOSES = {
  showcase: {
    title: '作品与空间展示',
    description:
      '孩子的网络学习空间和作品参加优秀空间展示，可能在班级以外（本校、本区、全市的空间应用统计中）被看到。',
  },
  recommendation: {
    title: '个性化推荐',
    description: '根据学习记录、测评结果和阅读偏好，为孩子推荐资源、练习和图书。',
  },
  media_records: {
    title: '阅读记录中的音视频',
    description: '在阅读记录和读后感中上传孩子的朗读音频或视频。',
  },
} as const;

export type TPurpose = keyof typeof OPTIONAL_PURPOSES;
export const PURPOSES = Object.keys(OPTIONAL_PURPOSES) as TPurpose[];

/** Days a school has to answer a data-subject request (PIPL does not fix one; 15 is common practice). */
export const REQUEST_DUE_DAYS = 15;

/** The notice audience of a role: learners, guardians, or everyone else (staff). */
export const audienceOf = (role: string): TNoticeAudience =>
  role === 'student' ? 'student' : role === 'parent' ? 'guardian' : 'staff';
