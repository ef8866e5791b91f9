/** Ajv validators for the project's JSON Schemas (draft 2020-12). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function schema(name: string): object {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../schemas/${name}`, import.meta.url)), 'utf8')) as object;
}

let ajv: Ajv2020 | undefined;

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: false, strict: true, strictTypes: false, strictTuples: false });
    ajv.addKeyword('tsType');
    ajv.addFormat('date-time', RFC3339);
    for (const name of ['decoded-message.schema.json', 'decode-document.schema.json']) ajv.addSchema(schema(name), name);
  }
  return ajv;
}

export function validator(name: string): ValidateFunction {
  const fn = instance().getSchema(name);
  if (!fn) throw new Error(`no schema ${name}`);
  return fn;
}

/** Throws with ajv's errors when `data` does not validate. */
export function assertValid(name: string, data: unknown): void {
  const validate = validator(name);
  if (!validate(data)) {
    throw new Error(`${name}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}\nfor ${JSON.stringify(data).slice(0, 600)}`);
  }
}
