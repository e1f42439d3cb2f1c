//! Any bytes through the CoNLL reader and the tagger: errors are values, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in newslens::conll::Documents::new(data) {
        let Ok(doc) = doc else { break };
        let words: Vec<Vec<&str>> = doc.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        let tags = newslens::ner::tag_document(&words);
        assert_eq!(tags.len(), words.len());
    }
});
