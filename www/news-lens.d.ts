export * from './lib/news-lens.js';
