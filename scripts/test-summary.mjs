// The closing line of `npm test`: "N passed, N failed", from vitest's JSON report and its exit
// status, so that a red run can never end with "0 failed".

/**
 * `report` is vitest's JSON report (null when vitest wrote none: it crashed); `status` its exit
 * status. A file that fails to load, or an error thrown outside any test, fails no test of its
 * own: each such file counts as one failure; and a failed run whose report shows no failure
 * (an unhandled error, a crash) counts one.
 */
export function summarise(report, status) {
  const passed = report?.numPassedTests ?? 0;
  const files = report?.testResults ?? [];
  const brokenFiles = files.filter((file) => file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")).length;
  let failed = (report?.numFailedTests ?? 0) + brokenFiles;
  if (status !== 0 && failed === 0) failed = 1;
  return { passed, failed, line: `${passed} passed, ${failed} failed` };
}
