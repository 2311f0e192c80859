//! The zip container of .xlsx workbooks, read and written on the device: the central directory,
//! stored and deflated entries (deflate by miniz_oxide, pure Rust). No zip64, no encryption: a
//! workbook a staff member saves is far below 4 GB. Every offset read from a file is checked.

/// Most bytes one part may unpack to, whatever size it declares: a 100,000-row sheet of 30 columns
/// is about 100 MB of XML.
pub const PART_BUDGET: usize = 128 * 1024 * 1024;
/// Most bytes a whole workbook may unpack to (all parts read), whatever sizes it declares.
pub const TOTAL_BUDGET: usize = 192 * 1024 * 1024;

/// The message for a workbook past its budget (`what`: the part).
fn too_big(what: &str, limit: usize) -> String {
    format!(
        "工作簿里的“{what}”解压后超过 {} MB，超出能读取的大小，没有读取。请把名单分成几个较小的文件，或另存为 CSV 后再试。",
        limit / (1024 * 1024)
    )
}

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(usize::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok()
}

/// One entry of the central directory.
struct Entry {
    name: String,
    method: usize,
    compressed: usize,
    local: usize,
}

/// A zip archive in memory.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

const BROKEN: &str = "文件已损坏或不是 Excel 工作簿（.xlsx）";

impl<'a> Archive<'a> {
    /// Reads the central directory. `Err` with a sentence for the user.
    pub fn read(bytes: &'a [u8]) -> Result<Archive<'a>, String> {
        // The end-of-directory record is in the last 64 KB + 22 bytes.
        let from = bytes.len().saturating_sub(65_557);
        let end = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes[i..].starts_with(&[0x50, 0x4b, 0x05, 0x06]))
            .ok_or(BROKEN)?;
        let count = u16_at(bytes, end + 10).ok_or(BROKEN)?;
        let mut at = u32_at(bytes, end + 16).ok_or(BROKEN)?;
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            if !bytes
                .get(at..)
                .is_some_and(|b| b.starts_with(&[0x50, 0x4b, 0x01, 0x02]))
            {
                return Err(BROKEN.to_string());
            }
            let field = |offset: usize| u32_at(bytes, at + offset).ok_or(BROKEN);
            let short = |offset: usize| u16_at(bytes, at + offset).ok_or(BROKEN);
            let (name_len, extra, comment) = (short(28)?, short(30)?, short(32)?);
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or(BROKEN)?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method: short(10)?,
                compressed: field(20)?,
                local: field(42)?,
            });
            at += 46 + name_len + extra + comment;
        }
        Ok(Archive { bytes, entries })
    }

    /// The unpacked bytes of `name` (case-insensitive, as Excel's own reader), `Ok(None)` if absent.
    /// What is unpacked is bounded by the bytes actually produced, never by the sizes the archive
    /// declares: at most [`PART_BUDGET`] for this part and what is left of `budget` (the
    /// workbook's [`TOTAL_BUDGET`], reduced by each part read).
    pub fn file(&self, name: &str, budget: &mut usize) -> Result<Option<Vec<u8>>, String> {
        let Some(entry) = self
            .entries
            .iter()
            .find(|e| e.name.trim_start_matches('/').eq_ignore_ascii_case(name))
        else {
            return Ok(None);
        };
        let local = entry.local;
        if !self
            .bytes
            .get(local..)
            .is_some_and(|b| b.starts_with(&[0x50, 0x4b, 0x03, 0x04]))
        {
            return Err(BROKEN.to_string());
        }
        let name_len = u16_at(self.bytes, local + 26).ok_or(BROKEN)?;
        let extra = u16_at(self.bytes, local + 28).ok_or(BROKEN)?;
        let start = local + 30 + name_len + extra;
        let data = self
            .bytes
            .get(start..start.checked_add(entry.compressed).ok_or(BROKEN)?)
            .ok_or(BROKEN)?;
        let limit = PART_BUDGET.min(*budget);
        let unpacked = match entry.method {
            0 if data.len() > limit => return Err(too_big(name, limit)),
            0 => data.to_vec(),
            8 => inflate(data, limit).map_err(|e| match e {
                Inflate::TooBig => too_big(name, limit),
                Inflate::Broken => BROKEN.to_string(),
            })?,
            _ => {
                return Err(
                    "工作簿使用了不支持的压缩方式，请在 Excel 里另存为 .xlsx 后再试".to_string(),
                )
            }
        };
        *budget -= unpacked.len();
        Ok(Some(unpacked))
    }
}

enum Inflate {
    TooBig,
    Broken,
}

/// A deflated entry unpacked, within `limit` bytes. Twice over: first counted through a 64 KB
/// window (nothing kept), so that an entry past the limit — a bomb, whatever size it declares —
/// is refused without holding anything; then into a buffer of exactly its size (no growing and
/// copying, so a large part takes its own size in memory, not twice).
fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, Inflate> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    const WINDOW: usize = 64 * 1024;
    let mut state = Box::<DecompressorOxide>::default();
    let mut window = vec![0_u8; WINDOW];
    let (mut read, mut at, mut size) = (0, 0, 0_usize);
    loop {
        let input = data.get(read..).ok_or(Inflate::Broken)?;
        let (status, consumed, written) = decompress(&mut state, input, &mut window, at, 0);
        read += consumed;
        size += written;
        at = (at + written) & (WINDOW - 1);
        if size > limit {
            return Err(Inflate::TooBig);
        }
        match status {
            TINFLStatus::Done => break,
            TINFLStatus::HasMoreOutput => {}
            _ => return Err(Inflate::Broken),
        }
    }
    let mut out = vec![0_u8; size];
    let mut state = Box::<DecompressorOxide>::default();
    let (status, _, written) = decompress(
        &mut state,
        data,
        &mut out,
        0,
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    if status != TINFLStatus::Done || written != size {
        return Err(Inflate::Broken);
    }
    Ok(out)
}

const fn crc_table() -> [u32; 256] {
    let mut table = [0_u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

const CRC_TABLE: [u32; 256] = crc_table();

/// Continues a CRC-32 (start from `!0`, finish with `!`).
fn crc_update(crc: u32, bytes: &[u8]) -> u32 {
    bytes.iter().fold(crc, |c, b| {
        CRC_TABLE[((c ^ u32::from(*b)) & 0xff) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
fn crc32(bytes: &[u8]) -> u32 {
    !crc_update(!0, bytes)
}

/// One entry, deflated: its name, packed bytes (in pieces of at most [`PIECE`] bytes), CRC-32 and
/// unpacked size.
pub struct Packed {
    name: String,
    packed: Vec<Vec<u8>>,
    crc: u32,
    size: usize,
}

/// The packed bytes are kept in pieces of this size: a long export's sheet grows a piece at a time
/// rather than by doubling one buffer (which held up to twice its size, and three times while it was
/// copied), and the pieces go out to the page's download as they are.
pub const PIECE: usize = 1 << 20;

impl Packed {
    fn packed_len(&self) -> usize {
        self.packed.iter().map(Vec::len).sum()
    }
}

/// Deflates an entry as its contents are written in pieces, so that a large part (the export's
/// sheet) is never held whole: only the packed bytes are kept.
pub struct Packer {
    name: String,
    compressor: Box<miniz_oxide::deflate::core::CompressorOxide>,
    packed: Vec<Vec<u8>>,
    crc: u32,
    size: usize,
}

impl Packer {
    pub fn new(name: &str) -> Packer {
        use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
        Packer {
            name: name.to_string(),
            compressor: Box::new(CompressorOxide::new(create_comp_flags_from_zip_params(
                6, 0, 0,
            ))),
            packed: Vec::new(),
            crc: !0,
            size: 0,
        }
    }

    fn feed(&mut self, bytes: &[u8], flush: miniz_oxide::deflate::core::TDEFLFlush) {
        let packed = &mut self.packed;
        let mut rest = bytes;
        loop {
            let (_, used) = miniz_oxide::deflate::core::compress_to_output(
                &mut self.compressor,
                rest,
                flush,
                |mut out| {
                    while !out.is_empty() {
                        if packed.last().is_none_or(|last| last.len() >= PIECE) {
                            // A small part's one piece grows as it needs; a long part's are whole.
                            let capacity = if packed.is_empty() { 0 } else { PIECE };
                            packed.push(Vec::with_capacity(capacity));
                        }
                        let Some(last) = packed.last_mut() else {
                            return false;
                        };
                        let room = (PIECE - last.len()).min(out.len());
                        let (now, later) = out.split_at(room);
                        last.extend_from_slice(now);
                        out = later;
                    }
                    true
                },
            );
            rest = rest.get(used..).unwrap_or_default();
            if rest.is_empty() || used == 0 {
                break;
            }
        }
    }

    /// Adds `bytes` to the entry.
    pub fn write(&mut self, bytes: &[u8]) {
        self.crc = crc_update(self.crc, bytes);
        self.size += bytes.len();
        self.feed(bytes, miniz_oxide::deflate::core::TDEFLFlush::None);
    }

    pub fn finish(mut self) -> Packed {
        self.feed(&[], miniz_oxide::deflate::core::TDEFLFlush::Finish);
        Packed {
            name: self.name,
            packed: self.packed,
            crc: !self.crc,
            size: self.size,
        }
    }
}

/// An entry deflated whole.
pub fn pack(name: &str, contents: &[u8]) -> Packed {
    let mut packer = Packer::new(name);
    packer.write(contents);
    packer.finish()
}

/// Packs `files` (name, contents) into a zip archive, each entry deflated.
pub fn write(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let packed: Vec<Packed> = files
        .iter()
        .map(|(name, contents)| pack(name, contents))
        .collect();
    write_packed(&packed)
}

/// A zip archive of entries already deflated.
pub fn write_packed(files: &[Packed]) -> Vec<u8> {
    let mut out = Vec::new();
    write_packed_pieces(files, |piece| out.extend_from_slice(piece));
    out
}

/// [`write_packed`] handed to `each` in pieces, in order ([`Layout::pieces`]): the archive is never
/// one buffer.
pub fn write_packed_pieces(files: &[Packed], mut each: impl FnMut(&[u8])) {
    for piece in Layout::new(files).pieces() {
        each(piece);
    }
}

/// A zip archive of entries already deflated, as the pieces it is made of: each entry's local header
/// then its packed pieces, then the central directory. Taken one at a time, a writer can give the
/// browser its turn between them (the page's export).
pub struct Layout<'a> {
    files: &'a [Packed],
    headers: Vec<Vec<u8>>,
    end: Vec<u8>,
}

impl<'a> Layout<'a> {
    pub fn new(files: &'a [Packed]) -> Layout<'a> {
        let mut headers = Vec::with_capacity(files.len());
        let mut at = 0_usize;
        let mut directory = Vec::new();
        // 1980-01-01 00:00 in DOS form: the archive carries no clock reading.
        let (time, date) = (0_u16, 0x21_u16);
        for file in files {
            let (name, crc) = (&file.name, file.crc);
            let packed_len = file.packed_len();
            let offset = at as u32;
            let header = |out: &mut Vec<u8>, central: bool| {
                out.extend_from_slice(if central {
                    &[0x50, 0x4b, 0x01, 0x02, 20, 0]
                } else {
                    &[0x50, 0x4b, 0x03, 0x04]
                });
                out.extend_from_slice(&20_u16.to_le_bytes()); // version needed
                out.extend_from_slice(&0x0800_u16.to_le_bytes()); // names in UTF-8
                out.extend_from_slice(&8_u16.to_le_bytes()); // deflate
                out.extend_from_slice(&time.to_le_bytes());
                out.extend_from_slice(&date.to_le_bytes());
                out.extend_from_slice(&crc.to_le_bytes());
                out.extend_from_slice(&(packed_len as u32).to_le_bytes());
                out.extend_from_slice(&(file.size as u32).to_le_bytes());
                out.extend_from_slice(&(name.len() as u16).to_le_bytes());
                out.extend_from_slice(&0_u16.to_le_bytes()); // extra
                if central {
                    out.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
                    out.extend_from_slice(&0_u32.to_le_bytes()); // external attributes
                    out.extend_from_slice(&offset.to_le_bytes());
                }
                out.extend_from_slice(name.as_bytes());
            };
            let mut local = Vec::new();
            header(&mut local, false);
            at += local.len() + packed_len;
            headers.push(local);
            header(&mut directory, true);
        }
        let start = at as u32;
        let size = directory.len() as u32;
        let mut end = directory;
        end.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
        end.extend_from_slice(&(files.len() as u16).to_le_bytes());
        end.extend_from_slice(&(files.len() as u16).to_le_bytes());
        end.extend_from_slice(&size.to_le_bytes());
        end.extend_from_slice(&start.to_le_bytes());
        end.extend_from_slice(&0_u16.to_le_bytes());
        Layout {
            files,
            headers,
            end,
        }
    }

    /// The archive's pieces, in order.
    pub fn pieces(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.files
            .iter()
            .zip(&self.headers)
            .flat_map(|(file, header)| {
                std::iter::once(header.as_slice()).chain(file.packed.iter().map(Vec::as_slice))
            })
            .chain(std::iter::once(self.end.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sets the declared unpacked size of every entry (local header and directory) to `size`.
    fn declare(zip: &mut [u8], size: u32) {
        for at in 0..zip.len().saturating_sub(4) {
            if zip[at..].starts_with(&[0x50, 0x4b, 0x03, 0x04]) {
                zip[at + 22..at + 26].copy_from_slice(&size.to_le_bytes());
            } else if zip[at..].starts_with(&[0x50, 0x4b, 0x01, 0x02]) {
                zip[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
            }
        }
    }

    /// A part inflating past its budget is refused by the bytes it produces, whether it declares its
    /// real size, a small one or 4 GB; the total budget is shared by the parts.
    #[test]
    fn inflation_is_bounded_by_what_is_produced_not_by_what_is_declared() {
        let bomb = vec![b'<'; PART_BUDGET + 1];
        let honest = write(&[("xl/worksheets/sheet1.xml", bomb.clone())]);
        drop(bomb);
        assert!(honest.len() < 1024 * 1024, "a bomb: {} bytes", honest.len());
        for declared in [None, Some(1000), Some(u32::MAX)] {
            let mut zip = honest.clone();
            if let Some(size) = declared {
                declare(&mut zip, size);
            }
            let archive = Archive::read(&zip).expect("reads");
            let mut budget = TOTAL_BUDGET;
            let why = archive
                .file("xl/worksheets/sheet1.xml", &mut budget)
                .expect_err("refused");
            assert!(why.contains("128 MB"), "{why}");
            assert_eq!(budget, TOTAL_BUDGET);
        }
        // Two parts within their own budget but past the total together.
        let part = vec![b'a'; 100 * 1024 * 1024];
        let two = write(&[("a.xml", part.clone()), ("b.xml", part)]);
        let archive = Archive::read(&two).expect("reads");
        let mut budget = TOTAL_BUDGET;
        assert!(archive.file("a.xml", &mut budget).is_ok());
        let why = archive.file("b.xml", &mut budget).expect_err("refused");
        assert!(why.contains("92 MB"), "{why}");
    }

    #[test]
    fn what_is_written_reads_back() {
        let big = "第一行\n".repeat(5000).into_bytes();
        let zip = write(&[("a.xml", b"<a/>".to_vec()), ("xl/big.xml", big.clone())]);
        let archive = Archive::read(&zip).expect("reads");
        let mut budget = TOTAL_BUDGET;
        assert_eq!(
            archive.file("a.xml", &mut budget).expect("ok"),
            Some(b"<a/>".to_vec())
        );
        assert_eq!(
            archive.file("XL/big.xml", &mut budget).expect("ok"),
            Some(big.clone())
        );
        assert_eq!(archive.file("none", &mut budget).expect("ok"), None);
        assert_eq!(budget, TOTAL_BUDGET - 4 - big.len());
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    /// An archive handed out in pieces is the archive written whole; a long part is kept in pieces
    /// of at most [`PIECE`] bytes.
    #[test]
    fn pieces_make_the_archive() {
        // Text that deflate cannot shrink much, so its part takes several pieces.
        let mut state = 1_u32;
        let noise: Vec<u8> = (0..3 * PIECE)
            .map(|_| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                b'a' + (state >> 24) as u8 % 26
            })
            .collect();
        let packed = vec![pack("a.xml", b"<a/>"), pack("xl/noise.xml", &noise)];
        assert!(packed[1].packed.len() >= 2);
        assert!(packed[1].packed.iter().all(|p| p.len() <= PIECE));
        let mut pieces = Vec::new();
        let mut largest = 0;
        write_packed_pieces(&packed, |p| {
            largest = largest.max(p.len());
            pieces.extend_from_slice(p);
        });
        assert!(largest <= PIECE);
        assert_eq!(pieces, write_packed(&packed));
        let archive = Archive::read(&pieces).expect("reads");
        let mut budget = TOTAL_BUDGET;
        assert_eq!(
            archive.file("xl/noise.xml", &mut budget).expect("ok"),
            Some(noise)
        );
    }

    #[test]
    fn broken_archives_are_refused_not_panicked_on() {
        assert!(Archive::read(b"").is_err());
        assert!(Archive::read(b"PK\x05\x06").is_err());
        let zip = write(&[("a.xml", b"<a/>".to_vec())]);
        for cut in 0..zip.len() {
            if let Ok(archive) = Archive::read(&zip[..cut]) {
                let _ = archive.file("a.xml", &mut TOTAL_BUDGET.clone());
            }
        }
        let mut bad = zip.clone();
        bad[30] ^= 0xff;
        if let Ok(archive) = Archive::read(&bad) {
            let _ = archive.file("a.xml", &mut TOTAL_BUDGET.clone());
        }
    }
}
