// The one file of the embedding layer that names the wasm-bindgen module.
// In www/ the generated files live in ./pkg/; where the layer is copied next
// to them (the npm package), this import becomes './newslens.js'.
export { default, extract } from './pkg/newslens.js';
