import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from "react";
import { type AdminBoot, type Client, type Me, makeClient } from "./api.ts";

interface Session {
  readonly boot: AdminBoot;
  readonly client: Client;
  /** undefined while asking the server, null when signed out. */
  readonly me: Me | null | undefined;
  setMe(me: Me | null): void;
  /** The CSRF token of a session still waiting for its TOTP code. */
  setCsrf(token: string): void;
  can(permission: string): boolean;
}

const Ctx = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(Ctx);
  if (!s) throw new Error("no session provider");
  return s;
}

export function SessionProvider({ boot, children }: { boot: AdminBoot; children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const csrf = useRef("");
  const client = useMemo(() => makeClient(boot, () => csrf.current), [boot]);
  const value = useMemo<Session>(
    () => ({
      boot,
      client,
      me,
      setMe(m) {
        csrf.current = m?.csrfToken ?? "";
        setMeState(m);
      },
      setCsrf(token) {
        csrf.current = token;
      },
      can: (p) => !!me?.permissions.includes(p),
    }),
    [boot, client, me],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
