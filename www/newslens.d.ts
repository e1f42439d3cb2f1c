// Types of www/newslens.js: those of the generated module in ./pkg/.
export * from './pkg/newslens.js';
export { default } from './pkg/newslens.js';
