// The embedding layer imported as plain ES modules by a Vite app. The wasm is
// referenced with new URL(…, import.meta.url), which Vite emits as a hashed asset.
import { annotate } from '../../www/annotate.js';
import '../../www/news-lens.js';

const wasmUrl = new URL('../../www/pkg/newslens_bg.wasm', import.meta.url);

document.querySelector('news-lens').addEventListener('newslens:annotated', () => {
  window.__lensDone = true;
});

(async () => {
  const article = document.getElementById('story');
  const html = article.innerHTML;
  const text = article.textContent;
  try {
    const handle = await annotate(article, { wasmUrl });
    const result = {
      marks: handle.marks.length,
      mode: handle.timings.mode,
      sameText: article.textContent === text,
      wasmUrl: String(wasmUrl),
    };
    handle.remove();
    result.restored = article.innerHTML === html;
    await annotate(article, { wasmUrl });   // leave it annotated for a look
    window.__fixture = result;
  } catch (err) {
    window.__fixture = { error: String(err?.stack ?? err) };
  }
})();
