//! Name matching for `find`: folding, token containment and edit distance.

use kg_schema::slug;

/// Folds a name to its slug tokens: lower case, diacritics dropped, punctuation removed.
pub(crate) fn tokens(name: &str) -> Vec<String> {
    slug(name)
        .split('-')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How well `query` matches a name; higher is better, `None` is no match.
///
/// 3: same name once folded ("nguyen phu trong" = "Nguyễn Phú Trọng");
/// 2: every query token is a token of the name ("Silva" in "Ana Silva");
/// 1: every query token starts a token of the name ("Sil" in "Ana Silva"), for queries of 3+ letters.
pub(crate) fn match_level(query: &[String], name: &str) -> Option<u8> {
    if query.is_empty() {
        return None;
    }
    let name = tokens(name);
    if name == query {
        return Some(3);
    }
    if query.iter().all(|q| name.contains(q)) {
        return Some(2);
    }
    let long_enough = query.iter().map(String::len).sum::<usize>() >= 3;
    if long_enough
        && query
            .iter()
            .all(|q| name.iter().any(|n| n.starts_with(q.as_str())))
    {
        return Some(1);
    }
    None
}

/// The smallest edit distance between the query and the name, or any of its tokens.
pub(crate) fn distance(query: &[String], name: &str) -> usize {
    let q = query.join(" ");
    let toks = tokens(name);
    let whole = levenshtein(&q, &toks.join(" "));
    toks.iter()
        .map(|t| levenshtein(&q, t))
        .fold(whole, usize::min)
}

/// Edit distance over chars where swapping two neighbours counts once ("Silav" is 1 from
/// "Silva"): optimal string alignment, from the `strsim` crate.
pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        let q = |s: &str| tokens(s);
        assert_eq!(match_level(&q("Ana Lima"), "Ana Lima"), Some(3));
        assert_eq!(match_level(&q("ana   LIMA"), "Ana Lima"), Some(3));
        assert_eq!(match_level(&q("Lima"), "Ana Lima"), Some(2));
        assert_eq!(match_level(&q("Lim"), "Ana Lima"), Some(1));
        assert_eq!(match_level(&q("Li"), "Ana Lima"), None);
        assert_eq!(match_level(&q("Nguyen"), "Nguyễn Văn A"), Some(2));
        assert_eq!(match_level(&q(""), "Ana Lima"), None);
    }

    #[test]
    fn distances() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(distance(&tokens("Lyma"), "Ana Lima"), 1);
    }
}
