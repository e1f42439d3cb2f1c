// The extension's service worker: the toolbar button and its keyboard
// shortcut (the `_execute_action` command, which fires action.onClicked)
// toggle newslens in the tab; and the analyser. activeTab grants it the tab
// for this one gesture, chrome.scripting injects the content script once,
// and the content script marks the page and shows the panel in the page's
// isolated world. The wasm runs here, under the extension's own CSP
// ('wasm-unsafe-eval'): in the isolated world a page's CSP without it stops
// WebAssembly (see docs/extension.md). The content script sends the page's
// HTML here and gets the article and its analysis back; nothing else is
// sent anywhere.
//
// globalThis.newslens.toggle(tabId) is the same action for automated tests
// (tests/browser/extension.test.mjs), which run the test build that may
// reach http://127.0.0.1/* without a click.

// Static imports: import() is not allowed in a service worker.
import * as wasm from './newslens.js';
import { mainThreadEngine } from './lib/engine.js';

const CONTENT_SCRIPT = 'content.js';

let engine = null;
/** The analyser, loaded on the first request (again after a failed load). */
function analyser() {
  if (!engine) {
    engine = mainThreadEngine(wasm);
    engine.ready.catch(() => { engine = null; });
  }
  return engine;
}

/** The content script's requests: the engine API (lib/engine.js), one message per call. */
const REQUESTS = {
  'newslens:ready': (e) => e.ready,
  'newslens:extract': (e, m) => e.extract(String(m.text)),
  'newslens:find': (e, m) => e.findArticle(String(m.html), m.known == null ? undefined : String(m.known)),
};

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message?.type === 'newslens:closed' && sender.id === chrome.runtime.id && sender.tab?.id != null) {
    chrome.action.setBadgeText({ tabId: sender.tab.id, text: '' });   // closed from the panel
    return false;
  }
  const request = REQUESTS[message?.type];
  if (!request || sender.id !== chrome.runtime.id) return false;
  Promise.resolve()
    .then(() => request(analyser(), message))
    .then(reply, (error) => reply({ error: String(error?.message ?? error) }));
  return true;   // the reply comes asynchronously
});

/** Whether the content script already listens in the tab's isolated world. */
async function injected(tabId) {
  const [first] = await chrome.scripting.executeScript({
    target: { tabId },
    func: () => globalThis.__newslensContent === true,
  });
  return first?.result === true;
}

/**
 * Turns newslens on in the tab (find the article, mark it, open the panel) or
 * off (everything removed). Resolves to what the content script reports:
 * { state: 'on' | 'off' | 'no-article' | 'error', marks, entities, quotes, message }.
 */
async function toggle(tabId) {
  if (!(await injected(tabId))) {
    await chrome.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  }
  const report = await chrome.tabs.sendMessage(tabId, { type: 'newslens:toggle' });
  await chrome.action.setBadgeText({ tabId, text: report?.state === 'on' ? 'on' : '' });
  return report;
}

chrome.action.onClicked.addListener((tab) => {
  if (tab.id == null) return;
  // A page the extension may not script (the browser's own pages, the web store) says so on the button.
  toggle(tab.id).catch((error) => chrome.action.setTitle({
    tabId: tab.id, title: `newslens cannot read this page: ${error?.message ?? error}`,
  }));
});

globalThis.newslens = { toggle };
