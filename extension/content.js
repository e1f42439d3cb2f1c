// The content script, injected by the service worker into the tab's isolated
// world once (chrome.scripting.executeScript). It only listens: on the first
// toggle it imports the extension's own module lens.js (a web-accessible
// resource, fetched from the extension's package, never from the network),
// which imports the embedding layer (lib/) and the wasm. The page's scripts
// cannot see or reach any of it, and the page's Content Security Policy does
// not govern the isolated world.
if (!globalThis.__newslensContent) {
  globalThis.__newslensContent = true;
  let lens = null;
  chrome.runtime.onMessage.addListener((message, _sender, reply) => {
    if (message?.type !== 'newslens:toggle') return false;
    lens ??= import(chrome.runtime.getURL('lens.js'));
    lens.then((m) => m.toggle()).then(reply, (error) => {
      lens = null;   // a failed import may succeed on the next click
      reply({ state: 'error', message: String(error?.message ?? error) });
    });
    return true;   // the reply comes asynchronously
  });
}
