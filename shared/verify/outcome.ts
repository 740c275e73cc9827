import { ExitCode } from "../errors.js";
import { writeFileAtomic } from "../writers/atomic.js";
import { buildReport, type VerifyReport } from "./report.js";

/** verify's exit code: 0 pass (warnings allowed), 1 the gate failed, 3 could not check. */
export function verifyExitCode(report: VerifyReport): number {
  return report.status === "pass"
    ? ExitCode.ok
    : report.status === "fail"
      ? ExitCode.failed
      : ExitCode.unavailable;
}

/** A report for a run that could not check at all (SSM unreachable, denied): never a pass. */
export function errorReport(source: string, message: string, now = new Date()): VerifyReport {
  const report = buildReport([], source, 0, now);
  return { ...report, status: "error", error: message };
}

/** Writes the JSON report (no secrets in it: names, checks and results only). */
export async function writeReport(path: string, report: VerifyReport): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(report, null, 2)}\n`, 0o644);
}
