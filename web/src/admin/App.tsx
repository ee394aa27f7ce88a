import { lazy, Suspense, useEffect } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError } from "../shared/api.ts";
import { AdminLayout } from "./AdminLayout.tsx";
import { AcceptInvitationPage } from "./pages/AcceptInvitationPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { parseRoute, useLocation } from "./router.ts";
import { useSession } from "./session.tsx";

const HomePage = lazy(() => import("./pages/HomePage.tsx"));
const TeamPage = lazy(() => import("./pages/TeamPage.tsx"));
const SecurityPage = lazy(() => import("./pages/SecurityPage.tsx"));
const ApiKeysPage = lazy(() => import("./pages/ApiKeysPage.tsx"));
const EmailTemplatesPage = lazy(() => import("./pages/EmailTemplatesPage.tsx"));
const ReturnsPage = lazy(() => import("./pages/ReturnsPage.tsx"));
const CasePage = lazy(() => import("./pages/CasePage.tsx"));
const ReceivingPage = lazy(() => import("./pages/ReceivingPage.tsx"));
const PoliciesPage = lazy(() => import("./pages/PoliciesPage.tsx"));
const DashboardPage = lazy(() => import("./pages/DashboardPage.tsx"));
const PolicyEditorPage = lazy(() => import("./pages/PolicyEditorPage.tsx"));

export function App() {
  const loc = useLocation();
  const intl = useIntl();
  const { me, setMe, client } = useSession();
  const route = parseRoute(loc.path);
  useEffect(() => {
    if (me !== undefined) return;
    client.me().then(setMe, (e: unknown) => {
      if (e instanceof ApiError) setMe(null);
      else setMe(null);
    });
  }, [me, client, setMe]);
  if (route.page === "invitation") return <AcceptInvitationPage token={route.token} />;
  if (me === undefined)
    return (
      <p className="muted" role="status">
        <FormattedMessage id="form.loading" />
      </p>
    );
  if (me === null) return <SignInPage />;
  const loading = (
    <AdminLayout title={intl.formatMessage({ id: "form.loading" })}>
      <p className="muted" role="status">
        <FormattedMessage id="form.loading" />
      </p>
    </AdminLayout>
  );
  return (
    <Suspense fallback={loading}>
      {route.page === "home" && <HomePage />}
      {route.page === "team" && <TeamPage />}
      {route.page === "security" && <SecurityPage />}
      {route.page === "api_keys" && <ApiKeysPage />}
      {route.page === "emails" && <EmailTemplatesPage />}
      {route.page === "returns" && <ReturnsPage />}
      {route.page === "receiving" && <ReceivingPage />}
      {route.page === "case" && <CasePage key={route.id} id={route.id} />}
      {route.page === "dashboard" && <DashboardPage />}
      {route.page === "policies" && <PoliciesPage />}
      {route.page === "policy" && <PolicyEditorPage key={route.id} id={route.id} />}
      {route.page === "not_found" && (
        <AdminLayout title={intl.formatMessage({ id: "notFound.title" })}>
          <h1>
            <FormattedMessage id="notFound.title" />
          </h1>
        </AdminLayout>
      )}
    </Suspense>
  );
}
