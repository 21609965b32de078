//! The canonical relation predicates, read from the embedded `data/predicates.tsv`.

use std::sync::LazyLock;

/// A canonical predicate a [`Relation`](crate::Relation) may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Predicate {
    /// The name as written in extractions (`signsAgreementWith`), also the local name of its
    /// `kg:` property.
    pub name: &'static str,
    /// Whether the relation reports an event, which may have a place and a date (one of
    /// [`EVENT_PREDICATES`]).
    pub event: bool,
    /// What `subject name object` says, in one line.
    pub gloss: &'static str,
}

/// Predicates that report an event (a meeting, visit, signing, talks, purchase, sale,
/// investment, attack, killing, win, takeover, merger, appointment, hiring, dismissal, resignation, lawsuit or
/// arrest), which has a place and a date.
///
/// The same names, in the same order, as the rows of [`predicates`] marked as events.
pub const EVENT_PREDICATES: [&str; 18] = [
    "meets",
    "visits",
    "signsAgreementWith",
    "negotiatesWith",
    "buysFrom",
    "sellsTo",
    "investsIn",
    "attacks",
    "kills",
    "beats",
    "acquires",
    "mergesWith",
    "appoints",
    "hires",
    "dismisses",
    "resignsFrom",
    "sues",
    "arrests",
];

/// The open relation: two names linked by a verb that no canonical predicate covers.
pub const RELATED: &str = "related";

const TABLE: &str = include_str!("../data/predicates.tsv");

static PREDICATES: LazyLock<Vec<Predicate>> = LazyLock::new(|| match parse(TABLE) {
    Ok(table) => table,
    // The table is embedded and checked by the tests below: this cannot happen in a release.
    Err(e) => panic!("data/predicates.tsv: {e}"),
});

/// Every canonical predicate kg can produce, [`RELATED`] last, in the order of
/// `data/predicates.tsv` (grouped by topic).
pub fn predicates() -> &'static [Predicate] {
    &PREDICATES
}

/// The canonical predicate of that exact name (case matters), if there is one.
pub fn predicate(name: &str) -> Option<&'static Predicate> {
    predicates().iter().find(|p| p.name == name)
}

/// Whether relations with this predicate report an event (see [`EVENT_PREDICATES`]).
pub fn is_event(name: &str) -> bool {
    EVENT_PREDICATES.contains(&name)
}

/// Reads the table: `name`, `event` (`yes` or `no`) and `gloss`, tab-separated; lines starting
/// with `#` and blank lines are skipped.
fn parse(text: &'static str) -> Result<Vec<Predicate>, String> {
    let mut out: Vec<Predicate> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let line_no = n + 1;
        let [name, event, gloss] = line.split('\t').collect::<Vec<_>>()[..] else {
            return Err(format!("line {line_no}: expected 3 tab-separated columns"));
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(format!("line {line_no}: bad name {name:?}"));
        }
        let event = match event {
            "yes" => true,
            "no" => false,
            other => {
                return Err(format!(
                    "line {line_no}: event must be yes or no, not {other:?}"
                ));
            }
        };
        if gloss.trim().is_empty() {
            return Err(format!("line {line_no}: {name} has no gloss"));
        }
        if out.iter().any(|p| p.name == name) {
            return Err(format!("line {line_no}: {name} is listed twice"));
        }
        out.push(Predicate { name, event, gloss });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses() {
        assert!(parse(TABLE).is_ok(), "{:?}", parse(TABLE).err());
        assert!(predicates().len() > EVENT_PREDICATES.len());
    }

    #[test]
    fn event_rows_are_the_event_predicates_in_order() {
        let events: Vec<&str> = predicates()
            .iter()
            .filter(|p| p.event)
            .map(|p| p.name)
            .collect();
        assert_eq!(events, EVENT_PREDICATES);
        for p in predicates() {
            assert_eq!(is_event(p.name), p.event, "{}", p.name);
        }
    }

    #[test]
    fn related_is_listed_last() {
        assert_eq!(predicates().last().map(|p| p.name), Some(RELATED));
        assert_eq!(predicate(RELATED).map(|p| p.event), Some(false));
    }

    #[test]
    fn lookups_are_exact() {
        assert_eq!(predicate("locatedIn").map(|p| p.name), Some("locatedIn"));
        assert_eq!(predicate("locatedin"), None);
        assert_eq!(predicate("holds"), None);
        assert!(is_event("meets"));
        assert!(!is_event("memberOf"));
        assert!(!is_event("nonsense"));
    }

    #[test]
    fn malformed_tables_are_refused() {
        assert!(parse("meets\tyes\tmet\n").is_ok());
        assert!(parse("# comment\n\nmeets\tyes\tmet\n").is_ok());
        assert!(parse("meets\tyes\n").is_err());
        assert!(parse("meets\tmaybe\tmet\n").is_err());
        assert!(parse("meets\tyes\t \n").is_err());
        assert!(parse("signs agreement\tyes\tsigned\n").is_err());
        assert!(parse("meets\tyes\tmet\nmeets\tno\tmet\n").is_err());
    }
}
