//! A spreadsheet export as text: its encoding (declared, or found from a byte order mark,
//! or UTF-8 when it is valid, or guessed) and its delimiter (declared, by extension, or
//! by the header line).

use std::path::Path;

use anyhow::bail;
use encoding_rs::Encoding;

/// The file's text and the name of the encoding it was read in.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> anyhow::Result<(String, &'static str)> {
    let encoding = match declared {
        Some(label) => match Encoding::for_label(label.trim().as_bytes()) {
            Some(e) => e,
            None => bail!(
                "--encoding {label}: not an encoding name plenum knows (utf-8, windows-1252, iso-8859-2, shift_jis, gbk, ...)"
            ),
        },
        None => {
            if let Some((e, _)) = Encoding::for_bom(bytes) {
                e
            } else if std::str::from_utf8(bytes).is_ok() {
                encoding_rs::UTF_8
            } else {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                detector.guess(None, true)
            }
        }
    };
    let (text, used, had_errors) = encoding.decode(bytes);
    if had_errors {
        bail!(
            "the file is not valid {}: give its encoding with --encoding",
            used.name()
        );
    }
    Ok((text.into_owned(), used.name()))
}

/// The delimiter: as declared (`,` `;` `tab` `|`), else tab for `.tsv`/`.tab`, else the
/// one of `,` `;` tab that the header line holds most of.
pub fn delimiter(path: &Path, text: &str, declared: Option<&str>) -> anyhow::Result<u8> {
    if let Some(d) = declared {
        return match d {
            "," | "comma" => Ok(b','),
            ";" | "semicolon" => Ok(b';'),
            "tab" | "\\t" | "\t" => Ok(b'\t'),
            "|" | "pipe" => Ok(b'|'),
            other => bail!("--delimiter {other}: expected `,`, `;`, `tab` or `|`"),
        };
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if matches!(extension.as_deref(), Some("tsv" | "tab")) {
        return Ok(b'\t');
    }
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    let best = [(',', count(',')), (';', count(';')), ('\t', count('\t'))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(',', |(c, _)| c);
    Ok(best as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_found_or_declared() {
        let latin1 = b"name;since\nJos\xe9 Mart\xed;2021-01-01\n";
        let (text, used) = decode(latin1, Some("latin1")).unwrap();
        assert!(text.contains("José Martí"));
        assert_eq!(used, "windows-1252");
        let (text, used) = decode(latin1, None).unwrap();
        assert!(text.contains("José"), "guessed {used}");
        let (text, used) = decode("\u{feff}name\nÅsa\n".as_bytes(), None).unwrap();
        assert_eq!((text.as_str(), used), ("name\nÅsa\n", "UTF-8"));
        assert!(decode(b"x", Some("klingon")).is_err());
    }

    #[test]
    fn delimiters_are_found_or_declared() {
        let p = Path::new("m.csv");
        assert_eq!(delimiter(p, "id;name;since\n", None).unwrap(), b';');
        assert_eq!(delimiter(p, "id,name\n", None).unwrap(), b',');
        assert_eq!(
            delimiter(Path::new("m.tsv"), "id,name\n", None).unwrap(),
            b'\t'
        );
        assert_eq!(delimiter(p, "id\tname\n", None).unwrap(), b'\t');
        assert_eq!(delimiter(p, "x", Some("tab")).unwrap(), b'\t');
        assert!(delimiter(p, "x", Some("#")).is_err());
    }
}
