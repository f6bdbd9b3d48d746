import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Shell } from './components/Shell';
import { Loading } from './components/States';
import { Forbidden, NotFound } from './screens/Forbidden';
import { useAuth } from './auth/AuthContext';
import { hasRole, type Role } from './auth/roles';

const Dashboard = lazy(() => import('./screens/Dashboard'));
const VmList = lazy(() => import('./screens/VmList'));
const VmDetail = lazy(() => import('./screens/VmDetail'));
const ApiKeys = lazy(() => import('./screens/ApiKeys'));
const AuthFailures = lazy(() => import('./screens/AuthFailures'));
const Owners = lazy(() => import('./screens/Owners'));
const Hosts = lazy(() => import('./screens/Hosts'));
const Networks = lazy(() => import('./screens/Networks'));
const Sync = lazy(() => import('./screens/Sync'));
const SystemApis = lazy(() => import('./screens/SystemApis'));
const Audit = lazy(() => import('./screens/Audit'));
const MailLog = lazy(() => import('./screens/MailLog'));
const MailMessage = lazy(() => import('./screens/MailMessage'));
const Sites = lazy(() => import('./screens/inventory/Sites'));
const Racks = lazy(() => import('./screens/inventory/Racks'));
const RackElevation = lazy(() => import('./screens/inventory/RackElevation'));
const DataTools = lazy(() => import('./screens/inventory/DataTools'));
const Assets = lazy(() => import('./screens/inventory/Assets'));
const AssetDetail = lazy(() => import('./screens/inventory/AssetDetail'));
const EosReport = lazy(() => import('./screens/inventory/EosReport'));
const Catalogue = lazy(() => import('./screens/inventory/Catalogue'));
const StorageArrays = lazy(() => import('./screens/inventory/StorageArrays'));
const MaintenanceWindows = lazy(() => import('./screens/inventory/MaintenanceWindows'));
const MailAdmin = lazy(() => import('./screens/mailAdmin/MailAdmin'));
const CertRoutes = lazy(() => import('./screens/cert/CertRoutes'));

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
