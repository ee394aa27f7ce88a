import { lazy, Suspense } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import type { Boot } from "../shared/boot.ts";
import { Layout } from "../shared/ui/Layout.tsx";
import { LookupPage } from "./pages/LookupPage.tsx";
import { parseRoute, useLocation } from "./router.ts";
import { PortalProvider } from "./state.tsx";

// Only the lookup page is in the first download; the later steps load when reached.
const ItemsPage = lazy(() => import("./pages/ItemsPage.tsx"));
const ReviewPage = lazy(() => import("./pages/ReviewPage.tsx"));
const WithdrawPage = lazy(() => import("./pages/WithdrawPage.tsx"));
const StatusPage = lazy(() => import("./pages/StatusPage.tsx"));
const PolicyPage = lazy(() => import("./pages/PolicyPage.tsx"));

export function App({ boot }: { boot: Boot }) {
  const loc = useLocation();
  const intl = useIntl();
  const { slug, route } = parseRoute(loc.path, loc.search);
  if (!boot.merchant || route.page === "not_found")
    return (
      <Layout merchant={boot.merchant} title={intl.formatMessage({ id: "notFound.title" })}>
        <h1>
          <FormattedMessage id="notFound.title" />
        </h1>
        <p>
          <FormattedMessage id="error.notFound.merchant" />
        </p>
      </Layout>
    );
  return (
    <PortalProvider boot={boot} slug={slug}>
      <Suspense
        fallback={
          <p className="muted" role="status">
            <FormattedMessage id="form.loading" />
          </p>
        }
      >
        {route.page === "lookup" && <LookupPage />}
        {route.page === "items" && <ItemsPage />}
        {route.page === "review" && <ReviewPage />}
        {route.page === "withdraw" && <WithdrawPage />}
        {route.page === "status" && <StatusPage id={route.id} />}
        {route.page === "policy" && <PolicyPage country={route.country} />}
      </Suspense>
    </PortalProvider>
  );
}
