/** `ccxcti check --format json`: the conformance report of CONTRACT.md (schemas/check-report.schema.json). */
import type { CheckReport, Finding as ReportFinding } from '../../../schemas/check-report.js';
import { jsonText } from '../../render/escape.js';
import type { Finding } from '../findings.js';
import type { ReportContext } from './context.js';

function findingJson(f: Finding): ReportFinding {
  const source = { file: f.at.source.file, ...(f.at.source.frame !== undefined ? { frame: f.at.source.frame } : {}), ...(f.at.source.line !== undefined ? { line: f.at.source.line } : {}) };
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    spec: f.spec,
    at: { ...(f.at.session !== undefined ? { session: f.at.session } : {}), ...(f.at.index !== undefined ? { index: f.at.index } : {}), source },
  };
}

/** `summary.unreadable`: the inputs that could not be read, when there are some. */
function unreadableOf(ctx: ReportContext): { unreadable?: [string, ...string[]] } {
  const [first, ...rest] = ctx.unreadable ?? [];
  return first === undefined ? {} : { unreadable: [first, ...rest] };
}

export function checkReportJson(ctx: ReportContext): CheckReport {
  const r = ctx.result;
  return {
    findings: r.findings.map(findingJson),
    summary: {
      inputs: ctx.inputs.length,
      sessions: r.sessions,
      messages: r.messages,
      errors: r.counts.errors,
      warnings: r.counts.warnings,
      infos: r.counts.infos,
      ...(r.omitted > 0 ? { omitted: r.omitted } : {}),
      ...unreadableOf(ctx),
    },
  };
}

export function writeJsonReport(ctx: ReportContext): string {
  return `${jsonText(checkReportJson(ctx), 2)}\n`;
}
