import { lazy, Suspense } from 'react';
import { Stack } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { RequireRole } from '../../App';
import { Loading } from '../../components/States';
import { NotFound } from '../Forbidden';
import { CertNavigation } from './common';

const CertDashboard = lazy(() => import('./CertDashboard'));
const Certificates = lazy(() => import('./Certificates'));
const CertificateDetail = lazy(() => import('./CertificateDetail'));
const Upload = lazy(() => import('./Upload'));
const Domains = lazy(() => import('./Domains'));
const DomainDetail = lazy(() => import('./DomainDetail'));
const ScanTargets = lazy(() => import('./ScanTargets'));
const ScanRuns = lazy(() => import('./ScanRuns'));
const ScanRunDetail = lazy(() => import('./ScanRunDetail'));
const HostsApps = lazy(() => import('./HostsApps'));
const Flows = lazy(() => import('./Flows'));
const IgnorePatterns = lazy(() => import('./IgnorePatterns'));

/**
 * The certificate screens under `/certs/*` (cert-service): one entry in the app's navigation, a
 * navigation of their own, each screen loaded when first visited. Viewers read; editors upload and
 * change (the API decides anyway).
 */
export default function CertRoutes() {
  return (
    <Stack>
      <CertNavigation />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<CertDashboard />} />
          <Route path="certificates" element={<Certificates />} />
          <Route path="certificates/:id" element={<CertificateDetail />} />
          <Route path="domains" element={<Domains />} />
          <Route path="domains/:id" element={<DomainDetail />} />
          <Route path="upload" element={<RequireRole role="editor"><Upload /></RequireRole>} />
          <Route path="scan-targets" element={<ScanTargets />} />
          <Route path="scan-runs" element={<ScanRuns />} />
          <Route path="scan-runs/:id" element={<ScanRunDetail />} />
          <Route path="hosts" element={<HostsApps />} />
          <Route path="flows" element={<Flows />} />
          <Route path="ignore" element={<IgnorePatterns />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Stack>
  );
}
