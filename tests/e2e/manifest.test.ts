/** The built manifests: minimal permissions, a strict CSP, closed to other extensions, and a Firefox sidebar. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/launch';

const firefoxDir = join(EXTENSION_DIR, '..', 'firefox-mv2');
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('Chrome and Edge manifest', () => {
  const m = read(EXTENSION_DIR);
  it('asks only for what it uses', () => {
    expect(m.permissions).toEqual(['storage', 'alarms', 'scripting', 'contextMenus', 'notifications', 'sidePanel']);
    expect(m.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toEqual({ ids: [] });
  });
  it('is not offered in private windows (PRIVACY.md says why)', () => {
    expect(m.incognito).toBe('not_allowed');
    if (existsSync(join(firefoxDir, 'manifest.json'))) expect(read(firefoxDir).incognito).toBe('not_allowed');
  });
  it('declares no content script: the background starts the reader once a page has loaded', () => {
    expect(m.content_scripts).toBeUndefined();
    expect(existsSync(join(EXTENSION_DIR, 'case-reader.js'))).toBe(true);
  });
  it('forbids network connections and plugins from its own pages', () => {
    const csp = (m.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("script-src 'self'");
  });
  it('offers a side panel and a managed policy schema', () => {
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(m.storage).toEqual({ managed_schema: 'managed-schema.json' });
    expect(existsSync(join(EXTENSION_DIR, 'managed-schema.json'))).toBe(true);
  });
});

describe('Firefox manifest', () => {
  it('keeps a sidebar with the same panel', () => {
    const m = read(firefoxDir);
    expect(m.manifest_version).toBe(2);
    expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(existsSync(join(firefoxDir, 'sidepanel.html'))).toBe(true);
    expect(String(m.content_security_policy)).toContain("connect-src 'none'");
    // Firefox starts the reader itself, in every frame of the demo case system.
    expect(m.content_scripts).toEqual([{ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['case-reader.js'], all_frames: true, run_at: 'document_idle' }]);
  });
});
