/** Validators for the check report schemas (draft 2020-12) and the official SARIF 2.1.0 schema (draft-04). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';

/** The CommonJS module's class (its `default`, whichever way the loader hands the module over). */
const Ajv04 = AjvDraft04.default;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The SARIF schema, read in place from the shared directory next to the repository. */
export const SARIF_SCHEMA_PATH = fileURLToPath(new URL('../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url));
export const SARIF_SCHEMA_PRESENT = existsSync(SARIF_SCHEMA_PATH);

function readJson(path: string): object {
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

let ajv2020: Ajv2020 | undefined;

/** Errors of `data` against schemas/<name> (empty when valid). */
export function schemaErrors(name: 'check-report.schema.json' | 'rule-catalog.schema.json', data: unknown): string[] {
  if (!ajv2020) {
    ajv2020 = new Ajv2020({ allErrors: true, strict: true });
    for (const n of ['check-report.schema.json', 'rule-catalog.schema.json']) ajv2020.addSchema(readJson(fileURLToPath(new URL(`../../schemas/${n}`, import.meta.url))), n);
  }
  const validate = ajv2020.getSchema(name);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate(data) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`);
}

let sarif: ValidateFunction | undefined;

/** Errors of `data` against the OASIS SARIF 2.1.0 schema (empty when valid). */
export function sarifErrors(data: unknown): string[] {
  if (!sarif) {
    const ajv = new Ajv04({ allErrors: true, strict: false });
    ajv.addFormat('date-time', RFC3339);
    ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
    ajv.addFormat('uri-reference', /^\S*$/);
    sarif = ajv.compile(readJson(SARIF_SCHEMA_PATH));
  }
  return sarif(data) ? [] : (sarif.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`);
}
