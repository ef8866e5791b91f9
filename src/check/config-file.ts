/** Reading the check configuration file (`--config FILE`, or `.ccxcti.json` in the current directory). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SettingsError, settingsFromJson, type CheckSettings } from './settings.js';

/** The file picked up from the current directory when no `--config` is given. */
export const DEFAULT_CONFIG_FILE = '.ccxcti.json';

/**
 * The settings of `explicit`, else of `.ccxcti.json` in `cwd` when it exists, else none.
 * A missing explicit file, unreadable JSON or bad settings throw SettingsError.
 */
export async function loadCheckConfig(explicit: string | undefined, cwd: string): Promise<{ settings: CheckSettings; file?: string }> {
  const file = explicit ?? join(cwd, DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (explicit === undefined && code === 'ENOENT') return { settings: { rules: [] } };
    throw new SettingsError(`${file}: cannot read the configuration (${code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SettingsError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return { settings: settingsFromJson(json, file), file };
}
