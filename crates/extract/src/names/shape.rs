//! The shape of names: initials and acronyms, shared by the mention finder (an acronym that
//! spells an organisation named in the document is that organisation) and coreference.

/// Initials of the capitalised words of a name ("Communist Party of Vietnam" -> "CPV").
pub fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Whether a word is written as an acronym: 2 to 6 letters, all capitals (dots and `&` allowed).
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Every word of `name` with its first letter in upper case ("taco bell" -> "Taco Bell").
pub fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_capitalises_each_word() {
        assert_eq!(title_case("taco bell"), "Taco Bell");
        assert_eq!(title_case("new york"), "New York");
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(initials("Communist Party of Vietnam"), "CPV");
        assert!(is_acronym("NATO"));
        assert!(is_acronym("U.N."));
        assert!(!is_acronym("Nato"));
        assert!(!is_acronym("A"));
    }
}
