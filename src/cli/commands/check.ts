/**
 * `ccxcti check <input...>`: the conformance report of captures and MIVR logs against the
 * guide's rules (src/check). Streams the timeline through the checker; exit 0 when no
 * finding is at or above `--fail-on`, 1 when one is, 2 for usage errors and unreadable inputs.
 */
import { RULE_CATALOG } from '../../check/catalog.js';
import { Checker } from '../../check/checker.js';
import { loadCheckConfig } from '../../check/config-file.js';
import { countAtOrAbove } from '../../check/findings.js';
import type { ReportContext } from '../../check/report/context.js';
import { ruleCatalogJson, writeRuleCatalogText } from '../../check/report/catalog.js';
import { writeHtmlReport } from '../../check/report/html.js';
import { writeJsonReport } from '../../check/report/json.js';
import { writeJunitReport } from '../../check/report/junit.js';
import { writeSarifReport } from '../../check/report/sarif.js';
import { writeTextReport } from '../../check/report/text.js';
import { parseFailOn, parseRuleOption, resolveLevels, SettingsError, type RuleSetting } from '../../check/settings.js';
import type { RuleLevel, Severity } from '../../check/severity.js';
import { openCommandTimeline, refuseOutputOverInput } from '../inputs.js';
import { openOutput, UsageError, type CliIo } from '../io.js';
import { formatOption, sourceOptions, type InputCommandOptions } from '../options.js';
import { packageVersion } from '../package-info.js';
import { escapeForTerminal } from '../../render/escape.js';

export interface CheckCommandOptions extends InputCommandOptions {
  readonly format?: string;
  readonly output?: string;
  readonly failOn?: string;
  readonly rule?: string[];
  readonly disable?: string[];
  readonly config?: string;
  readonly listRules?: boolean;
}

/** The report formats, each with its writer. */
const REPORT_WRITERS = { text: writeTextReport, json: writeJsonReport, junit: writeJunitReport, sarif: writeSarifReport, html: writeHtmlReport } as const;
const REPORT_FORMATS = Object.keys(REPORT_WRITERS) as Array<keyof typeof REPORT_WRITERS>;

interface Settings {
  readonly levels: Map<string, RuleLevel>;
  readonly failOn: Severity;
}

async function settingsOf(options: CheckCommandOptions, cwd: string): Promise<Settings> {
  try {
    const config = await loadCheckConfig(options.config, cwd);
    const cli: RuleSetting[] = [
      ...(options.rule ?? []).map((r) => parseRuleOption(r)),
      ...(options.disable ?? []).map((id): RuleSetting => ({ pattern: id.trim().toUpperCase(), level: 'off', origin: '--disable' })),
    ];
    const levels = resolveLevels(RULE_CATALOG, [...config.settings.rules, ...cli]);
    const failOn = options.failOn !== undefined ? parseFailOn(options.failOn) : (config.settings.failOn ?? 'error');
    return { levels, failOn };
  } catch (err) {
    if (err instanceof SettingsError) throw new UsageError(err.message);
    throw err;
  }
}

export async function checkCommand(inputs: readonly string[], options: CheckCommandOptions, io: CliIo, cwd: string = process.cwd()): Promise<number> {
  const settings = await settingsOf(options, cwd);
  if (options.listRules) {
    const format = formatOption(options.format, ['text', 'json'], 'text');
    const out = openOutput(io, options.output);
    out.write(format === 'json' ? `${JSON.stringify(ruleCatalogJson(RULE_CATALOG, settings.levels), null, 2)}\n` : writeRuleCatalogText(RULE_CATALOG, settings.levels));
    await out.close();
    return 0;
  }
  if (inputs.length === 0) throw new UsageError('check: give at least one input (a capture, a MIVR log, or - for stdin), or --list-rules');
  if (options.format !== undefined) formatOption(options.format, REPORT_FORMATS, 'text');
  // Reports never print secrets: --show-secrets is accepted (for symmetry with decode) and ignored.
  const source = { ...sourceOptions(options), showSecrets: false };
  const timeline = await openCommandTimeline(inputs, source, io);
  if (timeline === 2) return 2;
  refuseOutputOverInput(options.output, timeline.inputs.map((i) => i.name));
  const checker = new Checker({ levels: settings.levels });
  for await (const batch of timeline.batches) {
    for (let i = 0; i < batch.length; i++) checker.push(batch[i]!);
  }
  const result = checker.finish(timeline.sessions());
  const unreadable = timeline.unreadable();
  const ctx: ReportContext = { result, inputs, catalog: RULE_CATALOG, levels: settings.levels, failOn: settings.failOn, toolVersion: packageVersion(), unreadable };
  const out = openOutput(io, options.output);
  const format = formatOption(options.format, REPORT_FORMATS, out.terminal ? 'text' : 'json');
  out.write(REPORT_WRITERS[format](ctx));
  await out.close();
  for (const why of unreadable) io.stderr.write(`ccxcti: cannot read ${escapeForTerminal(why)}\n`);
  if (unreadable.length > 0) return 2;
  return countAtOrAbove(result.counts, settings.failOn) > 0 ? 1 : 0;
}
