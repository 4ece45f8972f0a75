import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { PageLoading } from './components/page-state';
import { RouteError } from './layout/route-error';

/** Route-level code splitting: each page is its own chunk, loaded on first visit. */
function page<M>(load: () => Promise<M>, name: keyof M): ReactNode {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

const identity = () => import('../modules/identity');
const privacy = () => import('../modules/privacy');
const security = () => import('../modules/security');
const assessment = () => import('../modules/assessment');

// The notice gate stands before the whole shell: while it asks, the screen is a full-page spinner.
const NoticeGate = lazy(async () => ({ default: (await privacy()).NoticeGate }));

export const router = createBrowserRouter([
  {
    element: (
      <AuthProvider>
        <Outlet />
      </AuthProvider>
    ),
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: page(identity, 'LoginPage') },
      { path: '/login/totp', element: page(identity, 'TotpVerifyPage') },
      { path: '/login/totp-setup', element: page(identity, 'TotpSetupPage') },
      { path: '/login/password', element: page(identity, 'ForcedPasswordPage') },
      {
        element: <RequireAuth />,
        children: [
          {
            // 告知: a pending privacy notice is read and acknowledged before anything else.
            element: (
              <Suspense fallback={<PageLoading fullscreen />}>
                <NoticeGate />
              </Suspense>
            ),
            children: [
              {
                // The signed-in shell (menu, drawer, dropdowns) is not needed on the login page.
                element: page(() => import('./layout/app-shell'), 'AppShell'),
                children: [
                  { index: true, element: page(() => import('../modules/portal'), 'HomePage') },
                  { path: '/org', element: page(() => import('../modules/org'), 'OrgBrowserPage') },
                  { path: '/org/:unitId', element: page(() => import('../modules/org'), 'OrgBrowserPage') },
                  {
                    path: '/classes/:classId',
                    element: page(() => import('../modules/roster'), 'ClassRosterPage'),
                  },
                  {
                    path: '/students/:personId',
                    element: page(() => import('../modules/roster'), 'StudentProfilePage'),
                  },
                  {
                    path: '/resources',
                    element: page(() => import('../modules/resources'), 'ResourcesPage'),
                  },
                  {
                    path: '/review-chains',
                    element: page(() => import('../modules/resources'), 'ReviewChainsPage'),
                  },
                  {
                    path: '/reviews',
                    element: page(() => import('../modules/resources'), 'ReviewQueuePage'),
                  },
                  {
                    path: '/resources/:id',
                    element: page(() => import('../modules/resources'), 'ResourcePage'),
                  },
                  { path: '/bank', element: page(assessment, 'BankPage') },
                  { path: '/bank/new', element: page(assessment, 'ItemEditorPage') },
                  { path: '/bank/reviews', element: page(assessment, 'ShareQueuePage') },
                  { path: '/bank/items/:id', element: page(assessment, 'ItemPage') },
                  { path: '/bank/items/:id/edit', element: page(assessment, 'ItemEditorPage') },
                  {
                    path: '/bank/import',
                    element: page(() => import('../modules/assessment/item-import-page'), 'ItemImportPage'),
                  },
                  {
                    path: '/bank/import/:id',
                    element: page(() => import('../modules/assessment/item-import-page'), 'ItemImportPage'),
                  },
                  { path: '/papers', element: page(assessment, 'PapersPage') },
                  { path: '/papers/assemble', element: page(assessment, 'AssemblePage') },
                  { path: '/papers/:id', element: page(assessment, 'PaperPage') },
                  { path: '/spaces', element: page(() => import('../modules/spaces'), 'SpacesPage') },
                  { path: '/spaces/:id', element: page(() => import('../modules/spaces'), 'SpacePage') },
                  {
                    path: '/spaces-usage',
                    element: page(() => import('../modules/spaces'), 'SpaceUsagePage'),
                  },
                  {
                    path: '/marking',
                    element: page(
                      () => import('../modules/assessment/marking-tasks-page'),
                      'MarkingTasksPage',
                    ),
                  },
                  {
                    path: '/marking/:assignmentId',
                    element: page(
                      () => import('../modules/assessment/marking-overview-page'),
                      'MarkingOverviewPage',
                    ),
                  },
                  {
                    path: '/marking/:assignmentId/items/:number/:part',
                    element: page(() => import('../modules/assessment/marking-page'), 'MarkingPage'),
                  },
                  {
                    path: '/marking/:assignmentId/arbitration',
                    element: page(
                      () => import('../modules/assessment/marking-arbitration-page'),
                      'MarkingArbitrationPage',
                    ),
                  },
                  {
                    path: '/item-analysis',
                    element: page(
                      () => import('../modules/assessment/item-analysis-exams-page'),
                      'ItemAnalysisExamsPage',
                    ),
                  },
                  {
                    path: '/item-analysis/:id',
                    element: page(
                      () => import('../modules/assessment/item-analysis-page'),
                      'ItemAnalysisPage',
                    ),
                  },
                  {
                    path: '/diagnosis/heatmap',
                    element: page(() => import('../modules/diagnosis'), 'HeatmapPage'),
                  },
                  {
                    path: '/diagnosis/report',
                    element: page(() => import('../modules/diagnosis'), 'ReportPage'),
                  },
                  {
                    path: '/diagnosis/rollup',
                    element: page(() => import('../modules/diagnosis'), 'RollupPage'),
                  },
                  {
                    path: '/notebook',
                    element: page(() => import('../modules/assessment/notebook-page'), 'NotebookPage'),
                  },
                  {
                    path: '/notebook/children/:studentId',
                    element: page(() => import('../modules/assessment/notebook-page'), 'ChildNotebookPage'),
                  },
                  {
                    path: '/notebook/:mistakeId/practice',
                    element: page(
                      () => import('../modules/assessment/notebook-practice-page'),
                      'NotebookPracticePage',
                    ),
                  },
                  {
                    path: '/diagnosis/practice',
                    element: page(() => import('../modules/diagnosis'), 'PracticeClassPage'),
                  },
                  {
                    path: '/diagnosis/practice/learn',
                    element: page(() => import('../modules/diagnosis'), 'PracticeLearnPage'),
                  },
                  {
                    path: '/diagnosis/practice/children/:studentId',
                    element: page(() => import('../modules/diagnosis'), 'PracticeChildPage'),
                  },
                  {
                    path: '/curriculum',
                    element: page(() => import('../modules/curriculum'), 'CurriculumPage'),
                  },
                  {
                    path: '/homework',
                    element: page(() => import('../modules/assessment/homework-page'), 'HomeworkPage'),
                  },
                  {
                    path: '/homework/:id',
                    element: page(
                      () => import('../modules/assessment/homework-progress-page'),
                      'HomeworkProgressPage',
                    ),
                  },
                  {
                    path: '/attempts/:id',
                    element: page(() => import('../modules/assessment/attempt-page'), 'AttemptPage'),
                  },
                  { path: '/audit', element: page(() => import('../modules/audit'), 'AuditPage') },
                  {
                    path: '/operations',
                    element: page(() => import('../modules/operations'), 'OperationsPage'),
                  },
                  { path: '/import', element: page(() => import('../modules/import'), 'ImportPage') },
                  { path: '/account', element: page(identity, 'AccountPage') },
                  { path: '/security/second-factors', element: page(identity, 'SecondFactorsPage') },
                  { path: '/security/policy', element: page(security, 'SecurityPolicyPage') },
                  { path: '/security/roles', element: page(security, 'RoleGrantsPage') },
                  { path: '/security/sessions', element: page(security, 'SessionsPage') },
                  { path: '/staff-accounts', element: page(security, 'StaffAccountsPage') },
                  { path: '/privacy', element: page(privacy, 'PrivacyPage') },
                  { path: '/privacy/requests', element: page(privacy, 'RequestRegisterPage') },
                  { path: '/privacy/notices', element: page(privacy, 'NoticesAdminPage') },
                  { path: '/privacy/inventory', element: page(privacy, 'InventoryPage') },
                  { path: '*', element: page(() => import('./layout/not-found-page'), 'NotFoundPage') },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
