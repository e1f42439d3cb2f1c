// annotate(): the embedding layer's entry point, at the path the docs give
// (here in www/ and at the npm package's root as `newslens/annotate`). The
// layer itself is in lib/.
export * from './lib/annotate.js';
