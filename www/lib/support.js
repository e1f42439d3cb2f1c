// What a failure to load the analyser means. The module is built with
// WebAssembly SIMD (Chrome 91, Firefox 89, Safari 16.4, Node 16.4 and later);
// an engine without it rejects the module with a compile error that names an
// opcode, so a failed load is checked against a minimal SIMD module and, when
// that is what is missing, explained in words.

// (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/** Whether this engine has WebAssembly with SIMD (`validate` is for tests). */
export function hasWasmSimd(validate = (bytes) => WebAssembly.validate(bytes)) {
  try {
    return validate(SIMD_PROBE) === true;
  } catch {
    return false;
  }
}

/** The message for an error thrown while loading the analyser. */
export function explainLoadError(err, validate) {
  const message = String(err?.message ?? err);
  if (typeof WebAssembly !== 'object' || WebAssembly === null) {
    return `this browser has no WebAssembly, which newslens needs (${message})`;
  }
  if (!hasWasmSimd(validate)) {
    return 'this browser\'s WebAssembly has no SIMD, which newslens needs '
      + `(Chrome or Edge 91+, Firefox 89+, Safari 16.4+; ${message})`;
  }
  return message;
}
