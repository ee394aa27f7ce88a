import { FormattedMessage, useIntl } from "react-intl";
import { AdminLayout } from "../AdminLayout.tsx";
import { HandoverNotices } from "../HandoverNotices.tsx";
import { useSession } from "../session.tsx";

/** The start page: who you are and what your role lets you do. */
export default function HomePage() {
  const intl = useIntl();
  const { me } = useSession();
  if (!me) return null;
  const title = intl.formatMessage({ id: "home.title" });
  return (
    <AdminLayout title={title} current="">
      <h1>{title}</h1>
      <p>
        <FormattedMessage
          id="home.welcome"
          values={{ name: me.account.name, role: intl.formatMessage({ id: `role.${me.account.role}` }) }}
        />
      </p>
      <h2>
        <FormattedMessage id="home.permissions" />
      </h2>
      <ul>
        {me.permissions.map((p) => (
          <li key={p}>
            <FormattedMessage id={`permission.${p.replace(":", "_")}`} />
          </li>
        ))}
        {me.account.role === "vendor" && (
          <li>
            <FormattedMessage id="home.ownPolicy" />
          </li>
        )}
      </ul>
      {me.account.role !== "vendor" && me.account.role !== "warehouse" && <HandoverNotices />}
    </AdminLayout>
  );
}
