import { VERSION } from "../version.js";
import type { Finding } from "./types.js";

/** The JSON report's schema id and version (docs/verify.md, schemas/verify-report.schema.json). */
export const REPORT_SCHEMA = "https://ssm-gate.dev/schemas/verify-report/v1";

export type GateStatus = "pass" | "fail" | "error";

export interface VerifyReport {
  $schema: string;
  version: 1;
  tool: string;
  status: GateStatus;
  generated_at: string;
  source: string;
  summary: { parameters: number; pass: number; warn: number; fail: number; error: number };
  findings: Finding[];
  /** Why nothing could be checked (status error without findings). */
  error?: string;
}

export function buildReport(
  findings: Finding[],
  source: string,
  parameters: number,
  now: Date,
): VerifyReport {
  const count = (r: Finding["result"]) => findings.filter((f) => f.result === r).length;
  const summary = {
    parameters,
    pass: count("pass"),
    warn: count("warn"),
    fail: count("fail"),
    error: count("error"),
  };
  const status: GateStatus = summary.error > 0 ? "error" : summary.fail > 0 ? "fail" : "pass";
  return {
    $schema: REPORT_SCHEMA,
    version: 1,
    tool: `ssm-gate ${VERSION}`,
    status,
    generated_at: now.toISOString(),
    source,
    summary,
    findings,
  };
}

/** The console table: every warning and failure, one line each, then the verdict. */
export function renderTable(report: VerifyReport): string {
  const rows = report.findings.filter((f) => f.result !== "pass");
  const lines: string[] = [];
  if (rows.length > 0) {
    const cells = rows.map((f) => [
      f.result.toUpperCase(),
      f.check,
      f.parameter || "-",
      f.envName || "-",
      f.target ?? "",
      f.detail,
    ]);
    const head = ["RESULT", "CHECK", "PARAMETER", "ENV", "TARGET", "DETAIL"];
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
    const fmt = (c: string[]) =>
      c
        .map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd();
    lines.push(fmt(head), ...cells.map(fmt));
  }
  const s = report.summary;
  lines.push(
    `verify ${report.status.toUpperCase()}: ${s.parameters} parameters, ${s.pass} checks passed, ${s.warn} warnings, ${s.fail} failures${s.error ? `, ${s.error} could not be checked` : ""}`,
  );
  return lines.join("\n");
}

/** Markdown for a GitHub step summary or a Drone card. */
export function renderMarkdown(report: VerifyReport): string {
  const rows = report.findings.filter((f) => f.result !== "pass");
  const s = report.summary;
  const head = `### ssm-gate verify: ${report.status}\n\n${s.parameters} parameters, ${s.pass} checks passed, ${s.warn} warnings, ${s.fail} failures${s.error ? `, ${s.error} could not be checked` : ""}.\n`;
  if (rows.length === 0) return head;
  const esc = (x: string) => x.replace(/\|/g, "\\|");
  return `${head}\n| result | check | parameter | env | target | detail |\n|---|---|---|---|---|---|\n${rows
    .map(
      (f) =>
        `| ${f.result} | ${f.check} | ${esc(f.parameter)} | ${esc(f.envName)} | ${esc(f.target ?? "")} | ${esc(f.detail)} |`,
    )
    .join("\n")}\n`;
}
