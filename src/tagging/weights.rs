//! Reading embedded weights in place, and what happens when they cannot be read.

/// A little-endian cursor over weight or lexicon bytes.
pub struct Reader<'a> {
    pub buf: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or("truncated")?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    /// Reads the 8-byte magic that names a file's format and version.
    pub fn magic(&mut self, magic: &[u8; 8], what: &str) -> Result<(), String> {
        if self.bytes(8).ok() != Some(&magic[..]) {
            return Err(format!(
                "not a {what} file ({})",
                String::from_utf8_lossy(magic)
            ));
        }
        Ok(())
    }

    pub fn u8(&mut self) -> Result<u8, String> {
        Ok(self.bytes(1)?[0])
    }

    pub fn u16(&mut self) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.bytes(2)?.try_into().unwrap()))
    }

    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.bytes(4)?.try_into().unwrap()))
    }

    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.bytes(4)?.try_into().unwrap()))
    }
}

/// An embedded model, read: a model that cannot be read is a broken build,
/// so this stops with a message naming it (a panic, which the JavaScript API
/// reports as an error) rather than analysing with no model.
pub fn embedded<T>(what: &str, read: Result<T, String>) -> T {
    read.unwrap_or_else(|e| panic!("the embedded {what} cannot be read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_checks_lengths_and_magic() {
        let mut r = Reader::new(b"NLTEST01\x01\x02\x00");
        assert!(r.magic(b"NLTEST01", "test").is_ok());
        assert_eq!(r.u16(), Ok(0x0201));
        assert_eq!(r.u16(), Err("truncated".into()));
        let mut r = Reader::new(b"NLOTHER1");
        assert!(r
            .magic(b"NLTEST01", "test")
            .unwrap_err()
            .contains("NLTEST01"));
    }

    #[test]
    #[should_panic(expected = "the embedded test model cannot be read: truncated")]
    fn an_unreadable_model_stops_with_its_name() {
        embedded::<()>("test model", Err("truncated".into()));
    }
}
