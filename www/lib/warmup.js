// The first extract() pays a one-time cost (tables and model built on first use).
// The embedding layer pays it right after loading the wasm, with a short text
// that takes every path, so that the first real article is analysed at full speed.
export const WARM_UP = 'Leaders meet in Geneva\n\nBy Ana Silva, Reuters\n\nGENEVA (Reuters) - French President '
  + 'Emmanuel Macron told the United Nations on Monday that the EU would pay $2 billion. "We will act," he said. '
  + 'NATO officials said the talks, which began in 2024, were 40% complete.';
