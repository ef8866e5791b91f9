/**
 * ccx-cti-analyzer as a library: the message table, the codec, the readers and the checker.
 * Its declarations use Node's types (Buffer, Readable): the directive below keeps the reference
 * to them in index.d.ts, so a program compiled without them in its `types` still finds them
 * (@types/node is a dependency of the package for that reason).
 */
/// <reference types="node" preserve="true" />
export { decode, fastPathTakes, type DecodeOptions, type DecodedMessage, type FieldRecord, type FieldValue, type NamedArrayValue, type NamedVariableValue, type ExtraField, type ByteRange } from './protocol/codec/decode.js';
export { encode, EncodeError, type EncodableMessage } from './protocol/codec/encode.js';
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Severity } from './protocol/codec/diagnostics.js';
export type { Label, PrimaryActual } from './protocol/codec/labels.js';
export { HEADER_LENGTH, MAX_PLAUSIBLE_BODY, REDACTED } from './protocol/codec/framing.js';
export { MESSAGE_DEFS, UNDEFINED_MESSAGE_DEFS, messageDefById, messageDefByName, messageTypeName } from './protocol/messages/index.js';
export { CONSTANT_TABLES, constantTable, SPECIAL_VALUES } from './protocol/constants.js';
export { FIELD_IDS, fieldIdName } from './protocol/field-ids.js';
export { OUTBOUND_VARIABLES, BA_RESPONSE_VALUES, interpretOutboundVariable, matchBAResponse } from './protocol/outbound.js';
export type * from './protocol/types.js';
export { parseHexInput, type HexInput } from './hexinput/parse-hex.js';
export { decodeText, readText, TextRead, type TextMessage, type TextDecodeOptions, type TextDecodeResult } from './protocol/codec/from-text.js';
export { openTimeline, UnreadableInputError, type OpenTimeline } from './pipeline/open-timeline.js';
export { openInput, type OpenedInput, type InputKind } from './pipeline/open-input.js';
export { captureSource, ringSetSource, type CaptureTimelineSource, type CaptureFilesSource } from './pipeline/capture-source.js';
export { groupRingSets, ringName, type InputGroup, type RingSet, type SingleInput, type MissingFiles, type RingName } from './pipeline/ring-set.js';
export { logSource } from './pipeline/log-source.js';
export type * from './timeline/types.js';
export { instantToIso, type Instant } from './timeline/instant.js';
export type { DecodedMessage as CtiMessage } from '../schemas/decoded-message.js';
export type { DecodeDocument } from '../schemas/decode-document.js';
export { Checker, checkTimeline, type CheckerOptions, type CheckResult } from './check/checker.js';
export { RULE_CATALOG, ruleById } from './check/catalog.js';
export type { Finding } from './check/findings.js';
export type { FindingPlace, InputPlace, MessageRef, RuleCategory, RuleMeta } from './check/rule.js';
export type { RuleLevel } from './check/severity.js';
export { resolveLevels, parseRuleOption, settingsFromJson, SettingsError, type RuleSetting, type CheckSettings } from './check/settings.js';
export type { ReportContext } from './check/report/context.js';
export { checkReportJson } from './check/report/json.js';
export { sarifLog } from './check/report/sarif.js';
export { writeHtmlReport } from './check/report/html.js';
export { compileFilter, describeFilterError, PSEUDO_FIELDS, type MessageFilter } from './filter/message-filter.js';
export { FilterError, parseFilter, type FilterNode } from './filter/filter-syntax.js';
export type { CheckReport } from '../schemas/check-report.js';
export type { RuleCatalog } from '../schemas/rule-catalog.js';
export * from './mivr/index.js';
export * from './capture/index.js';
