//! Posts held by people, read from three patterns around a person's name:
//! - pre-modifier: `[Country|demonym|Org ['s]] Title... Person` ("French Prime Minister Ana
//!   Silva", "Norway's Labour Party Leader Ola Berg");
//! - title of an organisation: `Title... of [the] Org [(ACR)] Person`;
//! - appositive: `Person, [the] [Country|demonym|Org ['s]] title...,` ("Ola Berg, the
//!   Norwegian deputy finance minister, said").
//!
//! A title must end in a word that is a title on its own ("minister", "adviser", "leader").

use crate::analysis::Sent;
use crate::doc::DocContext;
use crate::lexicon::Lexicon;
use crate::model::EntityType;

/// A role before it is tied to entity keys.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundRole {
    pub sent: usize,
    /// Index of the person mention in the document's mention list.
    pub person: usize,
    pub role: String,
    /// Cluster of the organisation or country the post belongs to.
    pub org: Option<usize>,
    pub rule: &'static str,
}

/// Title-cases a role: "principal deputy national security adviser" -> "Principal Deputy ...".
pub fn normalise_role(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            if matches!(*w, "of" | "the" | "for" | "and") {
                (*w).to_string()
            } else {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The run of title words ending right before token `end` (exclusive), with its start.
fn title_run_before(sent: &Sent<'_>, end: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let mut i = end;
    while i > 0 && lex.title_word(sent.toks[i - 1].text) {
        i -= 1;
    }
    while i < end && matches!(sent.toks[i].lower().as_str(), "of" | "the" | "for") {
        i += 1;
    }
    let head = sent.toks.get(end.checked_sub(1)?)?;
    // The head is a title on its own ("minister"), or the run ends in a known title phrase
    // ("Secretary of State").
    let phrase = (i..end).any(|from| {
        let words: Vec<&str> = sent.toks[from..end].iter().map(|t| t.text).collect();
        words.len() > 1 && lex.title(&words.join(" "))
    });
    (i < end && (lex.title(head.text) || phrase)).then_some(i)
}

/// The run of title words starting at `start`, with its end (exclusive).
fn title_run_after(sent: &Sent<'_>, start: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let mut j = start;
    while j < sent.toks.len() && lex.title_word(sent.toks[j].text) {
        j += 1;
    }
    // Grow back to the last word that is a title on its own ("adviser", not "of").
    while j > start && !lex.title(sent.toks[j - 1].text) {
        j -= 1;
    }
    (j > start).then_some(j)
}

/// Finds roles in every sentence of the document.
pub fn find(ctx: &mut DocContext<'_, '_>) -> Vec<FoundRole> {
    let mut out = Vec::new();
    for m in 0..ctx.found.len() {
        if ctx.found[m].kind != EntityType::Person {
            continue;
        }
        let (s, start, end) = (ctx.found[m].sent, ctx.found[m].start, ctx.found[m].end);
        let sent = &ctx.analysis.sents[s];
        let words: Vec<&str> = sent.toks.iter().map(|t| t.text).collect();
        if let Some(r) = title_run_before(sent, start) {
            let role = normalise_role(&words[r..start]);
            let org = ctx.owner_before(s, r);
            out.push(FoundRole {
                sent: s,
                person: m,
                role,
                org,
                rule: "role-premodifier",
            });
            continue;
        }
        // Title of Org [(ACR)] Person
        let mut k = start;
        if k >= 3 && words[k - 1] == ")" && words[k - 3] == "(" {
            k -= 3;
        }
        if let Some(org) = ctx.mention_ending_at(s, k) {
            let org_start = ctx.found[org].start;
            let mut of = org_start;
            if of > 0 && sent.toks[of - 1].is("the") {
                of -= 1;
            }
            if of > 0
                && sent.toks[of - 1].is("of")
                && let Some(r) = title_run_before(sent, of - 1)
            {
                let role = normalise_role(&words[r..of - 1]);
                let cluster = ctx.cluster_of[org];
                out.push(FoundRole {
                    sent: s,
                    person: m,
                    role,
                    org: Some(cluster),
                    rule: "role-title-of",
                });
                continue;
            }
        }
        // Person, [the] [owner ['s]] title...[,.]
        if words.get(end) == Some(&",") {
            let mut j = end + 1;
            if sent.toks.get(j).is_some_and(|t| t.is("the")) {
                j += 1;
            }
            let (owner, after) = ctx.owner_after(s, j);
            if let Some(e) = title_run_after(sent, after) {
                let closes = words
                    .get(e)
                    .is_none_or(|w| matches!(*w, "," | "." | ";" | "said" | "says" | "told"));
                if closes {
                    let role = normalise_role(&words[after..e]);
                    out.push(FoundRole {
                        sent: s,
                        person: m,
                        role,
                        org: owner,
                        rule: "role-appositive",
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_title_cased() {
        assert_eq!(
            normalise_role(&["principal", "deputy", "national", "security", "adviser"]),
            "Principal Deputy National Security Adviser"
        );
        assert_eq!(
            normalise_role(&["Secretary", "of", "State"]),
            "Secretary of State"
        );
    }
}
