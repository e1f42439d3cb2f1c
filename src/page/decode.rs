//! From a page's bytes to text, for the command line (a browser or the
//! JavaScript caller has already decoded the page).

use super::dom;

/// How far into the page a `<meta>` charset declaration is looked for. The
/// HTML standard's prescan reads 1,024 bytes; pages with long comments or
/// inline styles before the declaration are still read right with more.
const PRESCAN_BYTES: usize = 4096;

/// Decodes a page as a browser does: a byte order mark wins, then a
/// `<meta charset>` or `<meta http-equiv="Content-Type">` near the start;
/// without either, UTF-8 when the bytes are valid UTF-8 (what browsers'
/// detectors conclude), else windows-1252 (their default for Western
/// pages). Invalid sequences become U+FFFD; this never fails.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let enc = declared(bytes).unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            encoding_rs::UTF_8
        } else {
            encoding_rs::WINDOWS_1252
        }
    });
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding a `<meta>` element near the start declares. The prefix is
/// read as windows-1252 (every byte maps to a character, ASCII unchanged)
/// and parsed as HTML, so attributes are read as a browser reads them.
fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let text = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(head)
        .0;
    let tree = dom::parse(&text);
    let label = tree.preorder().into_iter().find_map(|id| {
        let e = tree.element(id).filter(|e| e.tag() == "meta")?;
        if let Some(c) = e.attr("charset") {
            return Some(c.trim().to_string());
        }
        let is_content_type = e
            .attr("http-equiv")
            .is_some_and(|h| h.trim().eq_ignore_ascii_case("content-type"));
        let content = e.attr("content").filter(|_| is_content_type)?;
        let lower = content.to_ascii_lowercase();
        let at = lower.find("charset")? + "charset".len();
        let value = lower[at..].trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace());
        Some(value[..end.unwrap_or(value.len())].to_string())
    })?;
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // The standard: a page that declares UTF-16 in ASCII is not UTF-16;
    // x-user-defined is read as windows-1252.
    Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else if enc == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            enc
        },
    )
}

#[cfg(test)]
mod tests {
    use super::decode_html;

    #[test]
    fn decodes_by_bom_then_meta_then_utf8_then_windows_1252() {
        // A BOM wins over the declaration.
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("<meta charset=latin1><p>caf\u{e9}".as_bytes());
        assert!(decode_html(&bom).ends_with("caf\u{e9}"));
        // <meta charset>, and the http-equiv form.
        let latin = b"<meta charset=\"iso-8859-1\"><p>caf\xe9";
        assert!(decode_html(latin).ends_with("caf\u{e9}"));
        let equiv = b"<meta http-equiv=Content-Type content='text/html; charset=windows-1251'><p>\xcf\xf0\xe8";
        assert!(decode_html(equiv).ends_with("\u{41f}\u{440}\u{438}"));
        // Undeclared: valid UTF-8 stays UTF-8, anything else is windows-1252.
        assert!(decode_html("<p>caf\u{e9} \u{2014}".as_bytes()).ends_with("caf\u{e9} \u{2014}"));
        assert!(decode_html(b"<p>caf\xe9 \x93q\x94").ends_with("caf\u{e9} \u{201c}q\u{201d}"));
    }
}
