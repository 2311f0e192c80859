//! `subsidy-check screen` on a CSV list as a stream: the file is read once, block by block, on this
//! thread (decoded, split into rows, each row told apart by `lists::screen::Streaming`); the people
//! go in chunks to worker threads, which screen them and write their export rows; a collecting
//! thread puts the chunks back in file order, counts them, writes the export and the progress.
//! Memory does not grow with the rows: a few chunks a worker are in flight, so reading waits for
//! screening and writing.
//! The same summary and export as the page (the export's width is the file's widest row, see
//! [`pass`]).

use lists::csv;
use lists::screen::{export_header, export_row_csv, screen, List, Screened, Streaming};
use lists::xlsx::{Collector, Row};
use rules_core::sheet::{self, Field, Line};
use rules_core::Date;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;

/// How much of the file is read at a time.
const BLOCK: usize = 1024 * 1024;

/// People per chunk handed to a worker: large enough that the channels cost nothing per row, small
/// enough that the chunks in flight hold little memory.
const CHUNK: usize = 512;

/// Progress is written after about this many people.
const PROGRESS_EVERY: usize = 8192;

/// The rows the header is looked for in (as the page: `lists::screen::Tabling`).
const FIRST_ROWS: usize = 30;

/// A CSV list to screen as a stream.
pub struct Request<'a> {
    pub file: &'a str,
    pub as_of: Date,
    /// The export's path (CSV), if any.
    pub out: Option<&'a str>,
    /// Applied to the list once its header is found (the columns given on the command line); an
    /// `Err` refuses the list.
    pub columns: &'a dyn Fn(&mut List) -> Result<(), String>,
}

/// What a list's screening counted beyond its tally: people, problems, problems per column (most
/// first).
#[derive(Debug, PartialEq, Eq)]
pub struct Counts {
    pub people: usize,
    pub problems: usize,
    pub by_column: Vec<(usize, usize)>,
}

/// A list screened: its header, columns, rows left out, notes and tally, the counts, and the
/// file's encoding.
pub struct Done {
    pub list: List,
    pub counts: Counts,
    pub encoding: csv::Encoding,
}

/// Screens a CSV list as a stream on `threads` worker threads, progress on stderr, the export (if
/// any) written as CSV.
pub fn screen_csv(request: &Request, threads: usize) -> Result<Done, String> {
    let started = std::time::Instant::now();
    let mut known_width = None;
    let done = loop {
        match pass(request, threads, known_width, BLOCK)? {
            Pass::Done(done) => break done,
            // Rare (a register's rows are as wide as its header): a row wider than those read
            // before screening began; the export's every row is that wide, so it is written again.
            Pass::Wider(width) => known_width = Some(width),
        }
    };
    let seconds = started.elapsed().as_secs_f64().max(1e-6);
    let _ = writeln!(
        std::io::stderr(),
        "\r已筛查 {} 人，用时 {seconds:.2} 秒，每秒约 {:.0} 人（{threads} 个线程，边读边筛）",
        done.counts.people,
        done.counts.people as f64 / seconds
    );
    Ok(*done)
}

/// A pass over the file: done, or the export must be written again this wide.
enum Pass {
    Done(Box<Done>),
    Wider(usize),
}

/// One pass: read (`block` bytes at a time), screen, count and (with `-o`) export. The export's
/// rows are as wide as the file's widest row (`lists::screen::Streaming`): `width` when a pass has
/// found it; else the widest of the rows read before screening begins (the first block), and
/// `Pass::Wider` if a later row is wider.
fn pass(
    request: &Request,
    threads: usize,
    width: Option<usize>,
    block: usize,
) -> Result<Pass, String> {
    let mut blocks = Blocks::open(request.file, block)?;
    let mut reader = csv::Reader::new(Collector::unlimited());
    let mut widest = 0;
    let mut first: Vec<Row> = Vec::new();
    let mut ended = false;
    // The first rows, to find the header in; the rest of the first block follows.
    let mut rest: Vec<Row> = Vec::new();
    while first.len() < FIRST_ROWS && !ended {
        ended = !blocks.feed(&mut reader)?;
        if ended {
            reader.end()?;
        }
        for row in reader.collector.take_rows() {
            widest = widest.max(row.1.len());
            if first.len() < FIRST_ROWS {
                first.push(row);
            } else {
                rest.push(row);
            }
        }
    }
    let mut streaming = Streaming::new(first, Vec::new(), width.unwrap_or(widest))?;
    (request.columns)(&mut streaming.list)?;
    for row in rest {
        streaming.push(row);
    }
    let export_width = width.unwrap_or(widest).max(streaming.list.header.len());
    let setup = Setup {
        uses: streaming.list.uses.clone(),
        header: streaming.list.header.clone(),
        width: export_width,
        day: request.as_of,
        export: request.out.is_some(),
    };
    let export = match request.out {
        Some(path) => Some(Export::create(path)?),
        None => None,
    };
    let temporary = export.as_ref().map(|e| e.temporary.clone());
    let read = AtomicU64::new(blocks.read);
    let progress = AtomicBool::new(false);
    let size = blocks.size;
    // Chunks in flight (sent, not yet written) at most 3 a worker: memory stays bounded even when
    // one worker is held up and another runs ahead. The collecting thread hands a place back when
    // it has written a chunk.
    let in_flight = 3 * threads;
    let (jobs, job_queue) = sync_channel::<Job>(in_flight);
    let job_queue = Mutex::new(job_queue);
    let (free, places) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = free.send(());
    }
    let result = std::thread::scope(|scope| -> Result<(Collected, Option<Export>), String> {
        let (results, screened) = sync_channel::<Chunk>(in_flight);
        for _ in 0..threads {
            let results = results.clone();
            let (setup, job_queue) = (&setup, &job_queue);
            scope.spawn(move || work(setup, job_queue, results));
        }
        drop(results);
        let (setup, read, progress) = (&setup, &read, &progress);
        let collecting =
            scope.spawn(move || collect(setup, (screened, free), export, (read, size), progress));
        let mut queue = Queue {
            jobs,
            places,
            next: 0,
        };
        let mut reading = Ok(());
        while queue.send(&mut streaming, ended) && !ended {
            match blocks.feed(&mut reader) {
                Ok(more) => ended = !more,
                Err(why) => {
                    reading = Err(why);
                    break;
                }
            }
            if ended {
                if let Err(why) = reader.end() {
                    reading = Err(why);
                    break;
                }
            }
            read.store(blocks.read, Ordering::Relaxed);
            for row in reader.collector.take_rows() {
                widest = widest.max(row.1.len());
                streaming.push(row);
            }
        }
        drop(queue);
        let collected = collecting
            .join()
            .map_err(|_| "筛查中途出错（程序错误），没有输出不完整的结果".to_string())?;
        reading?;
        collected
    });
    let (collected, export) = match result {
        Ok(done) => done,
        Err(why) => {
            if progress.load(Ordering::Relaxed) {
                // The message starts on its own line, after the progress.
                let _ = writeln!(std::io::stderr());
            }
            if let Some(path) = &temporary {
                let _ = std::fs::remove_file(path);
            }
            return Err(why);
        }
    };
    if export.is_some() && width.is_none() && widest > export_width {
        if let Some(path) = &temporary {
            let _ = std::fs::remove_file(path);
        }
        return Ok(Pass::Wider(widest));
    }
    if collected.people == 0 {
        if let Some(path) = &temporary {
            let _ = std::fs::remove_file(path);
        }
        return Err(format!(
            "第 {} 行是列名，下面没有读到人员。请在列名下面每行填一个人。",
            streaming.list.header_line
        ));
    }
    if let Some(export) = export {
        export.finish()?;
    }
    let (_, notes) = reader.collector.finish();
    let mut list = streaming.list;
    list.notes = notes;
    list.tally = collected.tally;
    Ok(Pass::Done(Box::new(Done {
        list,
        counts: Counts {
            people: collected.people,
            problems: collected.problems,
            by_column: sorted_counts(&collected.by_column),
        },
        encoding: blocks.encoding,
    })))
}

/// Where the people go to the workers.
struct Queue {
    jobs: SyncSender<Job>,
    /// A place for each chunk sent, handed back once the chunk is written.
    places: Receiver<()>,
    next: u64,
}

impl Queue {
    /// Sends the people pushed in chunks of [`CHUNK`] (the last one smaller, at the end of the
    /// file), each when there is a place for it; `false` if the workers or the collecting stopped.
    fn send(&mut self, streaming: &mut Streaming, ended: bool) -> bool {
        while streaming.pending() >= CHUNK || (ended && streaming.pending() > 0) {
            let take = streaming.pending().min(CHUNK);
            let rows: Vec<Row> = streaming.list.rows.drain(..take).collect();
            if self.places.recv().is_err() || self.jobs.send((self.next, rows)).is_err() {
                return false;
            }
            self.next += 1;
        }
        true
    }
}

/// What every worker needs: the columns' fields, the header (for the problems' column names), the
/// export's width, the day, and whether to write export rows.
struct Setup {
    uses: Vec<Option<Field>>,
    header: Vec<String>,
    width: usize,
    day: Date,
    export: bool,
}

/// A chunk of people, numbered in file order.
type Job = (u64, Vec<Row>);

/// A chunk screened: its number, each person's lines and problems (in order), and its export rows
/// as CSV.
struct Chunk {
    number: u64,
    lines: Vec<Vec<Line>>,
    problems: Vec<Vec<(Option<usize>, String)>>,
    csv: Vec<u8>,
}

/// A worker: screens chunks until there are none, writing each person's export row. Its own list
/// holds the texts of the results and the columns of the rules of a benefit's last day, which are
/// the same for every person on one day (`rules_core` sets them for the benefits not in force), so
/// each worker's rows have the header's columns.
fn work(setup: &Setup, jobs: &Mutex<Receiver<Job>>, results: SyncSender<Chunk>) {
    let mut list = List {
        header: setup.header.clone(),
        ..List::default()
    };
    // The last chunk's export size: the next is about as long (no growing the buffer row by row).
    let mut size = 0;
    loop {
        let job = match jobs.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((number, rows)) = job else {
            return;
        };
        let mut out = Chunk {
            number,
            lines: Vec::with_capacity(rows.len()),
            problems: Vec::with_capacity(rows.len()),
            csv: Vec::with_capacity(size + size / 8),
        };
        for (_, cells) in &rows {
            let outcome = screen(&setup.uses, cells, setup.day);
            if setup.export {
                list.tally.add(&outcome.lines);
                let lines = outcome.lines.clone();
                let kept: Screened = list.keep(outcome);
                export_row_csv(&list, setup.width, cells, &kept, &mut out.csv);
                out.lines.push(lines);
                out.problems.push(kept.problems);
            } else {
                out.lines.push(outcome.lines);
                out.problems.push(outcome.problems);
            }
        }
        size = out.csv.len();
        // The rows are freed here, not on the reading thread.
        drop(rows);
        if results.send(out).is_err() {
            return;
        }
    }
}

/// What the collecting thread counted.
struct Collected {
    tally: sheet::Tally,
    people: usize,
    problems: usize,
    by_column: Vec<usize>,
}

/// Takes the screened chunks in file order: counts them (the tally in row order, as the page),
/// writes the export (its header first, once the first chunk is counted, as
/// `Streaming::screen_chunk`) and the progress (`progress` says it was written). Stops at a write
/// error; the workers and the reading then stop too.
fn collect(
    setup: &Setup,
    (screened, free): (Receiver<Chunk>, SyncSender<()>),
    mut export: Option<Export>,
    (read, size): (&AtomicU64, u64),
    progress: &AtomicBool,
) -> Result<(Collected, Option<Export>), String> {
    let mut list = List {
        header: setup.header.clone(),
        ..List::default()
    };
    let mut waiting = BTreeMap::new();
    let mut next = 0_u64;
    let mut people = 0_usize;
    let mut problems = 0_usize;
    let mut by_column: Vec<usize> = Vec::new();
    let mut shown = 0_usize;
    let mut stderr = std::io::stderr();
    for chunk in screened {
        waiting.insert(chunk.number, chunk);
        while let Some(chunk) = waiting.remove(&next) {
            next += 1;
            let _ = free.send(());
            for lines in &chunk.lines {
                list.tally.add(lines);
            }
            people += chunk.lines.len();
            for row in &chunk.problems {
                problems += row.len();
                for c in row.iter().filter_map(|(column, _)| *column) {
                    if by_column.len() <= c {
                        by_column.resize(c + 1, 0);
                    }
                    by_column[c] += 1;
                }
            }
            if let Some(export) = &mut export {
                if !export.header_written {
                    export.header_written = true;
                    let mut header = Vec::new();
                    csv::write_rows(
                        &mut header,
                        std::iter::once(export_header(&list, setup.width)),
                    );
                    export.write(&header)?;
                }
                export.write(&chunk.csv)?;
            }
            if people >= shown + PROGRESS_EVERY {
                shown = people;
                progress.store(true, Ordering::Relaxed);
                let _ = write!(
                    stderr,
                    "\r已筛查 {people} 人（已读取文件的 {}%）",
                    read.load(Ordering::Relaxed) * 100 / size
                );
            }
        }
    }
    Ok((
        Collected {
            tally: list.tally,
            people,
            problems,
            by_column,
        },
        export,
    ))
}

/// Per column, how many of its cells could not be read, most first (as
/// `lists::screen::column_problems`).
fn sorted_counts(by_column: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = by_column
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .collect();
    out.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), *c));
    out
}

/// The file read block by block, decoded from its encoding (told by its first block).
struct Blocks {
    path: String,
    file: std::fs::File,
    size: u64,
    block: Vec<u8>,
    text: String,
    decoder: Option<encoding_rs::Decoder>,
    encoding: csv::Encoding,
    /// Bytes read so far.
    read: u64,
}

impl Blocks {
    fn open(path: &str, block: usize) -> Result<Blocks, String> {
        let file = std::fs::File::open(path).map_err(|e| format!("无法读取 {path}：{e}"))?;
        let size = file
            .metadata()
            .map_err(|e| format!("无法读取 {path}：{e}"))?
            .len()
            .max(1);
        Ok(Blocks {
            path: path.to_string(),
            file,
            size,
            block: vec![0; block.max(4)],
            text: String::with_capacity(block * 2),
            decoder: None,
            encoding: csv::Encoding::Utf8,
            read: 0,
        })
    }

    /// Reads the next block into `reader`; `false` at the end of the file (whose last bytes are
    /// then fed).
    fn feed(&mut self, reader: &mut csv::Reader) -> Result<bool, String> {
        let path = &self.path;
        let n = self
            .file
            .read(&mut self.block)
            .map_err(|e| format!("无法读取 {path}：{e}"))?;
        let encoding = &mut self.encoding;
        let block = &self.block[..n];
        let decoder = self.decoder.get_or_insert_with(|| {
            *encoding = csv::sniff_start(block);
            match *encoding {
                csv::Encoding::Utf8 => encoding_rs::UTF_8,
                csv::Encoding::Utf16Le => encoding_rs::UTF_16LE,
                csv::Encoding::Utf16Be => encoding_rs::UTF_16BE,
                csv::Encoding::Gbk => encoding_rs::GB18030,
            }
            .new_decoder_with_bom_removal()
        });
        self.text.clear();
        let last = n == 0;
        self.text.reserve(
            decoder
                .max_utf8_buffer_length(n)
                .unwrap_or(self.block.len() * 3)
                .saturating_sub(self.text.capacity()),
        );
        let _ = decoder.decode_to_string(block, &mut self.text, last);
        if self.text.contains('\u{0}') {
            return Err(format!("“{path}”不是表格文件（CSV 或 .xlsx）"));
        }
        reader.feed(&self.text);
        self.read += n as u64;
        Ok(!last)
    }
}

/// The export being written: to a file beside the one asked for, renamed to it once the list is
/// screened, so a list that cannot be screened leaves no partial export and no file overwritten.
struct Export {
    path: String,
    temporary: String,
    file: std::io::BufWriter<std::fs::File>,
    header_written: bool,
}

impl Export {
    /// The file, its byte-order mark written (spreadsheets then read it as UTF-8).
    fn create(path: &str) -> Result<Export, String> {
        let temporary = format!("{path}.{}.part", std::process::id());
        let mut file = std::io::BufWriter::with_capacity(
            BLOCK,
            std::fs::File::create(&temporary).map_err(|e| format!("无法写入 {path}：{e}"))?,
        );
        file.write_all("\u{feff}".as_bytes())
            .map_err(|e| format!("无法写入 {path}：{e}"))?;
        Ok(Export {
            path: path.to_string(),
            temporary,
            file,
            header_written: false,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), String> {
        let path = &self.path;
        self.file
            .write_all(bytes)
            .map_err(|e| format!("无法写入 {path}：{e}"))
    }

    fn finish(self) -> Result<(), String> {
        let Export {
            path,
            temporary,
            file,
            ..
        } = self;
        let fail = |e: &dyn std::fmt::Display| {
            let _ = std::fs::remove_file(&temporary);
            format!("无法写入 {path}：{e}")
        };
        let file = file.into_inner().map_err(|e| fail(&e.error()))?;
        drop(file);
        std::fs::rename(&temporary, &path).map_err(|e| fail(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lists::screen::{column_problems, export_csv, table};

    /// The office register of `tests/examples/register/` (300 people) made long: its people 12
    /// times over (many chunks), a blank row, a 合计 row and a repeated header among them, a person
    /// with more cells than the header late in the file (the export is then written again that
    /// wide), the 填表人 footer and a row after it.
    fn long_register() -> String {
        let text = include_str!("../../tests/examples/register/register-utf8.csv");
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        let (head, rest) = lines.split_at(3);
        let (people, footer): (Vec<&str>, Vec<&str>) =
            rest.iter().partition(|l| !l.starts_with("填表人"));
        let mut out: Vec<String> = head.iter().map(|l| l.to_string()).collect();
        for i in 0..3600 {
            match i {
                1000 => out.push(String::new()),
                2000 => out.push("合计,,,,,,,,,,,".to_string()),
                2500 => out.push(head[2].to_string()),
                3000 => out.push(format!("{},多的一格,", people[i % people.len()])),
                _ => {}
            }
            out.push(people[i % people.len()].to_string());
        }
        out.extend(footer.iter().map(|l| l.to_string()));
        out.push(people[0].to_string());
        out.join("\r\n") + "\r\n"
    }

    /// What the command line's summary is made of: tally, rows left out, notes, the columns read
    /// (not the unread ones after them, as many as the widest row), header row, counts.
    fn parts(list: &List, counts: &Counts) -> String {
        let read = list
            .uses
            .iter()
            .rposition(Option::is_some)
            .map_or(0, |c| c + 1);
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{}\n{:?}",
            list.tally,
            list.left_out,
            list.notes,
            &list.uses[..read],
            list.header_line,
            counts
        )
    }

    /// Read once, in chunks screened on one and on three threads and put back in order, a long
    /// register gives the page's list (`table`, `screen_all`): the same export byte for byte, the
    /// same tally, rows left out, problems and summary.
    #[test]
    fn chunks_on_threads_give_the_whole_lists_results() {
        let text = long_register();
        let dir = std::env::temp_dir().join(format!("stream-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let file = dir.join("long.csv");
        std::fs::write(&file, &text).expect("the register written");
        let day = Date::ymd(2026, 3, 1);
        let (rows, notes) = csv::parse(&text).expect("CSV");
        let mut whole = table(rows, notes).expect("a list");
        whole.screen_all(day);
        let expected = export_csv(&whole);
        let whole_counts = Counts {
            people: whole.rows.len(),
            problems: whole.outcomes.iter().map(|o| o.problems.len()).sum(),
            by_column: column_problems(&whole),
        };
        assert!(whole.rows.len() > 3 * CHUNK, "several chunks");
        // In blocks of 1 MB the wide row is read before screening begins; in blocks of 4 KB after,
        // so the export is written again, as wide.
        for (threads, block, passes) in [(1, BLOCK, 1), (3, BLOCK, 1), (1, 4096, 2), (3, 4096, 2)] {
            let out = dir.join(format!("out-{threads}-{block}.csv"));
            let (file, out) = (file.display().to_string(), out.display().to_string());
            let request = Request {
                file: &file,
                as_of: day,
                out: Some(&out),
                columns: &|_| Ok(()),
            };
            let mut width = None;
            let mut count = 0;
            let done = loop {
                count += 1;
                match pass(&request, threads, width, block).expect("screened") {
                    Pass::Done(done) => break done,
                    Pass::Wider(wider) => width = Some(wider),
                }
            };
            assert_eq!(count, passes, "{threads} threads, blocks of {block}");
            assert!(
                std::fs::read(&out).expect("the export") == expected,
                "{threads} threads, blocks of {block}"
            );
            assert_eq!(done.list.tally, whole.tally);
            assert_eq!(
                parts(&done.list, &done.counts),
                parts(&whole, &whole_counts)
            );
            // Without an export the width does not matter: one pass, the same counts.
            let request = Request {
                out: None,
                ..request
            };
            let Ok(Pass::Done(done)) = pass(&request, threads, None, block) else {
                panic!("one pass without an export");
            };
            assert_eq!(
                parts(&done.list, &done.counts),
                parts(&whole, &whole_counts)
            );
        }
        // No partial export is left beside the one asked for.
        let left: Vec<String> = std::fs::read_dir(&dir)
            .expect("the folder")
            .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
            .filter(|name| name.ends_with(".part"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A quote that never closes, found at the end after thousands of people were screened and
    /// exported, refuses the list: no export is left, and a file already at the export's path is
    /// kept as it was.
    #[test]
    fn a_list_refused_late_leaves_no_export() {
        let text = long_register() + "1,\"没有配对,,,\r\n";
        let dir = std::env::temp_dir().join(format!("stream-refused-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let file = dir.join("long.csv");
        std::fs::write(&file, &text).expect("the register written");
        let out = dir.join("out.csv");
        std::fs::write(&out, "an earlier export").expect("a file at the export's path");
        let (file, out_path) = (file.display().to_string(), out.display().to_string());
        let request = Request {
            file: &file,
            as_of: Date::ymd(2026, 3, 1),
            out: Some(&out_path),
            columns: &|_| Ok(()),
        };
        for block in [BLOCK, 4096] {
            let why = pass(&request, 2, None, block).err().unwrap_or_default();
            assert!(why.contains("引号"), "{why}");
            assert_eq!(
                std::fs::read_to_string(&out).unwrap_or_default(),
                "an earlier export"
            );
            assert_eq!(std::fs::read_dir(&dir).map(Iterator::count).unwrap_or(0), 2);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
