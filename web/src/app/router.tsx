import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { FeatureGate, HomeRedirect, NotFound, RequireAuth } from './guards';
import { LoginPage } from '../features/auth/pages/login-page';

// each screen is its own chunk, loaded when first opened
const CadreListPage = lazy(() => import('../features/cadres/pages/cadre-list-page'));
const CadreProfilePage = lazy(() => import('../features/cadres/pages/cadre-profile-page'));
const ImportPage = lazy(() => import('../features/imports/pages/import-page'));
const OrgTreePage = lazy(() => import('../features/org/pages/org-tree-page'));
const PlanPage = lazy(() => import('../features/plans/pages/plan-page'));
const QuotasPage = lazy(() => import('../features/plans/pages/quotas-page'));
const ReferenceTablesPage = lazy(() => import('../features/reference/pages/reference-tables-page'));
const ScreeningPage = lazy(() => import('../features/eligibility/pages/screening-page'));
const TrainingPage = lazy(() => import('../features/training/pages/training-page'));
const UsersPage = lazy(() => import('../features/users/pages/users-page'));
const PendingGrantsPage = lazy(() => import('../features/users/pages/pending-grants-page'));
const FeedbackPage = lazy(() => import('../features/feedback/pages/feedback-page'));
const DemandPage = lazy(() => import('../features/demand/pages/demand-page'));
const DecisionsPage = lazy(() => import('../features/secondments/pages/decisions-page'));
const SecondmentsPage = lazy(() => import('../features/secondments/pages/secondments-page'));
const SecondmentPage = lazy(() => import('../features/secondments/pages/secondment-page'));
const ProposePage = lazy(() => import('../features/secondments/pages/propose-page'));
const InboxPage = lazy(() => import('../features/inbox/pages/inbox-page'));
const OversightPage = lazy(() => import('../features/oversight/pages/oversight-page'));
const ReportsPage = lazy(() => import('../features/reports/pages/reports-page'));
const ReportPage = lazy(() => import('../features/reports/pages/report-page'));
const FigureRowsPage = lazy(() => import('../features/reports/pages/figure-rows-page'));
const StatisticsPage = lazy(() => import('../features/statistics/pages/statistics-page'));
const InspectionsPage = lazy(() => import('../features/inspections/pages/inspections-page'));
const FirstSetupPage = lazy(() => import('../features/setup/pages/first-setup-page'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'cadres',
        element: (
          <FeatureGate anyOf={['cadres']}>
            <CadreListPage />
          </FeatureGate>
        ),
      },
      {
        path: 'cadres/import',
        element: (
          <FeatureGate anyOf={['cadres']}>
            <ImportPage />
          </FeatureGate>
        ),
      },
      {
        path: 'cadres/:id',
        element: (
          <FeatureGate anyOf={['cadres', 'myProfile']}>
            <CadreProfilePage />
          </FeatureGate>
        ),
      },
      {
        path: 'org',
        element: (
          <FeatureGate anyOf={['org']}>
            <OrgTreePage />
          </FeatureGate>
        ),
      },
      {
        path: 'plans',
        element: (
          <FeatureGate anyOf={['plans']}>
            <PlanPage />
          </FeatureGate>
        ),
      },
      {
        path: 'plans/quotas',
        element: (
          <FeatureGate anyOf={['plans']}>
            <QuotasPage />
          </FeatureGate>
        ),
      },
      {
        path: 'plans/reference',
        element: (
          <FeatureGate anyOf={['plans']}>
            <ReferenceTablesPage />
          </FeatureGate>
        ),
      },
      {
        path: 'plans/screening',
        element: (
          <FeatureGate anyOf={['plans']}>
            <ScreeningPage />
          </FeatureGate>
        ),
      },
      {
        path: 'secondments',
        element: (
          <FeatureGate anyOf={['secondments']}>
            <SecondmentsPage />
          </FeatureGate>
        ),
      },
      {
        path: 'secondments/new',
        element: (
          <FeatureGate anyOf={['secondments']}>
            <ProposePage />
          </FeatureGate>
        ),
      },
      {
        path: 'secondments/decisions',
        element: (
          <FeatureGate anyOf={['secondments']}>
            <DecisionsPage />
          </FeatureGate>
        ),
      },
      {
        path: 'secondments/:id',
        element: (
          <FeatureGate anyOf={['secondments']}>
            <SecondmentPage />
          </FeatureGate>
        ),
      },
      {
        path: 'feedback',
        element: (
          <FeatureGate anyOf={['feedback']}>
            <FeedbackPage />
          </FeatureGate>
        ),
      },
      {
        path: 'demand',
        element: (
          <FeatureGate anyOf={['demand']}>
            <DemandPage />
          </FeatureGate>
        ),
      },
      {
        path: 'inbox',
        element: (
          <FeatureGate anyOf={['inbox']}>
            <InboxPage />
          </FeatureGate>
        ),
      },
      {
        path: 'oversight',
        element: (
          <FeatureGate anyOf={['oversight']}>
            <OversightPage />
          </FeatureGate>
        ),
      },
      {
        path: 'reports',
        element: (
          <FeatureGate anyOf={['reports']}>
            <ReportsPage />
          </FeatureGate>
        ),
      },
      {
        path: 'reports/:id',
        element: (
          <FeatureGate anyOf={['reports']}>
            <ReportPage />
          </FeatureGate>
        ),
      },
      {
        path: 'reports/figures/:key',
        element: (
          <FeatureGate anyOf={['oversight', 'secondments']}>
            <FigureRowsPage />
          </FeatureGate>
        ),
      },
      {
        path: 'statistics',
        element: (
          <FeatureGate anyOf={['oversight', 'secondments']}>
            <StatisticsPage />
          </FeatureGate>
        ),
      },
      {
        path: 'inspections',
        element: (
          <FeatureGate anyOf={['inbox']}>
            <InspectionsPage />
          </FeatureGate>
        ),
      },
      {
        path: 'training',
        element: (
          <FeatureGate anyOf={['training']}>
            <TrainingPage />
          </FeatureGate>
        ),
      },
      {
        path: 'users',
        element: (
          <FeatureGate anyOf={['users']}>
            <UsersPage />
          </FeatureGate>
        ),
      },
      // Sở Nội vụ's confirmation of the roles the administrator proposed (the page checks the capability)
      { path: 'grants', element: <PendingGrantsPage /> },
      // the system administrator's, until the first setup is made (the page checks the capability)
      { path: 'setup', element: <FirstSetupPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
