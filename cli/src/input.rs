//! Reading answers while holding at most one bounded piece of the input: a line of at most
//! [`MAX_LINE_BYTES`], or one document spread over several lines of at most [`MAX_DOCUMENT_BYTES`].
//! Staff feed whole exports through `evaluate`, and a wrong file (`/dev/zero`, a video) must end with
//! a message, not with the machine's memory.

use std::io::{self, BufRead, BufReader, Read};

/// One person's answers are a few hundred bytes; an organisation's roster a few kilobytes. A line
/// longer than this is reported as bad without being kept.
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// The same bound for one answers document spread over several lines.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;
/// The input is read in pieces this large (also the most a chunk can find already buffered).
const READ_BUFFER_BYTES: usize = 256 << 10;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// One line of input, numbered from 1 as an editor shows it.
pub struct InputLine {
    pub number: u64,
    pub content: LineContent,
}

pub enum LineContent {
    /// The line without its line end.
    Text(Vec<u8>),
    /// Longer than [`MAX_LINE_BYTES`]: only its length was kept.
    TooLong { bytes: u64 },
}

impl InputLine {
    /// Its size in memory, to bound how much a batch holds at once.
    pub fn held_bytes(&self) -> usize {
        match &self.content {
            LineContent::Text(text) => text.len(),
            LineContent::TooLong { .. } => 0,
        }
    }
}

pub struct LineReader {
    reader: BufReader<Box<dyn Read + Send>>,
    lines_read: u64,
    /// The last line ended with `\r`: a `\n` right after it belongs to the same line end.
    after_cr: bool,
}

/// What follows a first line that is not a whole JSON value by itself.
pub enum Rest {
    /// One answers document spread over several lines (the first one included), read whole.
    Document(Vec<u8>),
    /// JSON lines after all (lines after the first are whole objects): the input again from its first
    /// line, numbered as before.
    Lines(LineReader),
}

impl LineReader {
    /// Standard input for `None` and `-`, else the file.
    pub fn open(path: Option<&str>) -> Result<LineReader, String> {
        let source: Box<dyn Read + Send> = match path {
            None | Some("-") => Box::new(io::stdin()),
            Some(path) => Box::new(
                std::fs::File::open(path).map_err(|e| format!("读取文件 {path} 失败：{e}"))?,
            ),
        };
        Ok(LineReader::new(source, 0))
    }

    fn new(source: Box<dyn Read + Send>, lines_read: u64) -> LineReader {
        LineReader {
            reader: BufReader::with_capacity(READ_BUFFER_BYTES, source),
            lines_read,
            after_cr: false,
        }
    }

    /// True when the next line would need another read from the file or pipe, which may wait: a
    /// batch is handed on then rather than held back for lines that have not arrived yet.
    pub fn nothing_buffered(&self) -> bool {
        self.reader.buffer().is_empty()
    }

    /// The next line with something on it; `None` at the end of the input.
    pub fn next_non_blank(&mut self) -> Result<Option<InputLine>, String> {
        while let Some(line) = self.next_line()? {
            match &line.content {
                LineContent::Text(text) if text.iter().all(u8::is_ascii_whitespace) => continue,
                _ => return Ok(Some(line)),
            }
        }
        Ok(None)
    }

    /// The rest of the input after `first` (line `number`), with `first`: one document, read whole
    /// (at most [`MAX_DOCUMENT_BYTES`], refused over it without reading further); or, when it is not
    /// one JSON value and a later line is a whole object by itself, JSON lines whose first line is
    /// broken (a truncated export), to be read line by line from `first` again.
    pub fn rest_as_document(mut self, first: Vec<u8>, number: u64) -> Result<Rest, String> {
        let mut document = first;
        document.push(b'\n');
        if self.after_cr {
            // The first line ended with \r\n: the \n is not a line of its own.
            self.after_cr = false;
            if self
                .reader
                .fill_buf()
                .is_ok_and(|b| b.first() == Some(&b'\n'))
            {
                self.reader.consume(1);
            }
        }
        let room = MAX_DOCUMENT_BYTES.saturating_sub(document.len()) as u64;
        // One byte more than the room tells "exactly full" from "too long".
        (&mut self.reader)
            .take(room + 1)
            .read_to_end(&mut document)
            .map_err(|e| format!("读取输入失败：{e}"))?;
        let whole = document.len() <= MAX_DOCUMENT_BYTES
            && serde_json::from_slice::<serde::de::IgnoredAny>(&document).is_ok();
        if !whole && later_line_is_an_object(&document) {
            let again: Box<dyn Read + Send> =
                Box::new(io::Cursor::new(document).chain(self.reader));
            return Ok(Rest::Lines(LineReader::new(
                again,
                number.saturating_sub(1),
            )));
        }
        if document.len() > MAX_DOCUMENT_BYTES {
            return Err(format!(
                "回答文档超过 {} MB，未读取：一个文档是一个人或一个单位的回答；多人请每行写一人（JSON Lines）",
                MAX_DOCUMENT_BYTES >> 20
            ));
        }
        Ok(Rest::Document(document))
    }

    fn next_line(&mut self) -> Result<Option<InputLine>, String> {
        let number = self.lines_read + 1;
        let mut text = Vec::new();
        let mut bytes: u64 = 0;
        let mut too_long = false;
        let mut anything = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(format!("读取输入失败（第 {number} 行）：{e}")),
            };
            if available.is_empty() {
                if !anything {
                    return Ok(None);
                }
                break;
            }
            if std::mem::take(&mut self.after_cr) && available[0] == b'\n' {
                // The \n of a \r\n line end whose \r ended the line before.
                self.reader.consume(1);
                continue;
            }
            anything = true;
            // Lines end with \n, \r\n, or \r alone (old Mac files).
            let end = available.iter().position(|&b| b == b'\n' || b == b'\r');
            let piece = &available[..end.unwrap_or(available.len())];
            bytes += piece.len() as u64;
            if !too_long && text.len() + piece.len() > MAX_LINE_BYTES {
                too_long = true;
                text = Vec::new();
            }
            if too_long {
                // A line far too long is skipped to its end, however long, and the next one read;
                // but text never holds a NUL byte: with one, the input is binary (`/dev/zero`, a
                // video), whose end may never come.
                if piece.contains(&0) {
                    return Err(format!(
                        "第 {number} 行超过 {} MB 仍未换行，且含有二进制数据：输入不是每行一人的 JSON，已停止读取",
                        MAX_LINE_BYTES >> 20
                    ));
                }
            } else {
                text.extend_from_slice(piece);
            }
            let ended_by = end.map(|at| available[at]);
            let used = piece.len() + usize::from(ended_by.is_some());
            self.reader.consume(used);
            if let Some(ending) = ended_by {
                self.after_cr = ending == b'\r';
                break;
            }
        }
        self.lines_read = number;
        if too_long {
            return Ok(Some(InputLine {
                number,
                content: LineContent::TooLong { bytes },
            }));
        }
        // Windows editors often start the file with a byte-order mark.
        if number == 1 && text.starts_with(BOM) {
            text.drain(..BOM.len());
        }
        Ok(Some(InputLine {
            number,
            content: LineContent::Text(text),
        }))
    }
}

/// Whether the first line with something on it holds a whole JSON value by itself (then the input is
/// JSON lines), rather than the start of one document spread over several lines. A line that starts
/// with `{` and ends with `}` counts as whole even when broken inside, so that a bad first line is
/// reported by its number and the lines after it are still evaluated.
pub fn is_whole_line(text: &[u8]) -> bool {
    let trimmed = text.trim_ascii();
    (trimmed.starts_with(b"{") && trimmed.ends_with(b"}"))
        || serde_json::from_slice::<serde::de::IgnoredAny>(trimmed).is_ok()
}

/// Whether a line after the first of `bytes` is a whole JSON object by itself: then `bytes` are JSON
/// lines (a document spread over lines has no such line, save for an object inside an array written
/// on one line, and such a document is broken anyway when this is asked).
fn later_line_is_an_object(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n' || b == b'\r')
        .skip(1)
        .map(<[u8]>::trim_ascii)
        .any(|line| {
            line.starts_with(b"{")
                && line.ends_with(b"}")
                && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(bytes: &'static [u8]) -> LineReader {
        LineReader {
            reader: BufReader::with_capacity(16, Box::new(bytes)),
            lines_read: 0,
            after_cr: false,
        }
    }

    fn texts(mut lines: LineReader) -> Vec<(u64, String)> {
        let mut all = Vec::new();
        while let Ok(Some(line)) = lines.next_non_blank() {
            let text = match line.content {
                LineContent::Text(text) => String::from_utf8_lossy(&text).into_owned(),
                LineContent::TooLong { bytes } => format!("too long: {bytes}"),
            };
            all.push((line.number, text));
        }
        all
    }

    #[test]
    fn numbers_lines_as_an_editor_does_and_drops_the_bom_and_carriage_returns() {
        let lines = texts(reader("\u{feff}{\"age\":1}\r\n\n  \n{}\nlast".as_bytes()));
        assert_eq!(
            lines,
            [
                (1, "{\"age\":1}".to_string()),
                (4, "{}".to_string()),
                (5, "last".to_string())
            ]
        );
    }

    #[test]
    fn old_mac_line_ends_and_mixed_ones_count_as_an_editor_counts() {
        // \r alone, \r\n split across the 16-byte buffer, \n: five lines, numbered 1 to 5.
        let lines = texts(reader(
            b"{\"a\":1}\r{\"b\":2}\r{\"c\":3}\r\n{\"d\":4}\n\r{}",
        ));
        assert_eq!(
            lines,
            [
                (1, "{\"a\":1}".to_string()),
                (2, "{\"b\":2}".to_string()),
                (3, "{\"c\":3}".to_string()),
                (4, "{\"d\":4}".to_string()),
                (6, "{}".to_string())
            ]
        );
    }

    #[test]
    fn a_broken_first_line_of_json_lines_is_read_again_as_lines() {
        let mut lines = reader(b"\n{\"audience\":\"person\",\"age\":\r\n{\"age\":1}\n{}\n");
        let first = lines
            .next_non_blank()
            .ok()
            .flatten()
            .map(|l| (l.number, l.content));
        let Some((2, LineContent::Text(text))) = first else {
            panic!("the first line");
        };
        assert!(!is_whole_line(&text));
        let Ok(Rest::Lines(again)) = lines.rest_as_document(text, 2) else {
            panic!("read as lines");
        };
        assert_eq!(
            texts(again),
            [
                (2, "{\"audience\":\"person\",\"age\":".to_string()),
                (3, "{\"age\":1}".to_string()),
                (4, "{}".to_string())
            ]
        );
        // A document spread over lines stays one document, broken or not.
        for document in [
            &b"{\n\"age\": 1,\n\"audience\": \"person\"\n}\n"[..],
            b"{\n\"age\": 1,\n",
        ] {
            let mut lines = reader(document);
            let Ok(Some(InputLine {
                content: LineContent::Text(text),
                ..
            })) = lines.next_non_blank()
            else {
                panic!("a first line");
            };
            assert!(matches!(
                lines.rest_as_document(text, 1),
                Ok(Rest::Document(_))
            ));
        }
    }

    #[test]
    fn a_line_over_the_limit_keeps_only_its_length() {
        let long: &'static [u8] = Box::leak(
            [vec![b'x'; MAX_LINE_BYTES + 5], b"\n{}\n".to_vec()]
                .concat()
                .into_boxed_slice(),
        );
        let lines = texts(reader(long));
        assert_eq!(
            lines,
            [
                (1, format!("too long: {}", MAX_LINE_BYTES + 5)),
                (2, "{}".to_string())
            ]
        );
    }

    #[test]
    fn whole_lines_and_starts_of_documents() {
        assert!(is_whole_line(b"{\"age\":1}"));
        assert!(is_whole_line(b" {\"age\": } "));
        assert!(is_whole_line(b"[1,2]"));
        assert!(!is_whole_line(b"{"));
        assert!(!is_whole_line(b"{\"audience\":\"person\","));
    }
}
