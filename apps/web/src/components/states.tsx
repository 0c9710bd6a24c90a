import { GraphQLRequestError } from "@hkhealth/client";
import type { ReactNode } from "react";
import { useLang } from "../lib/i18n.js";

export function Loading() {
  const { t } = useLang();
  return <p className="state loading" role="status">{t.loading}</p>;
}

export function Empty(props: { children: ReactNode }) {
  return <p className="state empty" data-testid="empty">{props.children}</p>;
}

/** Says what went wrong: the gateway down, a refused query (with the gateway's words), or an HTTP error. */
export function ErrorState(props: { error: unknown; retry?: () => void }) {
  const { t } = useLang();
  const { error } = props;
  let message: string;
  if (error instanceof GraphQLRequestError) {
    message = error.kind === "unreachable" ? t.unreachable : `${error.kind === "graphql" ? t.refused : t.httpError} ${error.message}`;
  } else {
    message = error instanceof Error ? error.message : String(error);
  }
  return (
    <div className="state error" role="alert" data-testid="error">
      <p>{message}</p>
      {props.retry && <button onClick={props.retry}>{t.retry}</button>}
    </div>
  );
}
