//! .xlsx workbooks (Office Open XML) read and written on the device: the first sheet's cells as
//! text (shared strings, inline strings, numbers as written in the file, booleans as 是/否), and
//! plain workbooks of text for the template and the export. A few small loops over the XML, not a
//! general parser: the parts of the format spreadsheet programs write for a table of values.

use super::zip::{self, Archive};

/// A table read from a file: each row with its row number in the file (1-based, as the
/// spreadsheet shows it) and its cells (empty cells as "").
pub type Rows = Vec<(usize, Vec<String>)>;

/// Decodes the five XML entities, numeric references and OOXML's `_x000D_` escapes.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['&', '_']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('_') {
            // `_xHHHH_`: a character XML cannot hold as itself.
            let code = rest
                .get(2..6)
                .filter(|_| {
                    rest.as_bytes().get(1) == Some(&b'x') && rest.as_bytes().get(6) == Some(&b'_')
                })
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .and_then(char::from_u32);
            match code {
                Some(c) => {
                    out.push(c);
                    rest = &rest[7..];
                }
                None => {
                    out.push('_');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let Some(end) = rest.find(';').filter(|end| *end <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One tag: its name without a namespace prefix, its attribute text, whether it closes (`</x>`)
/// or is empty (`<x/>`), and where its text (up to the next tag) starts and ends.
struct Tag<'a> {
    name: &'a str,
    attrs: &'a str,
    closing: bool,
    empty: bool,
    text: &'a str,
}

fn tags(xml: &str) -> impl Iterator<Item = Tag<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let start = at + xml.get(at..)?.find('<')?;
        let end = start + xml[start..].find('>')?;
        at = end + 1;
        let inside = &xml[start + 1..end];
        if inside.starts_with('?') || inside.starts_with('!') {
            continue;
        }
        let closing = inside.starts_with('/');
        let inside = inside.trim_start_matches('/');
        let empty = inside.ends_with('/');
        let inside = inside.trim_end_matches('/');
        let (full, attrs) = inside
            .split_once(char::is_whitespace)
            .unwrap_or((inside, ""));
        let name = full.rsplit(':').next().unwrap_or(full);
        let text_end = xml[at..].find('<').map_or(xml.len(), |n| at + n);
        return Some(Tag {
            name,
            attrs,
            closing,
            empty,
            text: &xml[at..text_end],
        });
    })
}

/// An attribute's value (`r="A1"`), by its name without a namespace prefix.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let key = key.rsplit(':').next().unwrap_or(key);
        let value = rest[eq + 1..].trim_start();
        let quote = value.chars().next()?;
        let value = &value[quote.len_utf8()..];
        let close = value.find(quote)?;
        if key == name {
            return Some(&value[..close]);
        }
        rest = &value[close + 1..];
    }
    None
}

/// `A1` → column 0, `AB12` → 27.
fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(
        letters.iter().fold(0, |n, b| {
            n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1
        }) - 1,
    )
}

/// The text of each `<si>` of sharedStrings.xml (rich-text runs joined, phonetic runs left out).
fn shared_strings(xml: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let mut phonetic = false;
    for tag in tags(xml) {
        match (tag.name, tag.closing) {
            ("si", false) if tag.empty => strings.push(String::new()),
            ("si", false) => current = Some(String::new()),
            ("si", true) => strings.extend(current.take()),
            ("rPh", closing) => phonetic = !closing && !tag.empty,
            ("t", false) if !phonetic && !tag.empty => {
                if let Some(text) = current.as_mut() {
                    text.push_str(&unescape(tag.text));
                }
            }
            _ => {}
        }
    }
    strings
}

/// Most columns read: a sheet wider than this is not a list of people.
const MAX_COLUMNS: usize = 512;

fn sheet_rows(xml: &str, strings: &[String]) -> Rows {
    let mut rows: Rows = Vec::new();
    let mut row: Option<(usize, Vec<String>)> = None;
    let mut cell: Option<(usize, String, String)> = None; // column, type, value
    let mut next_row = 1;
    let mut next_column = 0;
    let mut phonetic = false;
    for tag in tags(xml) {
        match (tag.name, tag.closing) {
            ("row", false) => {
                let number = attr(tag.attrs, "r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(next_row);
                next_row = number + 1;
                next_column = 0;
                row = (!tag.empty).then(|| (number, Vec::new()));
            }
            ("row", true) => rows.extend(
                row.take()
                    .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty())),
            ),
            ("c", false) => {
                let column = attr(tag.attrs, "r")
                    .and_then(column_of)
                    .unwrap_or(next_column);
                next_column = column + 1;
                let kind = attr(tag.attrs, "t").unwrap_or("n").to_string();
                cell = (!tag.empty).then(|| (column, kind, String::new()));
            }
            ("rPh", closing) => phonetic = !closing && !tag.empty,
            ("v", false) | ("t", false) if !phonetic && !tag.empty => {
                if let Some((_, _, value)) = cell.as_mut() {
                    value.push_str(&unescape(tag.text));
                }
            }
            ("c", true) => {
                let (Some((column, kind, value)), Some((_, cells))) = (cell.take(), row.as_mut())
                else {
                    continue;
                };
                if column >= MAX_COLUMNS {
                    continue;
                }
                let text = match kind.as_str() {
                    "s" => value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| strings.get(i))
                        .cloned()
                        .unwrap_or_default(),
                    "b" => (if value.trim() == "1" { "是" } else { "否" }).to_string(),
                    _ => value,
                };
                if cells.len() <= column {
                    cells.resize(column + 1, String::new());
                }
                cells[column] = text;
            }
            _ => {}
        }
    }
    rows
}

/// The first sheet of the workbook in `bytes`, or why it cannot be read (in Chinese).
pub fn read(bytes: &[u8]) -> Result<Rows, String> {
    let archive = Archive::read(bytes)?;
    let text = |name: &str| -> Result<Option<String>, String> {
        Ok(archive
            .file(name)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    };
    // The first sheet in the workbook's order, through its relationship; sheet1.xml otherwise.
    let mut path = "xl/worksheets/sheet1.xml".to_string();
    if let (Some(workbook), Some(rels)) = (
        text("xl/workbook.xml")?,
        text("xl/_rels/workbook.xml.rels")?,
    ) {
        let id = tags(&workbook)
            .find(|t| t.name == "sheet" && !t.closing)
            .and_then(|t| attr(t.attrs, "id"));
        let target = tags(&rels)
            .filter(|t| t.name == "Relationship")
            .find(|t| attr(t.attrs, "Id") == id)
            .and_then(|t| attr(t.attrs, "Target"));
        if let Some(target) = target {
            path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
        }
    }
    let sheet =
        text(&path)?.ok_or("工作簿里找不到第一个工作表，请在 Excel 里另存为 .xlsx 后再试")?;
    let strings = text("xl/sharedStrings.xml")?
        .map(|x| shared_strings(&x))
        .unwrap_or_default();
    Ok(sheet_rows(&sheet, &strings))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

/// One worksheet: its name and rows of text; the first row is the header (bold, frozen).
pub struct Sheet<'a> {
    pub name: &'a str,
    pub rows: &'a [Vec<String>],
}

fn sheet_xml(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>",
    );
    if width > 0 {
        xml.push_str(&format!(
            "<cols><col min=\"1\" max=\"{width}\" width=\"18\" customWidth=\"1\"/></cols>"
        ));
    }
    xml.push_str("<sheetData>");
    for (r, row) in rows.iter().enumerate() {
        xml.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, text) in row.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let style = if r == 0 { " s=\"1\"" } else { "" };
            xml.push_str(&format!(
                "<c r=\"{}{}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                column_name(c),
                r + 1,
                escape(text)
            ));
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// A workbook of `sheets` (text cells) as .xlsx bytes.
pub fn write(sheets: &[Sheet]) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut types = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    let mut workbook = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets>");
    let mut rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        workbook.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            escape(sheet.name)
        ));
        rels.push_str(&format!("<Relationship Id=\"rId{n}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"));
        files.push((
            format!("xl/worksheets/sheet{n}.xml"),
            sheet_xml(sheet.rows).into_bytes(),
        ));
    }
    let styles_id = sheets.len() + 1;
    rels.push_str(&format!("<Relationship Id=\"rId{styles_id}\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>"));
    types.push_str("</Types>");
    workbook.push_str("</sheets></workbook>");
    let styles = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"{MAIN}\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs></styleSheet>");
    let root_rels = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    let mut all: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", types.into_bytes()),
        ("_rels/.rels", root_rels.into_bytes()),
        ("xl/workbook.xml", workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.into_bytes()),
        ("xl/styles.xml", styles.into_bytes()),
    ];
    all.extend(
        files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.clone())),
    );
    zip::write(&all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_workbook_reads_back() {
        let rows = vec![
            vec![
                "姓名".to_string(),
                "年龄".to_string(),
                "备注 <&>".to_string(),
            ],
            vec!["张三".to_string(), "45".to_string()],
            vec![String::new(), String::new()],
            vec!["李四".to_string(), String::new(), "x\"y".to_string()],
        ];
        let bytes = write(&[
            Sheet {
                name: "名单",
                rows: &rows,
            },
            Sheet {
                name: "说明",
                rows: &rows[..1],
            },
        ]);
        let read = read(&bytes).expect("reads");
        assert_eq!(read.len(), 3, "the empty row is left out");
        assert_eq!(read[0], (1, rows[0].clone()));
        assert_eq!(read[1], (2, vec!["张三".to_string(), "45".to_string()]));
        assert_eq!(read[2], (4, rows[3].clone()));
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_of("AB12"), Some(27));
    }

    /// A sheet as Excel writes it: shared strings (with a rich-text run and a phonetic run), a
    /// number, a date serial, a boolean, skipped cells and rows.
    #[test]
    fn excels_own_cells_are_read() {
        let strings = shared_strings(
            "<sst><si><t>姓名</t></si><si><r><t>户籍</t></r><r><rPr/><t>区县</t></r><rPh><t>x</t></rPh></si><si><t>A&amp;B_x000D_</t></si><si/></sst>",
        );
        assert_eq!(strings, ["姓名", "户籍区县", "A&B\r", ""]);
        let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3" spans="1:3"><c r="A3" t="inlineStr"><is><t>王五</t></is></c><c r="B3"><v>45717</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="s"><v>99</v></c><c r="E3" s="2"/></row></sheetData></worksheet>"#;
        let rows = sheet_rows(sheet, &strings);
        assert_eq!(
            rows[0],
            (
                1,
                vec!["姓名".to_string(), String::new(), "户籍区县".to_string()]
            )
        );
        assert_eq!(rows[1].0, 3);
        assert_eq!(rows[1].1[..3], ["王五", "45717", "是"]);
        assert_eq!(rows[1].1[3], "");
    }

    #[test]
    fn damaged_files_are_refused_with_a_sentence() {
        assert!(read(b"not a zip").is_err());
        let empty = zip::write(&[("xl/workbook.xml", b"<workbook/>".to_vec())]);
        assert!(read(&empty).unwrap_err().contains("工作表"));
        assert_eq!(unescape("&bogus; &#x4e2d;&#25991; &"), "&bogus; 中文 &");
    }
}
