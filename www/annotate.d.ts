export * from './lib/annotate.js';
