import type { StaffSession } from "./auth.ts";
import { consoleTexts as t } from "./texts.ts";

/** HTML-escape text and attribute values. */
export function esc(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export type Section = "notices" | "upload" | "broadcasts" | "applications" | "audit" | "none";

const NAV: Array<[Section, string, string]> = [
  ["notices", "/staff/notices", t.nav.notices],
  ["upload", "/staff/upload", t.nav.upload],
  ["broadcasts", "/staff/broadcasts", t.nav.broadcasts],
  ["applications", "/staff/applications", t.nav.applications],
  ["audit", "/staff/audit", t.nav.audit],
];

/** The hidden CSRF field of every form. */
export function csrfField(s: StaffSession): string {
  return `<input type="hidden" name="_csrf" value="${esc(s.csrf)}">`;
}

/** A whole page: header, navigation (when signed in), the section's body. */
export function page(title: string, body: string, session: StaffSession | null, section: Section = "none", notice?: { kind: "ok" | "error"; text: string }): string {
  const nav = session
    ? `<nav aria-label="${esc(t.nav.label)}"><ul>${NAV.map(([id, href, label]) => `<li><a href="${href}"${id === section ? ' aria-current="page"' : ""}>${esc(label)}</a></li>`).join("")}</ul></nav>
<form method="post" action="/staff/logout" class="signout">${csrfField(session)}<span>${esc(t.signedInAs(session.user, session.unit))}</span> <button type="submit">${esc(t.nav.signOut)}</button></form>`
    : "";
  const flash = notice ? `<p class="flash ${notice.kind}" role="${notice.kind === "error" ? "alert" : "status"}">${esc(notice.text)}</p>` : "";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${session ? `<meta name="csrf-token" content="${esc(session.csrf)}">` : ""}
<title>${esc(title)} · ${esc(t.product)}</title>
<link rel="stylesheet" href="/staff/static/console.css">
<script src="/staff/static/console.js" defer></script>
</head>
<body>
<header><p class="brand">${esc(t.product)}</p>${nav}</header>
<main>
<h1>${esc(title)}</h1>
${flash}
${body}
</main>
</body>
</html>`;
}
