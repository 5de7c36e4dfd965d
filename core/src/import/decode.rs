//! Bytes to text: the encoding (a BOM, an HTML `<meta charset>`, `--encoding`, else UTF-8),
//! line endings, and stray control characters, which are kept visible rather than refused.

use super::error::{ImportError, Warning, MAX_INPUT_BYTES};

/// Decoded text with what the decoder noticed.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The encoding the bytes were read in (WHATWG name, e.g. `UTF-8`, `gb18030`).
    pub encoding: String,
    pub warnings: Vec<Warning>,
}

/// Share of control bytes (other than tab, newline, carriage return and form feed) above which
/// an input is binary, checked on its first 64 KiB.
const BINARY_CONTROL_SHARE: f64 = 0.05;

/// Decodes bytes as UTF-8 text, accepting a BOM and CRLF line endings; stray control
/// characters become visible `[U+0005]` markers.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    decode_with(bytes, None, false).map(|d| d.text)
}

/// Decodes bytes: `encoding` is a label such as `gb18030` (`None`: detect), `html` lets a
/// `<meta charset>` in the first 4 KiB choose the encoding.
pub fn decode_with(
    bytes: &[u8],
    encoding: Option<&str>,
    html: bool,
) -> Result<Decoded, ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let (text, name, guessed) = to_unicode(bytes, encoding, html)?;
    let mut warnings = Vec::new();
    if let Some(line) = guessed {
        warnings.push(Warning {
            line: Some(line),
            message: format!(
                "the input is not UTF-8: read as {name}, the encoding its bytes look like \
                 (check the text; pass --encoding to read it in another)"
            ),
        });
    }
    let text = normalise(&text, &mut warnings);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: name,
        warnings,
    })
}

/// The text, the encoding's name, and, when nothing named the encoding and the bytes were not
/// UTF-8, the line of the first byte that was not (the encoding was guessed).
#[cfg(feature = "formats")]
fn to_unicode(
    bytes: &[u8],
    encoding: Option<&str>,
    html: bool,
) -> Result<(String, String, Option<usize>), ImportError> {
    let chosen = match encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                ImportError::UnknownEncoding {
                    name: label.to_string(),
                }
            })?,
        ),
        None => encoding_rs::Encoding::for_bom(bytes)
            .map(|(e, _)| e)
            .or_else(|| html.then(|| meta_charset(bytes)).flatten()),
    };
    let Some(enc) = chosen.filter(|e| *e != encoding_rs::UTF_8) else {
        return detected(bytes);
    };
    let is_utf16 = enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE;
    if !is_utf16 {
        check_binary(bytes)?;
    }
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors && encoding.is_none() {
        // A wrong <meta charset>: read as if none were given.
        return detected(bytes);
    }
    Ok((text.into_owned(), enc.name().to_string(), None))
}

/// Without the legacy encodings, only UTF-8.
#[cfg(not(feature = "formats"))]
fn to_unicode(
    bytes: &[u8],
    encoding: Option<&str>,
    _html: bool,
) -> Result<(String, String, Option<usize>), ImportError> {
    if let Some(label) = encoding {
        let l = label.trim().to_ascii_lowercase();
        if l != "utf-8" && l != "utf8" {
            return Err(ImportError::UnknownEncoding {
                name: label.to_string(),
            });
        }
    }
    utf8(bytes).map(|(t, n)| (t, n, None))
}

/// Bytes in no named encoding: UTF-8, else UTF-16 without its BOM (every other byte NUL in
/// ASCII text), else the legacy encoding they look like (chardetng, the detector of Firefox),
/// when they read in it without a single error and as text, not noise: CJK letters for the
/// CJK encodings, letters and common punctuation for the others. Else the UTF-8 error.
#[cfg(feature = "formats")]
fn detected(bytes: &[u8]) -> Result<(String, String, Option<usize>), ImportError> {
    if let Some(enc) = utf16_without_bom(bytes) {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            return Ok((text.into_owned(), enc.name().to_string(), Some(1)));
        }
    }
    let err = match utf8(bytes) {
        Ok((text, name)) => return Ok((text, name, None)),
        Err(e) => e,
    };
    let ImportError::NotUtf8 { line, .. } = err else {
        return Err(err);
    };
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) else {
        return Err(err);
    };
    if !reads_as_text(&text, enc) {
        return Err(err);
    }
    Ok((text.into_owned(), enc.name().to_string(), Some(line)))
}

/// Whether text decoded in a guessed encoding reads as text: its non-ASCII characters are
/// CJK letters and punctuation (for a CJK encoding, at least four of them), or letters and
/// common punctuation (for a single-byte one), never control characters.
#[cfg(feature = "formats")]
fn reads_as_text(text: &str, enc: &'static encoding_rs::Encoding) -> bool {
    let cjk = [
        encoding_rs::GBK,
        encoding_rs::GB18030,
        encoding_rs::BIG5,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::EUC_KR,
    ]
    .contains(&enc);
    let non_ascii: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    if non_ascii.iter().any(|c| c.is_control()) {
        return false;
    }
    if cjk {
        let letters = non_ascii
            .iter()
            .filter(|&&c| crate::text::is_cjk_letter(c))
            .count();
        return letters >= 4 && letters * 2 >= non_ascii.len();
    }
    // A single-byte encoding: a few accented letters and typographic marks among ASCII
    // words (French text has about 4% of them, cp1252 English a few quotes), not noise.
    let letters = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    letters >= 20
        && non_ascii.len() * 7 <= letters
        && non_ascii
            .iter()
            .all(|&c| c.is_alphabetic() || "’‘“”–—…«»°€£¥§©®™•·¡¿×÷½¼¾±µ ".contains(c))
}

/// UTF-16 without a BOM: in the first 4 KiB, nearly every byte at odd offsets is NUL and
/// almost none at even ones (little-endian ASCII text), or the other way round.
#[cfg(feature = "formats")]
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let nul = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd, half) = (nul(0), nul(1), head.len() / 2);
    if odd * 10 >= half * 9 && even * 20 <= half {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= half * 9 && odd * 20 <= half {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

fn utf8(bytes: &[u8]) -> Result<(String, String), ImportError> {
    check_binary(bytes)?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        ImportError::NotUtf8 {
            offset,
            line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count(),
        }
    })?;
    Ok((
        text.strip_prefix('\u{feff}').unwrap_or(text).to_string(),
        "UTF-8".into(),
    ))
}

/// NUL bytes, or many control bytes, mean binary data.
fn check_binary(bytes: &[u8]) -> Result<(), ImportError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::Binary { offset });
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let is_control = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f;
    let controls = head.iter().filter(|&&b| is_control(b)).count();
    if !head.is_empty() && controls as f64 > BINARY_CONTROL_SHARE * head.len() as f64 {
        let offset = head.iter().position(|&b| is_control(b)).unwrap_or(0);
        return Err(ImportError::Binary { offset });
    }
    Ok(())
}

/// The encoding an HTML document declares in its first 4 KiB (`<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`).
#[cfg(feature = "formats")]
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = head[from..].find("charset") {
        let at = from + i + "charset".len();
        let rest = head[at..].trim_start();
        if let Some(rest) = rest.strip_prefix('=') {
            let value: String = rest
                .trim_start()
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                .collect();
            if let Some(e) = encoding_rs::Encoding::for_label(value.as_bytes()) {
                // A page that says UTF-16 in ASCII-compatible bytes is not UTF-16 (WHATWG).
                if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                    return Some(encoding_rs::UTF_8);
                }
                return Some(e);
            }
        }
        from = at;
    }
    None
}

/// Line endings to `\n`, form feeds kept (page breaks), other control characters (C0 but tab and
/// newline, DEL, C1) to visible `[U+0005]` markers, with one warning that counts them.
fn normalise(text: &str, warnings: &mut Vec<Warning>) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut count = 0usize;
    let mut first: Option<(usize, String)> = None;
    let (mut typeset, mut first_typeset) = (0usize, None);
    // The line as an editor counts it: a form feed breaks the text here, not the file's line.
    let mut line = 1usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                line += 1;
            }
            '\n' => {
                out.push('\n');
                line += 1;
            }
            // A page break: kept for the plain-text reader, which drops page furniture at it.
            '\u{c}' => out.push('\u{c}'),
            '\t' => out.push('\t'),
            // Hyphenation hints and ligatures of text copied out of PDFs: invisible, or one
            // glyph for letters that stay letters ("identiﬁers", "e\u{ad}mail"). As they were,
            // they hide words from every search and from the extractor.
            '\u{ad}' => {
                typeset += 1;
                first_typeset.get_or_insert(line);
            }
            '\u{fb00}'..='\u{fb06}' => {
                typeset += 1;
                first_typeset.get_or_insert(line);
                out.push_str(match c {
                    '\u{fb00}' => "ff",
                    '\u{fb01}' => "fi",
                    '\u{fb02}' => "fl",
                    '\u{fb03}' => "ffi",
                    '\u{fb04}' => "ffl",
                    _ => "st",
                });
            }
            c if c.is_control() => {
                count += 1;
                let marker = format!("[U+{:04X}]", c as u32);
                out.push_str(&marker);
                first.get_or_insert((line, marker));
            }
            c => out.push(c),
        }
    }
    if typeset > 0 {
        warnings.push(Warning {
            line: first_typeset,
            message: format!(
                "{typeset} soft hyphen{s} or ligature{s} (ﬁ, ﬂ) written as plain letters",
                s = if typeset == 1 { "" } else { "s" }
            ),
        });
    }
    if let Some((first_line, marker)) = first {
        warnings.push(Warning {
            line: Some(first_line),
            message: if count == 1 {
                format!("1 stray control character kept visible as {marker}")
            } else {
                format!("{count} stray control characters kept visible as [U+…] markers, the first {marker}")
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_control_character_is_kept_visible_not_refused() {
        let text = "隐私政策\n".repeat(3) + "a\u{5}b\n" + &"隐私政策\n".repeat(2000);
        let d = decode_with(text.as_bytes(), None, false).unwrap();
        assert!(d.text.contains("[U+0005]"));
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(
            d.warnings[0].to_string(),
            "line 4: 1 stray control character kept visible as [U+0005]"
        );
        // Soft hyphens and ligatures of PDF text become plain letters, with a warning.
        let text = "Policy\n".repeat(3) + "device identi\u{fb01}ers and e\u{ad}mail address\n";
        let d = decode_with(text.as_bytes(), None, false).unwrap();
        assert!(d.text.contains("device identifiers and email address"));
        assert_eq!(
            d.warnings[0].to_string(),
            "line 4: 2 soft hyphens or ligatures (ﬁ, ﬂ) written as plain letters"
        );
        // A form feed breaks the text but not the file's line count.
        let text = "a\n\u{c}b\n\u{1}c\u{2}\n".to_string() + &"policy text\n".repeat(200);
        let d = decode_with(text.as_bytes(), None, false).unwrap();
        assert!(d.text.starts_with("a\n\u{c}b\n[U+0001]c[U+0002]\n"));
        assert_eq!(
            d.warnings[0].to_string(),
            "line 3: 2 stray control characters kept visible as [U+…] markers, the first [U+0001]"
        );
    }

    #[test]
    fn binary_is_refused_and_bad_utf8_names_its_place() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(ImportError::Binary { offset: 4 })
        ));
        let e = decode(b"ok\nab\xff\xfe").unwrap_err();
        assert_eq!(e, ImportError::NotUtf8 { offset: 5, line: 2 });
        assert!(e.to_string().contains("pass its encoding with --encoding"));
    }

    #[cfg(feature = "formats")]
    #[test]
    fn unlabelled_legacy_text_is_read_in_the_encoding_it_looks_like() {
        let english = "Privacy Statement \u{2013} Oakridge Bakery\n\nWe respect your privacy. \u{201c}Personal data\u{201d} means any information about you, and we keep it safe.\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(english);
        let d = decode_with(&bytes, None, false).unwrap();
        assert_eq!(d.text, english);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.warnings[0]
            .to_string()
            .starts_with("line 1: the input is not UTF-8"));
        // UTF-16 without its BOM.
        let utf16: Vec<u8> = english.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode_with(&utf16, None, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            (english, "UTF-16LE")
        );
        // Noise that happens to decode is still refused.
        assert!(decode(b"ok\nab\xff\xfe\xfd").is_err());
    }

    #[cfg(feature = "formats")]
    #[test]
    fn gb18030_by_flag_and_by_meta_charset() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("个人信息保护政策");
        // Unlabelled, it is read in the encoding it looks like, with a warning.
        let d = decode_with(&bytes, None, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("个人信息保护政策", "GBK")
        );
        assert!(d.warnings[0].to_string().contains("not UTF-8: read as GBK"));
        let d = decode_with(&bytes, Some("gb18030"), false).unwrap();
        assert_eq!(d.text, "个人信息保护政策");
        let mut page = b"<html><head><meta charset=\"GBK\"></head><body>".to_vec();
        page.extend_from_slice(&bytes);
        let d = decode_with(&page, None, true).unwrap();
        assert!(d.text.contains("个人信息保护政策"));
        assert_eq!(d.encoding, "GBK");
        assert_eq!(
            decode_with(b"\xff\xfep\x00", None, false).unwrap().text,
            "p"
        );
    }
}
