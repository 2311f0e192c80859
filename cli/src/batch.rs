//! `evaluate` over JSON lines: one output line per line in, in input order, on every core, holding
//! only a few batches of lines and reports at a time. Each output line names its input line
//! (`{"line":7,…report…}`); a bad line's place is taken by `{"line":7,"error":"…"}` (and the message
//! on stderr), and the others are still evaluated.
//!
//! Three kinds of thread: one reads batches of lines ahead (blocking on the pipe, never on the
//! workers), the workers evaluate a batch in blocks taken in turn, and the main thread prints the
//! previous batch while they do, then lends a hand.

use crate::input::{InputLine, LineContent, LineReader, MAX_LINE_BYTES};
use crate::report::{read_answers, write_report, ReportForm};
use rules_core::Date;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Mutex, PoisonError};
use std::thread;

/// Lines per batch. A full report is ~60 KB, so a batch of full reports is ~8 MB of output and two
/// are in memory at once (one printing, one computing); a summary is ~3 KB, so its batches can be
/// larger and start the workers less often.
fn batch_lines(form: ReportForm) -> usize {
    match form {
        ReportForm::Full => 128,
        ReportForm::Summary => 1024,
    }
}

/// Input held per batch at most (a line may be up to 1 MB).
const BATCH_INPUT_BYTES: usize = 8 << 20;
/// Batches read ahead while the workers compute.
const BATCHES_AHEAD: usize = 2;
/// Workers take lines in blocks this large, so one slow line (a long roster) holds up no other worker.
const BLOCK_LINES: usize = 16;

/// What a run of `evaluate` over lines did.
#[derive(Debug, Default)]
pub struct Totals {
    pub evaluated: u64,
    pub bad: u64,
}

/// The reports of a block of lines, and why its bad lines could not be read.
struct BlockOutput {
    reports: Vec<u8>,
    problems: Vec<String>,
    evaluated: u64,
}

/// Evaluates `first` and then every remaining line of `lines`, printing as it goes.
pub fn evaluate_lines(
    lines: LineReader,
    first: Vec<InputLine>,
    as_of: Date,
    form: ReportForm,
) -> Result<Totals, String> {
    let batches = read_ahead(lines, first, batch_lines(form));
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let mut printer = Printer {
        out: io::stdout().lock(),
        totals: Totals::default(),
        spare: Vec::new(),
    };
    let mut computed: Vec<BlockOutput> = Vec::new();
    loop {
        let next = match batches.try_recv() {
            Ok(batch) => Some(batch),
            Err(TryRecvError::Empty) => {
                // No lines waiting: print what is done now instead of holding it back until more
                // input arrives (someone may be typing, or another program feeding slowly).
                if !printer.print(std::mem::take(&mut computed))? {
                    return Ok(printer.totals);
                }
                batches.recv().ok()
            }
            Err(TryRecvError::Disconnected) => None,
        };
        let batch = match next {
            Some(Ok(batch)) => batch,
            Some(Err(reading)) => {
                printer.print(computed)?;
                return Err(reading);
            }
            None => break,
        };
        let previous = std::mem::take(&mut computed);
        let (done, still_open) =
            compute_while_printing(&batch, as_of, form, workers, previous, &mut printer)?;
        if !still_open {
            return Ok(printer.totals);
        }
        computed = done;
    }
    printer.print(computed)?;
    Ok(printer.totals)
}

/// A thread reading batches of lines; a batch is handed on when full, or when the next line has not
/// arrived yet, so the first reports come out while the input is still being written.
fn read_ahead(
    mut lines: LineReader,
    first: Vec<InputLine>,
    most_lines: usize,
) -> Receiver<Result<Vec<InputLine>, String>> {
    let (sender, receiver) = mpsc::sync_channel(BATCHES_AHEAD);
    // Not scoped: when the output closes (`| head`) the program ends without waiting for a reader
    // that may be blocked on a terminal.
    thread::spawn(move || {
        let mut held: usize = first.iter().map(InputLine::held_bytes).sum();
        let mut batch = first;
        loop {
            match lines.next_non_blank() {
                Ok(Some(line)) => {
                    held += line.held_bytes();
                    batch.push(line);
                }
                Ok(None) => break,
                Err(reading) => {
                    let _ = sender.send(Ok(batch));
                    let _ = sender.send(Err(reading));
                    return;
                }
            }
            if batch.len() >= most_lines || held >= BATCH_INPUT_BYTES || lines.nothing_buffered() {
                held = 0;
                if sender.send(Ok(std::mem::take(&mut batch))).is_err() {
                    return; // The printer stopped.
                }
            }
        }
        if !batch.is_empty() {
            let _ = sender.send(Ok(batch));
        }
    });
    receiver
}

/// Evaluates `batch` on the workers while this thread prints `previous`; returns the batch's output
/// in input order and whether the output is still open.
fn compute_while_printing(
    batch: &[InputLine],
    as_of: Date,
    form: ReportForm,
    workers: usize,
    previous: Vec<BlockOutput>,
    printer: &mut Printer<impl Write>,
) -> Result<(Vec<BlockOutput>, bool), String> {
    let blocks: Vec<&[InputLine]> = batch.chunks(BLOCK_LINES).collect();
    // One slot per block, filled by whichever worker takes the block; the lock is never contended.
    let slots: Vec<Mutex<BlockOutput>> = blocks
        .iter()
        .map(|_| Mutex::new(printer.empty_output()))
        .collect();
    let next_block = AtomicUsize::new(0);
    let work = || loop {
        let index = next_block.fetch_add(1, Ordering::Relaxed);
        let (Some(block), Some(slot)) = (blocks.get(index), slots.get(index)) else {
            break;
        };
        let mut output = slot.lock().unwrap_or_else(PoisonError::into_inner);
        evaluate_block(block, as_of, form, &mut output);
    };
    let still_open = thread::scope(|scope| {
        let helpers: Vec<_> = (0..workers.min(blocks.len()))
            .map(|_| scope.spawn(work))
            .collect();
        let still_open = printer.print(previous);
        work();
        for helper in helpers {
            helper
                .join()
                .map_err(|_| "内部错误：计算线程意外结束".to_string())?;
        }
        still_open
    })?;
    let done = slots
        .into_iter()
        .map(|slot| slot.into_inner().unwrap_or_else(PoisonError::into_inner))
        .collect();
    Ok((done, still_open))
}

fn evaluate_block(lines: &[InputLine], as_of: Date, form: ReportForm, output: &mut BlockOutput) {
    for line in lines {
        let start = output.reports.len();
        match evaluate_line(line, as_of, form, false, &mut output.reports) {
            Ok(()) => {
                number_report(&mut output.reports, start, line.number);
                output.evaluated += 1;
            }
            Err(why) => {
                error_record(&mut output.reports, line.number, &why);
                output
                    .problems
                    .push(format!("第 {} 行无法读取：{why}", line.number));
            }
        }
    }
}

/// Puts `"line":N` first in the report written from `start` on (a JSON object, so its first byte is
/// `{`), so that output and input join by the line number as well as by position.
fn number_report(out: &mut Vec<u8>, start: usize, number: u64) {
    if out.get(start) == Some(&b'{') {
        let field = format!("\"line\":{number},");
        out.splice(start + 1..start + 1, field.into_bytes());
    }
}

/// The line that stands in for a bad input line: `{"line":N,"error":"…"}`.
fn error_record(out: &mut Vec<u8>, number: u64, why: &str) {
    let message = serde_json::to_string(why).unwrap_or_else(|_| "\"\"".to_string());
    out.extend_from_slice(format!("{{\"line\":{number},\"error\":{message}}}\n").as_bytes());
}

/// Appends the report of one line to `out`, or says why the line cannot be read.
pub fn evaluate_line(
    line: &InputLine,
    as_of: Date,
    form: ReportForm,
    pretty: bool,
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let text = match &line.content {
        LineContent::Text(text) => text,
        LineContent::TooLong { bytes } => {
            return Err(format!(
                "这一行有 {bytes} 字节，超过 {} MB 的上限，未读取（一行应是一个人的回答）",
                MAX_LINE_BYTES >> 20
            ))
        }
    };
    let text = std::str::from_utf8(text).map_err(|e| {
        format!(
            "不是 UTF-8 文本（第 {} 个字节起），请把文件另存为 UTF-8",
            e.valid_up_to() + 1
        )
    })?;
    let facts = read_answers(text, as_of, None)?;
    write_report(&facts, as_of, form, pretty, out)
}

/// Prints blocks in order, their bad lines also on stderr, and keeps their emptied buffers for the next
/// blocks: a full batch is megabytes, and fresh memory for every batch cost a fifth of the run in
/// page faults.
struct Printer<W> {
    out: W,
    totals: Totals,
    spare: Vec<Vec<u8>>,
}

impl<W: Write> Printer<W> {
    fn empty_output(&mut self) -> BlockOutput {
        BlockOutput {
            reports: self.spare.pop().unwrap_or_default(),
            problems: Vec::new(),
            evaluated: 0,
        }
    }

    /// `false` once the output is closed (`| head`), which ends the run quietly.
    fn print(&mut self, blocks: Vec<BlockOutput>) -> Result<bool, String> {
        for block in blocks {
            self.totals.evaluated += block.evaluated;
            self.totals.bad += block.problems.len() as u64;
            if !still_open(self.out.write_all(&block.reports))? {
                return Ok(false);
            }
            for problem in block.problems {
                eprintln!("subsidy-check: {problem}");
            }
            let mut buffer = block.reports;
            buffer.clear();
            self.spare.push(buffer);
        }
        still_open(self.out.flush())
    }
}

fn still_open(written: io::Result<()>) -> Result<bool, String> {
    match written {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(format!("输出失败：{e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_and_error_records_carry_their_line_number() {
        let mut out = b"{\"findings\":[]}\n".to_vec();
        let start = out.len();
        out.extend_from_slice(b"{\"benefits\":[]}\n");
        number_report(&mut out, start, 12);
        error_record(&mut out, 13, "不是 \"JSON\"");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "{\"findings\":[]}\n{\"line\":12,\"benefits\":[]}\n{\"line\":13,\"error\":\"不是 \\\"JSON\\\"\"}\n"
        );
    }
}
