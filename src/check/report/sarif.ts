/**
 * `ccxcti check --format sarif`: SARIF 2.1.0. One reporting descriptor per catalog rule (its
 * title, rationale and guide reference as help), one result per finding; a result's location
 * is the input file with a region — the line of a log message, the byte range of a capture
 * message's packet record — and a logical location naming the session, the capture frame and
 * the message; its partialFingerprints say what it is about (fingerprint.ts).
 */
import { jsonText } from '../../render/escape.js';
import type { Finding } from '../findings.js';
import type { FindingPlace } from '../rule.js';
import { FINGERPRINT_KEY, findingFingerprints } from './fingerprint.js';
import type { RuleMeta } from '../rule.js';
import type { Severity } from '../severity.js';
import { NO_MESSAGE, type ReportContext } from './context.js';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

const INFORMATION_URI = 'https://www.npmjs.com/package/ccx-cti-analyzer';

/**
 * Results a run lists at most: GitHub code scanning rejects a SARIF file with more than 25,000
 * results in a run (and shows 5,000, the most severe). The checker keeps up to 1,000 findings
 * per rule, far more in all; past this the most severe are listed (docs/spec-notes.md 10.1).
 */
export const MAX_SARIF_RESULTS = 25_000;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The findings a run lists: all of them, or the MAX_SARIF_RESULTS most severe (earliest first among equals), in timeline order. */
function listedFindings(findings: readonly Finding[]): readonly Finding[] {
  if (findings.length <= MAX_SARIF_RESULTS) return findings;
  const order = findings.map((f, i) => ({ rank: SEVERITY_RANK[f.severity], i })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const kept = new Set(order.slice(0, MAX_SARIF_RESULTS).map((o) => o.i));
  return findings.filter((_, i) => kept.has(i));
}

/**
 * A file name as a URI reference (relative paths stay relative). A relative path whose first
 * segment holds a colon (`cap-2026-11-24T13:04:05.pcap`) would read as a URI of scheme
 * `cap-2026-11-24t13`: it is written after a `./` segment (RFC 3986, 4.2).
 */
export function fileUri(file: string): string {
  if (file === '-') return 'stdin';
  const slashed = file.replace(/\\/g, '/');
  const encoded = encodeURI(slashed).replace(/[?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  if (slashed.startsWith('/')) return `file://${encoded}`;
  return /^[^/]*:/.test(encoded) ? `./${encoded}` : encoded;
}

function ruleName(rule: RuleMeta): string {
  return rule.id
    .toLowerCase()
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function descriptor(rule: RuleMeta, ctx: ReportContext): Record<string, unknown> {
  const level = ctx.levels.get(rule.id) ?? rule.severity;
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: {
      text: `${rule.rationale} Guide: ${rule.spec}.`,
      markdown: `${rule.rationale}\n\n**Guide:** ${rule.spec} (*Cisco Unified CCX CTI Protocol Developer Guide*, Release 11.0(1)).`,
    },
    defaultConfiguration: { enabled: level !== 'off', level: LEVEL[level === 'off' ? rule.severity : level] },
    properties: { category: rule.category, spec: rule.spec, defaultSeverity: rule.severity, tags: ['ccx-cti', rule.category] },
  };
}

/**
 * Where in its file a finding is: a log message's line (a text region), a capture message's
 * packet record — the pcap record or pcapng block of the frame that completed the message, its
 * header included — as a binary region (SARIF 3.30.3: a binary artifact gets no text region);
 * none for a finding at no message, or in a gzip-compressed capture.
 */
function region(at: FindingPlace): Record<string, number> | undefined {
  if (at.source.line !== undefined) return { startLine: at.source.line };
  if (at.recordOffset !== undefined && at.recordLength !== undefined) return { byteOffset: at.recordOffset, byteLength: at.recordLength };
  return undefined;
}

function result(f: Finding, ruleIndex: number, artifactIndex: ReadonlyMap<string, number>, fingerprint: string | undefined): Record<string, unknown> {
  const src = f.at.source;
  const index = artifactIndex.get(src.file);
  const where = region(f.at);
  const physicalLocation = {
    artifactLocation: { uri: fileUri(src.file), ...(index !== undefined ? { index } : {}) },
    ...(where !== undefined ? { region: where } : {}),
  };
  const message = f.at.index === undefined ? NO_MESSAGE : `${f.at.type} #${f.at.index}`;
  const parts = [...(f.at.session !== undefined ? [`session ${f.at.session}`] : []), ...(src.frame !== undefined ? [`frame ${src.frame}`] : []), message];
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation,
        logicalLocations: [{ name: message, fullyQualifiedName: parts.join(' / '), kind: 'message' }],
      },
    ],
    ...(fingerprint !== undefined ? { partialFingerprints: { [FINGERPRINT_KEY]: fingerprint } } : {}),
    properties: {
      ...(f.at.index !== undefined ? { index: f.at.index, messageType: f.at.type } : {}),
      ...(f.at.session !== undefined ? { session: f.at.session } : {}),
      ...(src.frame !== undefined ? { frame: src.frame } : {}),
      ...(f.call !== undefined ? { callId: f.call } : {}),
    },
  };
}

/**
 * The run's invocation: not successful when an input could not be read (exit code 2; SARIF
 * 2.1.0, 3.20.14: a run that found results is still successful), each such input an error
 * notification.
 */
function invocation(unreadable: readonly string[], notListed: number): Record<string, unknown> {
  const notifications = [
    ...unreadable.map((why) => ({ level: 'error', message: { text: `cannot read ${why}` }, descriptor: { id: 'INPUT-UNREADABLE' } })),
    ...(notListed > 0
      ? [
          {
            level: 'warning',
            message: { text: `${notListed} findings not listed: a run lists at most ${MAX_SARIF_RESULTS} results (GitHub code scanning rejects more), the most severe; the JSON report lists every finding kept` },
            descriptor: { id: 'RESULTS-NOT-LISTED' },
          },
        ]
      : []),
  ];
  return { executionSuccessful: unreadable.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) };
}

export function sarifLog(ctx: ReportContext): Record<string, unknown> {
  const ruleIndex = new Map(ctx.catalog.map((r, i) => [r.id, i]));
  const listed = listedFindings(ctx.result.findings);
  const notListed = ctx.result.findings.length - listed.length;
  const files = [...new Set([...ctx.inputs, ...listed.map((f) => f.at.source.file)])];
  const artifactIndex = new Map(files.map((file, i) => [file, i]));
  // Over every finding kept, listed or not: a result's fingerprint does not depend on the others listed.
  const fingerprints = findingFingerprints(ctx.result.findings);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ccxcti',
            fullName: 'ccxcti check (ccx-cti-analyzer)',
            version: ctx.toolVersion,
            semanticVersion: ctx.toolVersion,
            informationUri: INFORMATION_URI,
            rules: ctx.catalog.map((r) => descriptor(r, ctx)),
          },
        },
        invocations: [invocation(ctx.unreadable ?? [], notListed)],
        artifacts: files.map((file) => ({ location: { uri: fileUri(file) } })),
        results: listed.map((f) => result(f, ruleIndex.get(f.rule) ?? -1, artifactIndex, fingerprints.get(f))),
        properties: {
          messages: ctx.result.messages,
          sessions: ctx.result.sessions,
          errors: ctx.result.counts.errors,
          warnings: ctx.result.counts.warnings,
          infos: ctx.result.counts.infos,
          ...(ctx.result.omitted > 0 ? { omitted: ctx.result.omitted } : {}),
          ...(notListed > 0 ? { notListed } : {}),
        },
      },
    ],
  };
}

export function writeSarifReport(ctx: ReportContext): string {
  return `${jsonText(sarifLog(ctx), 2)}\n`;
}
