//! What can go wrong in an import: errors that stop it, and warnings about what it kept.

use std::fmt;

/// Largest input accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Why an input could not be imported. The `Display` text names the place (byte offset or
/// line) and the reason; the caller adds the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// The input has no text.
    Empty,
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize },
    /// The input is not UTF-8; `offset` is the first bad byte, `line` its line (1-based).
    NotUtf8 { offset: usize, line: usize },
    /// The input is binary: NUL bytes or a high share of control bytes.
    Binary { offset: usize },
    /// `--encoding` names no encoding this importer knows.
    UnknownEncoding { name: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the input is empty: there is no text to import"),
            ImportError::TooLarge { bytes } => write!(
                f,
                "the input is {bytes} bytes, more than the limit of {MAX_INPUT_BYTES} bytes"
            ),
            ImportError::NotUtf8 { offset, line } => write!(
                f,
                "line {line}, byte offset {offset}: the input is not valid UTF-8, and it reads \
                 cleanly in no legacy encoding either (pass its encoding with --encoding, such \
                 as gb18030 or windows-1252)"
            ),
            ImportError::Binary { offset } => write!(
                f,
                "byte offset {offset}: the input looks like binary data (NUL or many control bytes), not text"
            ),
            ImportError::UnknownEncoding { name } => write!(
                f,
                "unknown encoding {name:?}: try utf-8, gb18030, gbk, big5, shift_jis, \
                 windows-1252, utf-16le"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Something the importer kept but wants a person to know, with its line (1-based) when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
