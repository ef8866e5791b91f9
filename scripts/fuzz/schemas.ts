/** Validators of the project's JSON Schemas (and the SARIF 2.1.0 schema, when it is at hand) for the fuzzer. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';

/** The repository (with a trailing slash): the nearest directory above this file with a package.json, from scripts/ or dist/scripts/. */
export const ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(`${dir}/package.json`) && dirname(dir) !== dir) dir = dirname(dir);
  return `${dir}/`;
})();

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const PROJECT = ['decoded-message.schema.json', 'decode-document.schema.json', 'check-report.schema.json'] as const;

/** The SARIF schema: $CCXCTI_SARIF_SCHEMA, else the shared directory next to the repository. */
const SARIF = process.env['CCXCTI_SARIF_SCHEMA'] ?? `${ROOT}../shared/schemas/sarif-schema-2.1.0.json`;

let ajv: Ajv2020 | undefined;
let sarif: ValidateFunction | null | undefined;

function readJson(path: string): object {
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

function sarifValidator(): ValidateFunction | null {
  if (sarif === undefined) {
    if (!existsSync(SARIF)) sarif = null;
    else {
      const a = new AjvDraft04.default({ allErrors: true, strict: false });
      a.addFormat('date-time', RFC3339);
      a.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
      a.addFormat('uri-reference', /^\S*$/);
      sarif = a.compile(readJson(SARIF));
    }
  }
  return sarif;
}

/** Errors of `data` against the schema (empty when valid, or when the SARIF schema is not at hand). */
export function schemaErrors(name: (typeof PROJECT)[number] | 'sarif', data: unknown): string[] {
  let validate: ValidateFunction | null | undefined;
  if (name === 'sarif') validate = sarifValidator();
  else {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: false, strict: true, strictTypes: false, strictTuples: false });
      ajv.addKeyword('tsType');
      ajv.addFormat('date-time', RFC3339);
      for (const n of PROJECT) ajv.addSchema(readJson(`${ROOT}schemas/${n}`), n);
    }
    validate = ajv.getSchema(name);
  }
  if (!validate) return [];
  return validate(data) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`);
}
