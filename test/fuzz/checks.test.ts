/**
 * The fuzzer's checks of decode --format json's diagnostics and sessions and of `ccxcti hex`'s
 * usage error report what they look for. The tool leaks nothing there, so each case makes it
 * leak (a module of src/ wrapped, switched on for that case only) and the same input passes
 * when it is off.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execute } from '../../scripts/fuzz/execute.js';
import { generate, loadCorpus, type FuzzInput } from '../../scripts/fuzz/inputs.js';
import { ROOT } from '../../scripts/schemas.js';

/** ClientPassword of the samples' wallboard OPEN_REQ ("bridge-secret"), as --show-secrets prints it. */
const PASSWORD = '6272696467652d736563726574';

/** What the wrapped modules break while a case runs. */
const broken = vi.hoisted(() => ({ what: undefined as 'diagnostics' | 'sessions' | 'escape' | 'quote' | undefined }));

vi.mock('../../src/pipeline/message-json.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/pipeline/message-json.js')>();
  return {
    ...actual,
    inputDiagnosticJson: (...a: Parameters<typeof actual.inputDiagnosticJson>) => {
      const json = actual.inputDiagnosticJson(...a);
      return broken.what === 'diagnostics' ? { ...json, message: `${String(json['message'])} (password bridge-secret)` } : json;
    },
    sessionJson: (...a: Parameters<typeof actual.sessionJson>) => {
      const json = actual.sessionJson(...a);
      return broken.what === 'sessions' ? { ...json, file: `${String(json['file'])} bridge-secret` } : json;
    },
  };
});

vi.mock('../../src/render/escape.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/render/escape.js')>();
  return { ...actual, escapeForTerminal: (text: string) => (broken.what === 'escape' ? text : actual.escapeForTerminal(text)) };
});

vi.mock('../../src/hexinput/parse-hex.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/hexinput/parse-hex.js')>();
  return {
    ...actual,
    parseHexInput: (text: string) => {
      const parsed = actual.parseHexInput(text);
      return broken.what === 'quote' && !parsed.ok ? { ok: false as const, error: `${parsed.error} in ${JSON.stringify(text)}` } : parsed;
    },
  };
});

afterEach(() => {
  broken.what = undefined;
});

/** The samples' capture with its last packet cut short: sessions with passwords, and an input diagnostic (CAPTURE_TRUNCATED). */
function truncatedCapture(): FuzzInput {
  const bytes = readFileSync(`${ROOT}samples/cti-sessions.pcap`);
  return { target: 'capture', files: [{ name: 'input.pcap', bytes: bytes.subarray(0, bytes.length - 10) }], mutations: [] };
}

describe('decode --format json: diagnostics and sessions searched for secrets', () => {
  it('passes the capture as the tool decodes it', async () => {
    expect(await execute(truncatedCapture(), true)).toBeUndefined();
  }, 60_000);

  for (const what of ['diagnostics', 'sessions'] as const) {
    it(`reports a password in the document's ${what}`, async () => {
      broken.what = what;
      const failure = await execute(truncatedCapture(), true);
      expect(failure?.signature).toBe('secret: leak in decode json diagnostics and sessions');
      expect(failure?.detail).toContain('"bridge-secret"');
    }, 60_000);
  }
});

describe('ccxcti hex: the usage error', () => {
  const rejected = (hexText: string, secrets?: string[]): FuzzInput => ({ target: 'hex', files: [], hexText, mutations: [], ...(secrets ? { secrets } : {}) });

  it('reports a raw control character on stderr', async () => {
    const input = rejected('00 11 \u202e zz');
    expect(await execute(input, false)).toBeUndefined();
    broken.what = 'escape';
    expect((await execute(input, false))?.signature).toBe('control: hex usage error stderr U+202e');
  });

  it('reports a secret of the messages the text was made from', async () => {
    const input = rejected(`0000001a00000003 ${PASSWORD} zz`, [PASSWORD]);
    expect(await execute(input, false)).toBeUndefined();
    broken.what = 'quote';
    const failure = await execute(input, false);
    expect(failure?.signature).toBe('secret: leak in hex usage error stderr');
    expect(failure?.detail).toContain(PASSWORD);
    // the same error is no leak when the text was not made from that password
    expect(await execute(rejected(input.hexText!), false)).toBeUndefined();
  });

  it('knows the secrets of the messages a hex input is made from', () => {
    const corpus = loadCorpus(ROOT);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) for (const s of generate(corpus, 'hex', 20261124, i).secrets ?? []) seen.add(s);
    // the capture samples' two passwords ("bridge-secret", "ciscocisco"), and nothing else
    expect([...seen].sort()).toEqual([PASSWORD, '636973636f636973636f']);
  });
});
