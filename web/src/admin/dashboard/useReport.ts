import { useEffect, useState } from "react";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

/** GETs one report of the merchant API whenever its path changes; a failure is a worded problem. */
export function useReport<T>(path: string): { data: T | null; problem: string | null } {
  const { client } = useSession();
  const problemText = useProblemText();
  const [state, setState] = useState<{ path: string; data: T | null; problem: string | null }>({
    path: "",
    data: null,
    problem: null,
  });
  useEffect(() => {
    let live = true;
    client.merchant<T>("GET", path).then(
      (data) => live && setState({ path, data, problem: null }),
      (e: unknown) => live && setState({ path, data: null, problem: problemText(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, path, problemText]);
  return state.path === path ? state : { data: null, problem: null };
}
