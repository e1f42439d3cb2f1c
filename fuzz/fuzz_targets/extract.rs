//! Any bytes, read as lossy UTF-8, through the whole analysis: no panic, and
//! every span on character boundaries and equal to the text it points at.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = newslens::extract(&text);
    let check = |s: usize, e: usize, t: &str| {
        assert!(s <= e && text.is_char_boundary(s) && text.is_char_boundary(e));
        assert_eq!(&text[s..e], t);
    };
    for m in &a.mentions {
        check(m.start, m.end, &m.text);
        assert!(m.entity.is_none_or(|e| e < a.entities.len()));
    }
    for s in &a.sentences {
        check(s.start, s.end, &s.text);
    }
    for q in &a.quotes {
        check(q.start, q.end, &q.text);
        if let Some(sp) = &q.speaker {
            check(sp.start, sp.end, &sp.text);
        }
    }
    let _ = a.into_utf16(&text);
});
