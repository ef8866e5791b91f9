/**
 * `ccxcti check` as a CI pipeline uses it (docs/test-gaps.md, eleventh round): what a SARIF
 * consumer reads from the report's URIs, the run's success and its size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileUri } from '../../src/check/report/sarif.js';

/** Where a SARIF consumer finds the artifact of `uri` when the report is read at `base`. */
function resolvedPath(uri: string, base: string): string {
  return decodeURIComponent(new URL(uri, base).pathname);
}

const BASE = 'https://ci.example/checkout/';

describe('SARIF artifact URIs', () => {
  it('a relative file name whose first segment holds a colon stays a relative reference', () => {
    // tcpdump -w "cti-$(date -Iseconds).pcap": the name parsed as a URI of scheme `cti-2026-11-24t13`.
    for (const name of ['cti-2026-11-24T13:04:05+00:00.pcap', 'a:b/c.pcap', 'C:relative.pcap']) {
      const uri = fileUri(name);
      expect(() => new URL(uri), uri).toThrow();
      expect(resolvedPath(uri, BASE)).toBe(`/checkout/${name}`);
    }
    // A colon after the first segment was always fine.
    expect(fileUri('captures/a:b.pcap')).toBe('captures/a:b.pcap');
  });

  it('any relative file name resolves to itself below the base', () => {
    const char = fc.constantFrom(...'aZ09 :%#?[]@!$&\'()*+,;=-_~.é€😀'.match(/./gu)!);
    const segment = fc
      .array(char, { minLength: 1, maxLength: 8 })
      .map((cs) => cs.join(''))
      .filter((s) => s !== '.' && s !== '..');
    const relative = fc
      .array(segment, { minLength: 1, maxLength: 3 })
      .map((ss) => ss.join('/'))
      .filter((p) => p !== '-' && !/^[A-Za-z]:\//.test(p)); // '-' is stdin; C:/… a Windows path
    fc.assert(
      fc.property(relative, (name) => {
        const uri = fileUri(name);
        expect(resolvedPath(uri, BASE)).toBe(`/checkout/${name}`);
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});
