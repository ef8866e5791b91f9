/**
 * The one place Ajv is set up: validators of the project's JSON Schemas (schemas/*.schema.json,
 * draft 2020-12, with the generator's `tsType` keyword and RFC 3339 date-times) and of the
 * OASIS SARIF 2.1.0 schema (draft-04, read in place, not part of the repository). The tests
 * (test/support/schema-validator.ts, test/check/) and the fuzzer (scripts/fuzz/) use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

const PROJECT_SCHEMAS = ['decoded-message.schema.json', 'decode-document.schema.json', 'check-report.schema.json', 'rule-catalog.schema.json'] as const;
export type ProjectSchema = (typeof PROJECT_SCHEMAS)[number];

/** The SARIF schema: $CCXCTI_SARIF_SCHEMA, else the shared directory next to the repository. */
export const SARIF_SCHEMA_PATH = process.env['CCXCTI_SARIF_SCHEMA'] ?? resolve(ROOT, '../shared/schemas/sarif-schema-2.1.0.json');
export const SARIF_SCHEMA_PRESENT = existsSync(SARIF_SCHEMA_PATH);

export interface ValidationOptions {
  /**
   * Every error of the data (true, the default: a test's failure shows them all) or the first
   * only (false: quicker, for property tests and the fuzzer, which validate thousands of values).
   * Which data validate is the same either way.
   */
  readonly allErrors?: boolean;
}

function readJson(path: string): object {
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

/** One Ajv per allErrors setting, each with every project schema. */
const project = new Map<boolean, Ajv2020>();

/**
 * The validator of schemas/<name>. Strict mode throws while compiling a schema with an unknown
 * keyword or format, a union type, an ambiguous tuple or a required property it does not define.
 */
export function schemaValidator(name: ProjectSchema, options: ValidationOptions = {}): ValidateFunction {
  const allErrors = options.allErrors ?? true;
  let ajv = project.get(allErrors);
  if (ajv === undefined) {
    ajv = new Ajv2020({ allErrors, strict: true });
    ajv.addKeyword('tsType');
    ajv.addFormat('date-time', RFC3339);
    for (const n of PROJECT_SCHEMAS) ajv.addSchema(readJson(`${ROOT}schemas/${n}`), n);
    project.set(allErrors, ajv);
  }
  const validate = ajv.getSchema(name);
  if (validate === undefined) throw new Error(`no schema ${name}`);
  return validate;
}

function messages(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Errors of `data` against schemas/<name> (empty when valid). */
export function schemaErrors(name: ProjectSchema, data: unknown, options: ValidationOptions = {}): string[] {
  const validate = schemaValidator(name, options);
  return validate(data) ? [] : messages(validate.errors);
}

let sarif: ValidateFunction | undefined;

/** Errors of `data` against the SARIF 2.1.0 schema (empty when valid); throws when the schema is not at hand (SARIF_SCHEMA_PRESENT). */
export function sarifErrors(data: unknown): string[] {
  if (sarif === undefined) {
    // The OASIS schema is not written for strict mode; its formats are checked loosely.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    ajv.addFormat('date-time', RFC3339);
    ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
    ajv.addFormat('uri-reference', /^\S*$/);
    sarif = ajv.compile(readJson(SARIF_SCHEMA_PATH));
  }
  return sarif(data) ? [] : messages(sarif.errors);
}
