// The wasm-bindgen module, at the path www/lib/ imports it from ('../newslens.js').
// In the npm package the generated newslens.js itself sits here, so lib/ is
// shipped unchanged; in www/ the generated files live in ./pkg/.
export * from './pkg/newslens.js';
export { default } from './pkg/newslens.js';
