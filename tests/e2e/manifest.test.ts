/**
 * The built manifests: minimal permissions, a strict CSP, closed to other extensions, and a
 * Firefox sidebar. The production builds (`npm run build`, `build:firefox`) have no host
 * access and no content script for localhost or 127.0.0.1; only the demo builds do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, FIREFOX_EXTENSION_DIR, PRODUCTION_EXTENSION_DIR, PRODUCTION_FIREFOX_EXTENSION_DIR } from '../../scripts/lib/launch';

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const DEMO_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];
/** Everything in a manifest that could reach a local address: host access and content-script matches. */
const localReach = (m: Record<string, unknown>) =>
  JSON.stringify([m.host_permissions, m.permissions, m.content_scripts]).match(/localhost|127\.0\.0\.1/g) ?? [];

describe('production builds: no demo origins', () => {
  it('Chrome and Edge: no host access at install, a council origin only when granted', () => {
    const m = read(PRODUCTION_EXTENSION_DIR);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.content_scripts).toBeUndefined();
    expect(localReach(m)).toEqual([]);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });
  it('Firefox: no host access and no declared content script', () => {
    const m = read(PRODUCTION_FIREFOX_EXTENSION_DIR);
    expect(localReach(m)).toEqual([]);
    expect(m.content_scripts).toBeUndefined();
    expect(m.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
  });
});

describe('demo builds: the demo case system on 127.0.0.1 and localhost', () => {
  it('Chrome: host access to the demo origins', () => {
    expect(read(EXTENSION_DIR).host_permissions).toEqual(DEMO_ORIGINS);
  });
  it('Firefox: host access and the reader declared there', () => {
    const m = read(FIREFOX_EXTENSION_DIR);
    expect(m.permissions).toEqual(expect.arrayContaining(DEMO_ORIGINS));
    expect(m.content_scripts).toEqual([{ matches: DEMO_ORIGINS, js: ['case-reader.js'], all_frames: true, run_at: 'document_idle' }]);
  });
});

describe('Chrome and Edge manifest', () => {
  const builds = [PRODUCTION_EXTENSION_DIR, EXTENSION_DIR].map(read);
  it('asks only for what it uses', () => {
    for (const m of builds) {
      expect(m.permissions).toEqual(['storage', 'alarms', 'scripting', 'contextMenus', 'notifications', 'sidePanel']);
      expect(JSON.stringify(m)).not.toContain('<all_urls>');
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.externally_connectable).toEqual({ ids: [] });
    }
  });
  it('is not offered in private windows (PRIVACY.md says why)', () => {
    for (const dir of [PRODUCTION_EXTENSION_DIR, EXTENSION_DIR, PRODUCTION_FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
      expect(read(dir).incognito).toBe('not_allowed');
    }
  });
  it('declares no content script: the background starts the reader once a page has loaded', () => {
    for (const [m, dir] of [[builds[0], PRODUCTION_EXTENSION_DIR], [builds[1], EXTENSION_DIR]] as const) {
      expect(m?.content_scripts).toBeUndefined();
      expect(existsSync(join(dir, 'case-reader.js'))).toBe(true);
    }
  });
  it('forbids network connections and plugins from its own pages', () => {
    for (const m of builds) {
      const csp = (m.content_security_policy as { extension_pages: string }).extension_pages;
      expect(csp).toContain("connect-src 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("script-src 'self'");
    }
  });
  it('offers a side panel and a managed policy schema', () => {
    for (const [m, dir] of [[builds[0], PRODUCTION_EXTENSION_DIR], [builds[1], EXTENSION_DIR]] as const) {
      expect(m?.side_panel).toEqual({ default_path: 'sidepanel.html' });
      expect(m?.storage).toEqual({ managed_schema: 'managed-schema.json' });
      expect(existsSync(join(dir, 'managed-schema.json'))).toBe(true);
    }
  });
});

describe('Firefox manifest', () => {
  it('keeps a sidebar with the same panel', () => {
    for (const dir of [PRODUCTION_FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
      const m = read(dir);
      expect(m.manifest_version).toBe(2);
      expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
      expect(existsSync(join(dir, 'sidepanel.html'))).toBe(true);
      expect(String(m.content_security_policy)).toContain("connect-src 'none'");
    }
  });
});
