import { request } from "../shared/api.ts";
import type { AssistantReply, CaseView, PortalOrder, Preview, Variant } from "./types.ts";

/** The portal API of one merchant (/api/portal/v1/{slug}/…); the session is an HttpOnly cookie. */
export function portalApi(base: string, slug: string) {
  const u = (p: string) => `${base}/${slug}${p}`;
  return {
    lookup: (body: Record<string, string>) =>
      request<{ orderNumber: string; gift: boolean; locale: string }>("POST", u("/lookup"), body),
    logout: () => request<void>("POST", u("/logout")),
    order: (locale: string) => request<PortalOrder>("GET", u(`/order?locale=${encodeURIComponent(locale)}`)),
    preview: (body: unknown) => request<Preview>("POST", u("/preview"), body),
    variants: (line: string) =>
      request<{ items: Variant[] }>("GET", u(`/order/lines/${encodeURIComponent(line)}/variants`)),
    checkBank: (body: Record<string, string>) =>
      request<{ valid: boolean; masked?: string; errors?: { path: string; message: string }[] }>(
        "POST",
        u("/bank-account/check"),
        body,
      ),
    uploadPhoto: (file: File) => {
      const form = new FormData();
      form.append("photo", file);
      return request<{ id: string }>("POST", u("/photos"), undefined, { form });
    },
    submit: (body: unknown) => request<{ id: string; number: string }>("POST", u("/returns"), body),
    withdraw: (body: unknown) =>
      request<{ case: { id: string; number: string }; acknowledgement: { declaredAt: string } }>(
        "POST",
        u("/withdrawals"),
        body,
      ),
    assistant: (body: { message: string; locale: string; caseId?: string }) =>
      request<AssistantReply>("POST", u("/assistant"), body),
    case: (id: string) => request<CaseView>("GET", u(`/returns/${id}`)),
    tracking: (id: string, body: unknown) => request<CaseView>("POST", u(`/returns/${id}/tracking`), body),
    cancel: (id: string) => request<CaseView>("POST", u(`/returns/${id}/cancel`)),
    confirmPayment: (id: string, settlement: string) =>
      request<CaseView>("POST", u(`/returns/${id}/settlements/${settlement}/confirm`)),
    giveBankAccount: (id: string, settlement: string, body: unknown) =>
      request<CaseView>("POST", u(`/returns/${id}/settlements/${settlement}/bank-account`), body),
    policy: (country: string, locale: string) =>
      request<{ sections: { id: string; title: string; paragraphs: string[] }[]; locale: string }>(
        "GET",
        u(`/policy?country=${encodeURIComponent(country)}&locale=${encodeURIComponent(locale)}`),
      ),
  };
}

export type PortalApi = ReturnType<typeof portalApi>;
