//! The lookup form of a country name. A file of its own because the build
//! script (`build.rs`) uses it too, to key the table at compile time.

/// The lookup form of a name: lowercase, without dots, a leading "the" or a possessive.
pub fn key(name: &str) -> String {
    // One pass, one allocation: this runs for every name looked up.
    let mut k = String::with_capacity(name.len());
    if name.is_ascii() {
        // Most names (and every table entry): bytes, no char decoding.
        ascii_key_bytes(name, |b| k.push(b as char));
    } else {
        for w in name.split_whitespace() {
            if !k.is_empty() {
                k.push(' ');
            }
            for c in w.chars().filter(|&c| c != '.') {
                k.extend(c.to_lowercase());
            }
        }
    }
    for suffix in ["'s", "’s", "'", "’"] {
        if k.ends_with(suffix) {
            k.truncate(k.len() - suffix.len());
            k.truncate(k.trim_end().len());
            break;
        }
    }
    if k.starts_with("the ") {
        k.drain(..4);
    }
    k
}

/// Hands `push` each byte of an ASCII name's key before its possessive and
/// "the" go: lower case, words joined by one space, dots dropped. [`key`]
/// collects them in a string, the country table's look-up on the stack.
pub fn ascii_key_bytes(name: &str, mut push: impl FnMut(u8)) {
    let (mut any, mut in_word) = (false, false);
    for b in name.bytes() {
        if b.is_ascii_whitespace() || b == 0x0b {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            if any {
                push(b' ');
            }
        }
        if b != b'.' {
            push(b.to_ascii_lowercase());
            any = true;
        }
    }
}
