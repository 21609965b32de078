//! Segmentation cases on made-up news text.

use super::*;

fn toks(text: &str) -> Vec<&str> {
    segment(text).tokens.iter().map(|t| t.text(text)).collect()
}

fn sents(text: &str) -> Vec<&str> {
    let seg = segment(text);
    seg.sentences.iter().map(|s| s.text(text)).collect()
}

/// Checks that the segmentation is well formed: tokens in order, non-empty, on char
/// boundaries, without whitespace, and sentences cover all tokens in order.
fn check_invariants(text: &str) {
    let seg = segment(text);
    let mut prev_end = 0;
    for t in &seg.tokens {
        assert!(t.start < t.end && t.start >= prev_end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(!t.text(text).chars().any(char::is_whitespace));
        prev_end = t.end;
    }
    let mut next = 0;
    for s in &seg.sentences {
        assert_eq!(s.tokens.start, next);
        assert!(s.tokens.end > s.tokens.start);
        assert_eq!(s.start, seg.tokens[s.tokens.start].start);
        assert_eq!(s.end, seg.tokens[s.tokens.end - 1].end);
        next = s.tokens.end;
    }
    assert_eq!(next, seg.tokens.len());
}

#[test]
fn simple_sentences() {
    let text = "The minister visited Paris on Monday. She met the president.";
    assert_eq!(
        toks(text),
        [
            "The",
            "minister",
            "visited",
            "Paris",
            "on",
            "Monday",
            ".",
            "She",
            "met",
            "the",
            "president",
            "."
        ]
    );
    assert_eq!(
        sents(text),
        [
            "The minister visited Paris on Monday.",
            "She met the president."
        ]
    );
}

#[test]
fn titles_and_abbreviations() {
    let text = "Mr. Nguyen and Dr. Lee met Sen. Warren and Gen. Park in St. Louis on Sept. 4.";
    assert_eq!(sents(text).len(), 1);
    let t = toks(text);
    for w in ["Mr.", "Dr.", "Sen.", "Gen.", "St.", "Sept."] {
        assert!(t.contains(&w), "{w} in {t:?}");
    }
    assert_eq!(t.last(), Some(&"."));
    let text = "Prof. Ortiz, Mrs. Chan and Ms. Abe spoke. Rep. Diaz did not.";
    assert_eq!(
        sents(text),
        [
            "Prof. Ortiz, Mrs. Chan and Ms. Abe spoke.",
            "Rep. Diaz did not."
        ]
    );
}

#[test]
fn company_suffixes() {
    let text = "Acme Inc. said profit rose. Shares of Globex Corp. and Initech Ltd. fell.";
    assert_eq!(
        sents(text),
        [
            "Acme Inc. said profit rose.",
            "Shares of Globex Corp. and Initech Ltd. fell."
        ]
    );
    let text = "The deal was signed by Hooli Co. The company said it was pleased.";
    assert_eq!(
        sents(text),
        [
            "The deal was signed by Hooli Co.",
            "The company said it was pleased."
        ]
    );
    let text = "He joined Wayne Enterprises Inc. Chief Executive Ann Ray welcomed him.";
    assert_eq!(sents(text).len(), 1);
}

#[test]
fn initialisms_with_periods() {
    let text = "The U.S. and the U.K. backed a U.N. resolution.";
    assert_eq!(
        toks(text),
        [
            "The",
            "U.S.",
            "and",
            "the",
            "U.K.",
            "backed",
            "a",
            "U.N.",
            "resolution",
            "."
        ]
    );
    let text = "Troops returned to the U.S. They landed at 5 p.m. on Friday.";
    assert_eq!(
        sents(text),
        [
            "Troops returned to the U.S.",
            "They landed at 5 p.m. on Friday."
        ]
    );
    let text = "Some metals, e.g. copper, i.e. the cheap ones, etc. were sold.";
    let t = toks(text);
    assert!(t.contains(&"e.g.") && t.contains(&"i.e.") && t.contains(&"etc."));
    assert_eq!(sents(text).len(), 1);
    let text = "The U.S.'s position changed.";
    assert_eq!(
        toks(text),
        ["The", "U.S.", "'s", "position", "changed", "."]
    );
}

#[test]
fn personal_initials() {
    let text = "J. R. R. Tolkien and George W. Bush never met. John F. Kennedy did.";
    let t = toks(text);
    assert_eq!(&t[..5], ["J.", "R.", "R.", "Tolkien", "and"]);
    assert!(t.contains(&"W."));
    assert_eq!(sents(text).len(), 2);
}

#[test]
fn numbers_and_money() {
    assert_eq!(
        toks("It paid US$8 billion, or 3.5% of 1,200,000 shares."),
        [
            "It",
            "paid",
            "US$",
            "8",
            "billion",
            ",",
            "or",
            "3.5",
            "%",
            "of",
            "1,200,000",
            "shares",
            "."
        ]
    );
    assert_eq!(
        toks("Singapore spent S$11 billion; tickets cost $10 or €5."),
        [
            "Singapore",
            "spent",
            "S$",
            "11",
            "billion",
            ";",
            "tickets",
            "cost",
            "$",
            "10",
            "or",
            "€",
            "5",
            "."
        ]
    );
    assert_eq!(toks("a £3.2m deal"), ["a", "£", "3.2", "m", "deal"]);
    assert_eq!(toks("HK$1.5bn"), ["HK$", "1.5", "bn"]);
    assert_eq!(toks("up 5% to 10:30"), ["up", "5", "%", "to", "10:30"]);
    assert_eq!(toks("fell -2.5 points"), ["fell", "-", "2.5", "points"]);
    assert_eq!(
        toks("on 9/11 and/or 24/7"),
        ["on", "9/11", "and", "/", "or", "24/7"]
    );
    assert_eq!(toks("in the '90s"), ["in", "the", "'90s"]);
}

#[test]
fn decimal_is_not_a_sentence_end() {
    let text = "Growth slowed to 3.5 percent in 2023. Inflation stayed at 2.1 percent.";
    assert_eq!(sents(text).len(), 2);
}

#[test]
fn quotes_are_split_off() {
    let text = "“We will not back down,” she said. ‘Never,’ he added.";
    assert_eq!(
        toks(text),
        [
            "“", "We", "will", "not", "back", "down", ",", "”", "she", "said", ".", "‘", "Never",
            ",", "’", "he", "added", "."
        ]
    );
    assert_eq!(sents(text).len(), 2);
    let text = "He said \"no\" to the plan.";
    assert_eq!(
        toks(text),
        ["He", "said", "\"", "no", "\"", "to", "the", "plan", "."]
    );
}

#[test]
fn possessives_and_contractions() {
    assert_eq!(toks("Vietnam’s navy"), ["Vietnam", "’s", "navy"]);
    assert_eq!(
        toks("China's coast guard"),
        ["China", "'s", "coast", "guard"]
    );
    assert_eq!(toks("the workers' union"), ["the", "workers", "'", "union"]);
    assert_eq!(
        toks("They don't know. I can't. We won’t. It's over."),
        [
            "They", "do", "n't", "know", ".", "I", "ca", "n't", ".", "We", "wo", "n’t", ".", "It",
            "'s", "over", "."
        ]
    );
    assert_eq!(
        toks("You're, we've, I'll, she'd, I'm"),
        [
            "You", "'re", ",", "we", "'ve", ",", "I", "'ll", ",", "she", "'d", ",", "I", "'m"
        ]
    );
    assert_eq!(toks("We cannot wait"), ["We", "can", "not", "wait"]);
    assert_eq!(toks("O'Brien's plan"), ["O'Brien", "'s", "plan"]);
}

#[test]
fn hyphenated_words_stay_whole() {
    assert_eq!(
        toks("anti-ship missiles, Cold War-era jets and US-Vietnam ties"),
        [
            "anti-ship",
            "missiles",
            ",",
            "Cold",
            "War-era",
            "jets",
            "and",
            "US-Vietnam",
            "ties"
        ]
    );
    assert_eq!(toks("a 20-year-old man"), ["a", "20-year-old", "man"]);
    assert_eq!(toks("AT&T and Q&A"), ["AT&T", "and", "Q&A"]);
}

#[test]
fn urls_and_emails_stay_whole() {
    assert_eq!(
        toks("See https://example.com/news?id=5&x=y. Or mail press@example.org."),
        [
            "See",
            "https://example.com/news?id=5&x=y",
            ".",
            "Or",
            "mail",
            "press@example.org",
            "."
        ]
    );
    assert_eq!(
        toks("(www.example.co.uk/page)"),
        ["(", "www.example.co.uk/page", ")"]
    );
    assert_eq!(toks("Amazon.com rose"), ["Amazon.com", "rose"]);
    assert_eq!(
        sents("Read more at https://example.com/a.html. The end."),
        ["Read more at https://example.com/a.html.", "The end."]
    );
}

#[test]
fn ellipsis_and_dashes() {
    assert_eq!(
        toks("Wait... the vote – the final one — failed…"),
        [
            "Wait", "...", "the", "vote", "–", "the", "final", "one", "—", "failed", "…"
        ]
    );
    assert_eq!(toks("a--b"), ["a", "--", "b"]);
    assert_eq!(
        sents("He paused... and went on."),
        ["He paused... and went on."]
    );
    assert_eq!(
        sents("Really?! Yes!! Fine."),
        ["Really?!", "Yes!!", "Fine."]
    );
}

#[test]
fn closing_quotes_stay_in_the_sentence() {
    let text = "He said, “It is over.” The talks ended.";
    assert_eq!(sents(text), ["He said, “It is over.”", "The talks ended."]);
    let text = "She said \"enough.\" Then she left.";
    assert_eq!(sents(text), ["She said \"enough.\"", "Then she left."]);
    let text = "“Why now?” he asked.";
    assert_eq!(sents(text), ["“Why now?” he asked."]);
    let text = "(The deal closed in May.) Shares rose.";
    assert_eq!(sents(text), ["(The deal closed in May.)", "Shares rose."]);
}

#[test]
fn headlines_and_line_breaks() {
    let text = "Vietnam protests Chinese drills\n\nHANOI (Reuters) - Vietnam on Tuesday protested.";
    assert_eq!(
        sents(text),
        [
            "Vietnam protests Chinese drills",
            "HANOI (Reuters) - Vietnam on Tuesday protested."
        ]
    );
    let text = "Markets rally as rates fall\nStocks rose sharply on Wednesday.";
    assert_eq!(
        sents(text),
        [
            "Markets rally as rates fall",
            "Stocks rose sharply on Wednesday."
        ]
    );
    // A wrapped line continues the sentence.
    let text = "The minister said the talks\nwould resume next week.";
    assert_eq!(sents(text).len(), 1);
    let text = "Officials said that,\nAfter the vote, talks would resume.";
    assert_eq!(sents(text).len(), 1);
    // A paragraph break always ends a sentence.
    let text = "The report was released by the\n\nministry on Friday";
    assert_eq!(sents(text).len(), 2);
    let text = "Key points:\n• Rates rose\n• Stocks fell";
    assert_eq!(
        sents(text),
        ["Key points:", "• Rates rose", "• Stocks fell"]
    );
    assert_eq!(sents("Line one\r\n\r\nLine two").len(), 2);
}

#[test]
fn no_number_abbreviation_only_before_numbers() {
    assert_eq!(toks("No. 10 Downing St."), ["No.", "10", "Downing", "St."]);
    assert_eq!(
        sents("He said no. Then he left."),
        ["He said no.", "Then he left."]
    );
    assert_eq!(
        sents("The answer is No. It was clear."),
        ["The answer is No.", "It was clear."]
    );
}

#[test]
fn sentence_missing_space_after_period() {
    assert_eq!(
        toks("It ended.The next day"),
        ["It", "ended", ".", "The", "next", "day"]
    );
    assert_eq!(sents("It ended.The next day").len(), 2);
}

#[test]
fn hashtags_handles_and_symbols() {
    assert_eq!(
        toks("#MeToo @reuters 🙂!"),
        ["#MeToo", "@reuters", "🙂", "!"]
    );
    assert_eq!(
        toks("(AP) [1] {x}"),
        ["(", "AP", ")", "[", "1", "]", "{", "x", "}"]
    );
}

#[test]
fn unicode_words() {
    assert_eq!(
        toks("Nguyễn Phú Trọng visited Zürich and 東京."),
        [
            "Nguyễn", "Phú", "Trọng", "visited", "Zürich", "and", "東京", "."
        ]
    );
    // Combining accents stay inside words.
    assert_eq!(toks("Jose\u{301} said"), ["Jose\u{301}", "said"]);
}

#[test]
fn degenerate_inputs_never_panic() {
    for text in [
        "",
        " ",
        "\n\n\n",
        ".",
        "...",
        "'",
        "’",
        "$",
        "US$",
        "\u{0}\u{1}\u{7f}",
        "a\u{0}b",
        "\u{FEFF}Hello",
        "'s",
        "n't",
        "-",
        "-5",
        "@",
        "#",
        "http://",
        "@.",
        "a@b.",
        "x@.c",
        "1,",
        "1,00",
        "1.",
        "U.S",
        "Mr.",
        "No.",
        "\u{2029}",
        "\r",
        "e\u{301}\u{301}\u{301}",
        "👍🏽👨‍👩‍👧",
        "(((((",
        "....!!!???",
        "“”‘’«»",
        "a-",
        "-a",
        "a'",
        "'a",
        "a.b.c.d.",
        "www.",
        "mailto:x@y.z",
    ] {
        check_invariants(text);
    }
    // Every prefix of a tricky text, cut at each char boundary.
    let text = "Mr. O'Neill’s firm, Acme Inc., paid US$8.5bn (3%) to “J. R. Ewing” at http://x.io/a.b. Don't!";
    for (i, _) in text.char_indices() {
        check_invariants(&text[..i]);
        check_invariants(&text[i..]);
    }
}

#[test]
fn whitespace_only_gives_nothing() {
    let seg = segment("  \t\n \u{00A0} ");
    assert!(seg.tokens.is_empty() && seg.sentences.is_empty());
}

#[test]
fn long_inputs_are_linear_and_capped() {
    // One long line without punctuation: cut into capped sentences.
    let text = "word ".repeat(250_000);
    let seg = segment(&text);
    assert_eq!(seg.tokens.len(), 250_000);
    assert!(
        seg.sentences
            .iter()
            .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS)
    );
    assert_eq!(seg.sentences.len(), 250);
    // One huge chunk without any space.
    let blob = "ab-".repeat(300_000) + "c";
    let seg = segment(&blob);
    assert_eq!(seg.tokens.len(), 1);
    let dots = ".".repeat(1_000_000);
    assert_eq!(segment(&dots).tokens.len(), 1);
    let quotes = "'".repeat(200_000);
    check_invariants(&quotes);
}

#[test]
fn offsets_point_into_the_text() {
    let text = "  “Hi,” said Ana.\n\nBye.";
    let seg = segment(text);
    let first = seg.tokens[0];
    assert_eq!((first.start, &text[first.start..first.end]), (2, "“"));
    assert_eq!(seg.sentences.len(), 2);
    assert_eq!(seg.sentence_words(text, &seg.sentences[1]), ["Bye", "."]);
    check_invariants(text);
}

#[test]
fn clitics_written_as_words_of_their_own_stay_whole() {
    // Text tokenised before it came (treebank style) writes clitics after a space.
    assert_eq!(
        toks("Tehran 's museum , I 'm sure they 're here and we do n't know"),
        [
            "Tehran", "'s", "museum", ",", "I", "'m", "sure", "they", "'re", "here", "and", "we",
            "do", "n't", "know"
        ]
    );
    // A quote mark before a word is still a quote mark of its own.
    assert_eq!(toks("' sure ' she said"), ["'", "sure", "'", "she", "said"]);
    assert_eq!(
        toks("'Sure,' she said"),
        ["'", "Sure", ",", "'", "she", "said"]
    );
    check_invariants("a 's 'm 're");
}
