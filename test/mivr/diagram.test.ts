/** grammar/diagram.html must be what the grammar generates now. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_FILE, generateDiagramHtml } from '../../grammar/diagram.js';

const stored = fileURLToPath(new URL(`../../${DIAGRAM_FILE}`, import.meta.url));

describe('railroad diagram', () => {
  it('grammar/diagram.html is up to date (regenerate: npx tsc -p tsconfig.json && node dist/grammar/write-diagram.js)', () => {
    expect(readFileSync(stored, 'utf8') === generateDiagramHtml()).toBe(true);
  });

  it('shows every rule of the grammar', () => {
    const html = generateDiagramHtml();
    for (const rule of ['textTraces', 'flowBlock', 'bracedBody', 'pairList', 'lowLevelTrace', 'dumpSection', 'dumpRow']) {
      expect(html).toContain(`"name": "${rule}"`);
    }
  });
});

describe('write-diagram', () => {
  it('writes the generated diagram where it is told and finds the project root', async () => {
    const { mkdtempSync, readFileSync: read, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { writeDiagram, findProjectRoot } = await import('../../grammar/write-diagram.js');
    const dir = mkdtempSync(join(tmpdir(), 'diagram-'));
    try {
      const out = writeDiagram(join(dir, 'd.html'));
      expect(read(out, 'utf8')).toBe(generateDiagramHtml());
      expect(findProjectRoot(fileURLToPath(new URL('.', import.meta.url)))).toBe(fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, ''));
      expect(() => findProjectRoot(dir)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
