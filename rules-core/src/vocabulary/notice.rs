//! The notice's own words (渝人社〔2021〕237号, `notice.txt` beside this file), so a details view can
//! show the clause a benefit rests on.

const TEXT: &str = include_str!("notice.txt");

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// The text of a section such as `一（一）`: the paragraph under chapter 一 that starts with `（一）`.
pub fn clause_text(section: &str) -> Option<&'static str> {
    let (chapter, sub) = section.split_once('（')?;
    let sub = format!("（{sub}");
    let heading = format!("{chapter}、");
    let mut in_chapter = false;
    for line in TEXT.lines().map(str::trim) {
        if NUMERALS.iter().any(|n| line.starts_with(&format!("{n}、"))) {
            in_chapter = line.starts_with(&heading);
            continue;
        }
        if in_chapter && line.starts_with(&sub) {
            return Some(line);
        }
    }
    None
}

/// The texts of every section a catalogue clause names, e.g. `一（二）、二（三）` gives two.
pub fn clause_texts(clause: &str) -> Vec<(String, &'static str)> {
    let mut sections = Vec::new();
    let mut chapter = "";
    for part in clause.split('、') {
        let part = part.trim();
        let (head, sub) = match part.split_once('（') {
            Some((head, sub)) if !head.is_empty() => (head, sub),
            Some((_, sub)) => (chapter, sub),
            None => continue,
        };
        chapter = head;
        let id = format!("{head}（{sub}");
        if let Some(text) = clause_text(&id) {
            sections.push((id, text));
        }
    }
    sections
}

/// The notice's title line.
pub const TITLE: &str = "关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的通知";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_catalogue_clause() {
        for entry in crate::registry::catalogue::CATALOGUE {
            assert!(
                !clause_texts(entry.clause).is_empty(),
                "{}: {}",
                entry.id,
                entry.clause
            );
        }
        assert!(clause_text("一（一）")
            .unwrap()
            .starts_with("（一）推进劳务输出"));
        assert!(clause_text("三（二）").unwrap().contains("雨露计划"));
        assert_eq!(clause_texts("一（二）、二（三）").len(), 2);
        assert!(clause_text("九（九）").is_none());
        assert!(clause_text("nonsense").is_none());
        assert!(TEXT.contains(TITLE));
    }
}
