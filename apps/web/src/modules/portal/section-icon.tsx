import {
  AuditOutlined,
  BellOutlined,
  BookOutlined,
  CommentOutlined,
  DeploymentUnitOutlined,
  EditOutlined,
  NotificationOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { HomeSection } from './types';

const ICONS: Record<HomeSection['key'], ReactNode> = {
  reviews: <AuditOutlined />,
  notices: <NotificationOutlined />,
  questions: <QuestionCircleOutlined />,
  revise: <EditOutlined />,
  answers: <CommentOutlined />,
  messages: <BellOutlined />,
  news: <TeamOutlined />,
  resources: <BookOutlined />,
  curriculum: <DeploymentUnitOutlined />,
};

/** The icon of a home section, in the brand colour. */
export function SectionIcon({ sectionKey }: { sectionKey: HomeSection['key'] }) {
  return (
    <span style={{ color: '#1e4fa3', fontSize: 16 }} aria-hidden>
      {ICONS[sectionKey]}
    </span>
  );
}
