import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The demo case system runs on 127.0.0.1. Only the demo build (`wxt build --mode demo`,
// `npm run build:demo`: the demo, the end-to-end tests and the benchmarks) may read there;
// the production build (`npm run build`) has no host access at all until a council's origin
// is set in the options page or by policy and the browser grants it (optional host access).
export const DEMO_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];
export const DEMO_MODE = 'demo';
// A council's own case system: asked for at run time, for exactly the origins set in
// the options page or by policy, never all sites at install.
const COUNCIL_ORIGINS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  // Every `import { browser } from 'wxt/browser'` is Mozilla's webextension-polyfill: one
  // promise-based `browser` in Chrome, Edge and Firefox alike.
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  srcDir: '.',
  // AC_OUT_DIR lets parallel builds (several developers' test runs) keep apart.
  outDir: process.env.AC_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: 'Assessment Companion',
    description:
      'Checks a Single Assessment against your council’s procedure while you record it: missing steps, practice prompts and working-day deadlines.',
    // contextMenus: "Open the caseload" on the toolbar button; notifications: the opt-in daily nudge.
    permissions: ['storage', 'alarms', 'scripting', 'contextMenus', 'notifications'],
    // Case work never happens in a private window; there the extension is not offered (PRIVACY.md).
    incognito: 'not_allowed',
    ...(mode === DEMO_MODE ? { host_permissions: DEMO_ORIGINS } : {}),
    ...(browser === 'firefox'
      ? {
          optional_permissions: COUNCIL_ORIGINS,
          // Firefox starts the page reader (entrypoints/case-reader.ts) itself: declared here for
          // the demo case system in the demo build; a council's own origins are registered once
          // access is granted.
          ...(mode === DEMO_MODE
            ? { content_scripts: [{ matches: DEMO_ORIGINS, js: ['case-reader.js'], all_frames: true, run_at: 'document_idle' }] }
            : {}),
          // Firefox needs a fixed id for managed storage and for installing by policy.
          browser_specific_settings: { gecko: { id: 'assessment-companion@councils.example', strict_min_version: '115.0' } },
        }
      : {
          optional_host_permissions: COUNCIL_ORIGINS,
          // Chrome and Edge: no content script in the manifest. The browser holds a page's load
          // event for a declared one; the background starts the reader once the page has
          // loaded instead (lib/background/inject.ts).
          // No other extension or web page may message us.
          externally_connectable: { ids: [] },
        }),
    storage: { managed_schema: 'managed-schema.json' },
    action: { default_title: 'Open Assessment Companion' },
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  }),
});
