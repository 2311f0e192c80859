//! Lists of people as files and their screening, without a browser: the .xlsx container
//! ([`zip`]) and workbook ([`xlsx`]), CSV and pasted text ([`csv`]), and the pipeline ([`screen`])
//! shared by the staff page and `subsidy-check screen`. Policy (which header means what, how a cell
//! reads) stays in `rules_core::sheet`; files never make this code panic, and every limit it applies
//! is named in a note.

pub mod csv;
pub mod screen;
pub mod xlsx;
pub mod zip;
