// <news-lens>: defined on import. At the path the docs give (here in www/ and
// at the npm package's root as `newslens/news-lens`); the element is in lib/.
export * from './lib/news-lens.js';
