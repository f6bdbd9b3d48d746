import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Shell } from './components/Shell';
import { Loading } from './components/States';
import { Forbidden, NotFound } from './screens/Forbidden';
import { useAuth } from './auth/AuthContext';
import { hasRole, type Role } from './auth/roles';
import { lazyScreen, type LazyScreen } from './preload';

const Dashboard = lazyScreen(() => import('./screens/Dashboard'));
const VmList = lazyScreen(() => import('./screens/VmList'));
const VmDetail = lazyScreen(() => import('./screens/VmDetail'));
const ApiKeys = lazyScreen(() => import('./screens/ApiKeys'));
const AuthFailures = lazyScreen(() => import('./screens/AuthFailures'));
const RateLimits = lazyScreen(() => import('./screens/RateLimits'));
const Owners = lazyScreen(() => import('./screens/Owners'));
const Hosts = lazyScreen(() => import('./screens/Hosts'));
const Networks = lazyScreen(() => import('./screens/Networks'));
const Sync = lazyScreen(() => import('./screens/Sync'));
const SystemApis = lazyScreen(() => import('./screens/SystemApis'));
const Audit = lazyScreen(() => import('./screens/Audit'));
const MailLog = lazyScreen(() => import('./screens/MailLog'));
const MailMessage = lazyScreen(() => import('./screens/MailMessage'));
const Sites = lazyScreen(() => import('./screens/inventory/Sites'));
const Racks = lazyScreen(() => import('./screens/inventory/Racks'));
const RackElevation = lazyScreen(() => import('./screens/inventory/RackElevation'));
const DataTools = lazyScreen(() => import('./screens/inventory/DataTools'));
const Assets = lazyScreen(() => import('./screens/inventory/Assets'));
const AssetDetail = lazyScreen(() => import('./screens/inventory/AssetDetail'));
const EosReport = lazyScreen(() => import('./screens/inventory/EosReport'));
const Catalogue = lazyScreen(() => import('./screens/inventory/Catalogue'));
const StorageArrays = lazyScreen(() => import('./screens/inventory/StorageArrays'));
const MaintenanceWindows = lazyScreen(() => import('./screens/inventory/MaintenanceWindows'));
const MailAdmin = lazyScreen(() => import('./screens/mailAdmin/MailAdmin'));
// project-service
const Projects = lazyScreen(() => import('./screens/project/Projects'));
const ProjectDetail = lazyScreen(() => import('./screens/project/ProjectDetail'));
const Clients = lazyScreen(() => import('./screens/project/Clients'));
const CertRoutes = lazyScreen(() => import('./screens/cert/CertRoutes'));

/** The screens a person most often lands on after a login or a reload, loaded ahead (see main.tsx). */
export const LANDING_SCREENS: [RegExp, LazyScreen][] = [
  [/^\/$/, Dashboard],
  [/^\/vms\/?$/, VmList],
  [/^\/vms\/\d+\/?$/, VmDetail],
];

/** Shows the page only to holders of the role; others get the "not allowed" page. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { session } = useAuth();
  return hasRole(session.roles, role) ? children : <Forbidden />;
}

/** The app's routes; every screen is loaded when first visited. */
export function App() {
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<RequireRole role="viewer"><Dashboard /></RequireRole>} />
          <Route path="/vms" element={<RequireRole role="viewer"><VmList /></RequireRole>} />
          <Route path="/vms/:id" element={<RequireRole role="viewer"><VmDetail /></RequireRole>} />
          <Route path="/api-keys" element={<RequireRole role="viewer"><ApiKeys /></RequireRole>} />
          <Route
            path="/admin/auth-failures"
            element={<RequireRole role="admin"><AuthFailures /></RequireRole>}
          />
          <Route path="/admin/rate-limits" element={<RequireRole role="admin"><RateLimits /></RequireRole>} />
          <Route path="/owners" element={<RequireRole role="viewer"><Owners /></RequireRole>} />
          <Route path="/hosts" element={<RequireRole role="viewer"><Hosts /></RequireRole>} />
          <Route path="/networks" element={<RequireRole role="viewer"><Networks /></RequireRole>} />
          <Route path="/sync" element={<RequireRole role="viewer"><Sync /></RequireRole>} />
          <Route path="/mail" element={<RequireRole role="viewer"><MailLog /></RequireRole>} />
          <Route path="/mail/:id" element={<RequireRole role="viewer"><MailMessage /></RequireRole>} />
          <Route path="/sites" element={<RequireRole role="viewer"><Sites /></RequireRole>} />
          <Route path="/racks" element={<RequireRole role="viewer"><Racks /></RequireRole>} />
          <Route path="/racks/:id" element={<RequireRole role="viewer"><RackElevation /></RequireRole>} />
          <Route path="/assets" element={<RequireRole role="viewer"><Assets /></RequireRole>} />
          <Route path="/assets/:id" element={<RequireRole role="viewer"><AssetDetail /></RequireRole>} />
          <Route path="/catalogue" element={<RequireRole role="viewer"><Catalogue /></RequireRole>} />
          <Route path="/storage-arrays" element={<RequireRole role="viewer"><StorageArrays /></RequireRole>} />
          <Route path="/maintenance" element={<RequireRole role="viewer"><MaintenanceWindows /></RequireRole>} />
          <Route path="/reports/eos" element={<RequireRole role="viewer"><EosReport /></RequireRole>} />
          {/* project-service */}
          <Route path="/projects" element={<RequireRole role="viewer"><Projects /></RequireRole>} />
          <Route path="/projects/:id" element={<RequireRole role="viewer"><ProjectDetail /></RequireRole>} />
          <Route path="/admin/clients" element={<RequireRole role="admin"><Clients /></RequireRole>} />
          <Route path="/admin/mail" element={<RequireRole role="admin"><MailAdmin /></RequireRole>} />
          <Route path="/admin/data" element={<RequireRole role="admin"><DataTools /></RequireRole>} />
          <Route path="/admin/system-apis" element={<RequireRole role="admin"><SystemApis /></RequireRole>} />
          <Route path="/admin/audit" element={<RequireRole role="admin"><Audit /></RequireRole>} />
          <Route path="/certs/*" element={<RequireRole role="viewer"><CertRoutes /></RequireRole>} />
          <Route path="/forbidden" element={<Forbidden />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
