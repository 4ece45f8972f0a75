import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import { PageError, PageLoading } from '../../app/components/page-state';
import { CityHome, DistrictHome, SchoolHome } from './admin-homes';
import { ParentHome, StudentHome } from './family-homes';
import { StaffHome } from './staff-home';
import { HeadTeacherHome, TeacherHome } from './teacher-home';
import { TodaySections } from './today-sections';
import type { PortalHome } from './types';

/** The role home (P9): the server decides which kind of home the active role gets. */
export function HomePage() {
  const query = useQuery({
    queryKey: ['portal', 'home'],
    queryFn: () => unwrap(api.GET('/api/portal/home')),
  });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  return <RoleHome home={query.data} />;
}

function RoleHome({ home }: { home: PortalHome }) {
  switch (home.kind) {
    case 'city':
      return <CityHome home={home} />;
    case 'district':
      return <DistrictHome home={home} />;
    case 'school':
      return <SchoolHome home={home} />;
    case 'teacher':
      return <TeacherHome home={home} />;
    case 'head_teacher':
      return <HeadTeacherHome home={home} />;
    case 'student':
      return <StudentHome home={home} />;
    case 'parent':
      return <ParentHome home={home} />;
    case 'researcher':
    case 'expert':
      return (
        <StaffHome home={home}>
          <TodaySections sections={home.sections} columns={2} />
        </StaffHome>
      );
    default:
      return <StaffHome home={home} />;
  }
}
