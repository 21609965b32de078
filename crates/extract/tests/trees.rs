//! Facts read from dependency trees, on made-up news sentences (never the seed articles).

use kg_extract::{Document, Extraction, extract};

fn run(text: &str) -> Extraction {
    extract(&Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    })
}

/// Whether a quote holding `words` has a speaker whose key ends with `who`.
fn said_by(x: &Extraction, words: &str, who: &str) -> bool {
    x.quotes
        .iter()
        .any(|q| q.text.contains(words) && q.speaker.as_deref().is_some_and(|s| s.ends_with(who)))
}

/// Fails with `what` and `found` unless `ok`.
#[track_caller]
fn ensure(ok: bool, what: std::fmt::Arguments<'_>, found: &dyn std::fmt::Debug) {
    assert!(ok, "{what} in {found:#?}");
}

/// Fails, listing the quotes, unless a quote holding `words` has the speaker ending `who`.
#[track_caller]
fn expect_said(x: &Extraction, words: &str, who: &str) {
    let ok = said_by(x, words, who);
    ensure(ok, format_args!("no {words:?} by {who}"), &x.quotes);
}

/// Fails, listing the relations, unless `x` holds `s p o` (keys matched by their ends).
#[track_caller]
fn expect(x: &Extraction, s: &str, p: &str, o: &str) {
    ensure(
        has(x, s, p, o),
        format_args!("no {s} {p} {o}"),
        &x.relations,
    );
}

/// Whether a post of the person whose key ends with `who` has the organisation ending `org`.
fn holds_at(x: &Extraction, who: &str, org: &str) -> bool {
    x.roles
        .iter()
        .any(|r| r.person.ends_with(who) && r.org.as_deref().is_some_and(|o| o.ends_with(org)))
}

/// Fails, listing the relations, if `x` holds `s p o`.
#[track_caller]
fn reject(x: &Extraction, s: &str, p: &str, o: &str) {
    ensure(
        !has(x, s, p, o),
        format_args!("a wrong {s} {p} {o}"),
        &x.relations,
    );
}

/// The first relation with predicate `p`; fails, naming `what`, without one.
#[track_caller]
fn first<'a>(x: &'a Extraction, p: &str, what: &str) -> &'a kg_extract::Relation {
    x.relations
        .iter()
        .find(|r| r.predicate == p)
        .unwrap_or_else(|| panic!("no {what} in {:#?}", x.relations))
}

/// Fails, listing the posts, unless the person whose key ends with `who` holds a post at `org`.
#[track_caller]
fn expect_post(x: &Extraction, who: &str, org: &str) {
    if !holds_at(x, who, org) {
        panic!("no {who} post at {org} in {:#?}", x.roles);
    }
}

fn has(x: &Extraction, s: &str, p: &str, o: &str) -> bool {
    x.relations
        .iter()
        .any(|r| r.subject.ends_with(s) && r.predicate == p && r.object.ends_with(o))
}

#[test]
fn verbs_with_their_arguments_apart() {
    let x = run("Norway ended up losing 3-1 to Chile on Sunday. \
         Ana Berg was shot by Tom Reyes in Dayton. \
         Ola Dahl, who founded Kestrel Media, was born in Bergen. \
         Kestrel Media hired Mara Quint last year.");
    expect(&x, "/chile", "beats", "/norway");
    expect(&x, "/tom-reyes", "kills", "/ana-berg");
    expect(&x, "/ola-dahl", "founded", "/kestrel-media");
    expect(&x, "/ola-dahl", "bornIn", "/bergen");
    expect(&x, "/kestrel-media", "hires", "/mara-quint");
    // The passive's agent is the subject: no relation the wrong way round.
    assert!(!has(&x, "/ana-berg", "kills", "/tom-reyes"));
    let tree = x
        .relations
        .iter()
        .find(|r| r.predicate == "kills")
        .expect("the killing");
    assert!(
        tree.evidence.rule.starts_with("tree-"),
        "{}",
        tree.evidence.rule
    );
}

#[test]
fn open_relations_carry_the_lemma_and_never_a_speech_verb() {
    let x = run("Vexa Corp sided with Tellnet Systems in the dispute. \
         Ana Berg told Tom Reyes that the plant would close.");
    let open: Vec<_> = x
        .relations
        .iter()
        .filter(|r| r.predicate == "related")
        .collect();
    assert!(
        open.iter().any(|r| r.label.as_deref() == Some("side with")),
        "{open:#?}"
    );
    assert!(
        !open
            .iter()
            .any(|r| r.label.as_deref().is_some_and(|l| l.starts_with("tell"))),
        "{open:#?}"
    );
}

#[test]
fn reported_speech_has_its_speaker() {
    let x = run("Kestrel Media said it would cut 300 jobs in Bergen. \
         The merger will fail, according to Ana Berg. \
         Prices rose sharply in March.");
    let speaker_of = |words: &str| {
        x.quotes
            .iter()
            .find(|q| q.text.contains(words))
            .and_then(|q| q.speaker.clone())
    };
    assert!(
        speaker_of("cut 300 jobs").is_some_and(|s| s.ends_with("/kestrel-media")),
        "{:#?}",
        x.quotes
    );
    assert!(
        speaker_of("merger will fail").is_some_and(|s| s.ends_with("/ana-berg")),
        "{:#?}",
        x.quotes
    );
    // A sentence that reports nobody's words is no quote.
    assert!(!x.quotes.iter().any(|q| q.text.contains("Prices rose")));
}

#[test]
fn he_said_and_quoted_paragraphs_continue_the_last_speaker() {
    let x = run(
        "“We will build the plant in Bergen,” said Ana Berg, the chief executive.\n\n\
         “It will open in two years and employ 300 people.”\n\n\
         Later Tom Reyes met Ana Berg and Erik Dahl. He said the deal was good for the region.",
    );
    let speaker_of = |words: &str| {
        x.quotes
            .iter()
            .find(|q| q.text.contains(words))
            .and_then(|q| q.speaker.clone())
    };
    assert!(
        speaker_of("open in two years").is_some_and(|s| s.ends_with("/ana-berg")),
        "{:#?}",
        x.quotes
    );
    // Two men named since the last quote: "He said" is no guess.
    assert_eq!(speaker_of("good for the region"), None, "{:#?}", x.quotes);
}

#[test]
fn posts_in_apposition_and_spokespeople_from_the_tree() {
    let x = run(
        "“We expect growth next year,” said Ana Berg, chief technology officer for Kestrel Media. \
         A spokesman for Nordhavn Motors said the plant would close.",
    );
    let role = x
        .roles
        .iter()
        .find(|r| r.person.ends_with("/ana-berg"))
        .expect("Ana Berg's post");
    assert_eq!(role.role, "Chief Technology Officer");
    assert!(
        role.org
            .as_deref()
            .is_some_and(|o| o.ends_with("/kestrel-media"))
    );
    expect_said(&x, "plant would close", "/nordhavn-motors");
}

#[test]
fn where_people_live_as_news_names_it() {
    let x = run(
        "Police named the men as Ola Dahl, 34, of Oslo, and Tom Reyes, 41, Dayton. \
         Mara Quint of Springfield spoke first.",
    );
    expect(&x, "/ola-dahl", "livesIn", "/oslo");
    expect(&x, "/tom-reyes", "livesIn", "/dayton");
    expect(&x, "/mara-quint", "livesIn", "/springfield");
}

#[test]
fn former_posts_are_marked_former() {
    let x = run("Former Liberal leader Tom Reyes resigned. \
         Ana Berg, the former finance minister, spoke. \
         Prime Minister Ola Dahl met them.");
    let former = |who: &str| {
        x.roles
            .iter()
            .find(|r| r.person.ends_with(who))
            .map(|r| r.former)
    };
    assert_eq!(former("/tom-reyes"), Some(true), "{:#?}", x.roles);
    assert_eq!(former("/ana-berg"), Some(true), "{:#?}", x.roles);
    assert_eq!(former("/ola-dahl"), Some(false), "{:#?}", x.roles);
    // A title the tree reads with its "former" ("Former Member") is a former post too.
    let y = run(
        "Wikinews interviewed Tina Holm, a former member of the Australia women's \
         national wheelchair basketball team.",
    );
    assert!(
        !y.roles.is_empty() && y.roles.iter().all(|r| r.former),
        "{:#?}",
        y.roles
    );
}

#[test]
fn quotes_over_several_sentences_have_the_speaker_named_at_their_end() {
    let x = run(
        "“We will build the plant. The people of Bergen need the jobs,” said Ana Berg. \
         He measured 5'10\" and left. The rest of the day was calm. Nothing happened. \
         Nobody came. The end came.",
    );
    let speaker_of = |words: &str| {
        x.quotes
            .iter()
            .find(|q| q.text.contains(words))
            .and_then(|q| q.speaker.clone())
    };
    assert!(
        speaker_of("build the plant").is_some_and(|s| s.ends_with("/ana-berg")),
        "{:#?}",
        x.quotes
    );
    assert!(
        speaker_of("need the jobs").is_some_and(|s| s.ends_with("/ana-berg")),
        "{:#?}",
        x.quotes
    );
    // A stray mark that never closes makes no quote.
    assert!(
        !x.quotes.iter().any(|q| q.text.contains("calm")),
        "{:#?}",
        x.quotes
    );
}

#[test]
fn event_nouns_whose_possessor_is_the_patient() {
    let x = run(
        "Police said the assassination of Tom Reyes by Ola Dahl was planned for months. \
         Tom Reyes admitted that the plan had failed.",
    );
    expect(&x, "/ola-dahl", "kills", "/tom-reyes");
    reject(&x, "/tom-reyes", "kills", "/ola-dahl");
    expect_said(&x, "plan had failed", "/tom-reyes");
}

#[test]
fn a_place_before_based_is_where_the_firm_is() {
    let x = run("The Oslo-based firm Kestrel Media hired Ana Berg. \
         Vantor Corp, a Chile-based miner, grew. \
         The Glorp-based team lost.");
    expect(&x, "/kestrel-media", "basedIn", "/oslo");
    expect(&x, "/vantor-corp", "basedIn", "/chile");
    assert!(x.entities.iter().any(|e| e.key == "City/oslo"));
    // An unknown word before "-based" is no place.
    assert!(!x.entities.iter().any(|e| e.label == "Glorp"));
}

#[test]
fn nouns_that_describe_a_name_in_apposition_or_after_a_copula() {
    let x = run("Ana Berg, a native of Oslo, spoke. \
         Tom Reyes is a critic of Vantor Systems. \
         Ola Dahl, the founder of Kestrel Media, left. \
         Mara Quint scored for Norway twice.");
    expect(&x, "/ana-berg", "bornIn", "/oslo");
    expect(&x, "/tom-reyes", "criticises", "/vantor-systems");
    expect(&x, "/ola-dahl", "founded", "/kestrel-media");
    expect(&x, "/mara-quint", "playsFor", "/norway");
}

#[test]
fn a_name_in_apposition_to_the_subject_of_saying_is_the_speaker() {
    let x = run("The company's chief executive, Ana Berg, said the plant would stay open.");
    expect_said(&x, "plant would stay open", "/ana-berg");
}

#[test]
fn he_and_she_stand_for_the_one_person_just_named() {
    let x = run("Tove Lindqvist grew up in a small town. \
         She was born in Bergen in 1961. \
         In 1990 she joined Kestrel Media, and two years later she left Kestrel Media for Vexa Corp.");
    expect(&x, "/tove-lindqvist", "bornIn", "/bergen");
    expect(&x, "/tove-lindqvist", "worksFor", "/kestrel-media");
    // Two people just named: "he" is nobody's.
    let y = run("Tom Reyes met Sam Pike in Dayton. He was born in Bergen.");
    assert!(
        !y.relations.iter().any(|r| r.predicate == "bornIn"),
        "{:#?}",
        y.relations
    );
    // A relative named after "his" is not who "he" is.
    let z = run("Ola Dahl taught in Oslo for years. \
         Following the advice of his mentor Sam Pike, he was born again in Bergen.");
    reject(&z, "/sam-pike", "bornIn", "/bergen");
    // The story is Anna's, but "he" is the man named most often, not nobody.
    let w = run(
        "Anna Berg, 9, was treated at home by her father, Tom Reyes. \
         Anna Berg cried for months. Anna Berg could not sleep. Anna Berg lost weight. \
         Tom Reyes, a healer, chose herbs. Tom Reyes ignored the school. \
         A doctor, Mark Lee, saw Anna Berg in May. \
         Anna Berg's aunt pleaded with Tom Reyes, but he replied \"I cannot do that\".",
    );
    expect_said(&w, "I cannot do that", "/tom-reyes");
}

#[test]
fn every_sentence_of_a_quote_has_the_speaker_named_before_it() {
    let x = run("Tom Reyes tweeted: \"Cool work on the ferry, Ana. \
         Come and see us at the plant in Dayton. We need more people like you.\"");
    for words in [
        "Cool work on the ferry",
        "Come and see us",
        "We need more people",
    ] {
        assert!(said_by(&x, words, "/tom-reyes"), "{words}: {:#?}", x.quotes);
    }
    // A title in marks is no speech.
    let y = run("Ana Berg bought two books, \"The Long Night Over Harbour Street\" and another.");
    assert!(y.quotes.is_empty(), "{:#?}", y.quotes);
}

#[test]
fn according_to_a_paper_that_reports_a_speaker_is_not_the_speaker() {
    let x =
        run("According to the Dayton Herald, Ana Berg said on Monday that the plant would close.");
    assert!(
        x.quotes.iter().all(|q| q
            .speaker
            .as_deref()
            .is_none_or(|s| s.ends_with("/ana-berg"))),
        "{:#?}",
        x.quotes
    );
    expect_said(&x, "the plant would close", "/ana-berg");
}

#[test]
fn quotes_framed_by_a_colon_a_description_or_a_statement() {
    let x = run(
        "Ana Berg defended the plan on Monday: \"We will keep every job in the valley.\" \
         Mara Quint, of Halvard Laboratories, said \"the results are far better than we hoped.\" \
         Ola Dahl wrote to the board in March. Dahl's statement added, \"The board has failed the \
         workers of this town.\" As Tom Reyes told the Bergen Courier, \"Nobody here wants the \
         mine to close.\"",
    );
    for (words, who) in [
        ("keep every job", "/ana-berg"),
        ("far better than", "/mara-quint"),
        ("board has failed", "/ola-dahl"),
        ("Nobody here wants", "/tom-reyes"),
    ] {
        assert!(said_by(&x, words, who), "{words}: {:#?}", x.quotes);
    }
}

#[test]
fn marks_pair_by_style_and_a_mistyped_close_ends_the_quote() {
    // The closing mark is typed as an opening one; the next paragraph is narration, and a later
    // straight-marked quote is someone else's.
    let x = run(
        "Ola Dahl said, “The board has failed the workers of this town.“\n\
         However, the mine will keep its night shift until May.\n\
         In a statement, Mara Quint said, \"We are proud of the whole valley and its people.\"",
    );
    expect_said(&x, "board has failed", "/ola-dahl");
    assert!(
        !x.quotes.iter().any(|q| q.text.contains("night shift")),
        "{:#?}",
        x.quotes
    );
    expect_said(&x, "proud of the whole valley", "/mara-quint");
}

#[test]
fn buying_a_firm_is_a_takeover_and_buying_its_goods_a_purchase() {
    let x = run(
        "Kestrel Media agreed to buy Halvard Laboratories last year. \
         Vantor Airlines will purchase 40 jets from Halvard Aerospace Inc. \
         The European Union imposed sanctions on Belarus. \
         The Green Party endorsed Ana Berg for mayor.",
    );
    expect(&x, "/kestrel-media", "acquires", "/halvard-laboratories");
    // The tree's reading overrules the word-order one for the same trigger and names.
    reject(&x, "/kestrel-media", "buysFrom", "/halvard-laboratories");
    expect(&x, "/vantor-airlines", "buysFrom", "/halvard-aerospace-inc");
    expect(&x, "/european-union", "sanctions", "/belarus");
    expect(&x, "/green-party", "supports", "/ana-berg");
}

#[test]
fn the_company_stands_for_the_firm_named_before() {
    let x = run("Kestrel Media cut 200 jobs in Bergen on Monday. \
         The company said the cuts were needed to survive the winter. \
         Later the company bought Vantor Systems. \
         Halvard Laboratories and Osprey Labs Inc. both rose. The firm said profits would grow. \
         The Bergen Police Department closed the case. The committee said it would appeal.");
    expect_said(&x, "cuts were needed", "/kestrel-media");
    expect(&x, "/kestrel-media", "acquires", "/vantor-systems");
    // Two firms named before: "the firm" is neither.
    assert!(
        !x.quotes
            .iter()
            .any(|q| q.text.contains("profits would grow") && q.speaker.is_some()),
        "{:#?}",
        x.quotes
    );
    // A body word names only a body called so: "the committee" is not the police department.
    assert!(
        !x.quotes
            .iter()
            .any(|q| q.text.contains("would appeal") && q.speaker.is_some()),
        "{:#?}",
        x.quotes
    );
}

#[test]
fn it_said_is_the_body_that_spoke_last() {
    let x = run("The Bergen Herald said the mayor had resigned on Friday. \
         Later it added that \"nobody in the city council knew about the letter\". \
         Ana Berg said the council would meet. \"It was a shock to all of us,\" it added.");
    expect_said(&x, "nobody in the city council", "/bergen-herald");
    // A person spoke since: "it" is not the paper.
    assert!(
        !said_by(&x, "a shock to all", "/bergen-herald"),
        "{:#?}",
        x.quotes
    );
}

#[test]
fn a_pronoun_stands_for_the_person_its_gender_fits() {
    let x = run(
        "Ana Berg met Tom Reyes in Oslo on Monday. He later visited Chile. \
         Pan-democrat Gary Fan of the Neo Democrats lost his seat. She visited Peru.",
    );
    expect(&x, "/tom-reyes", "visits", "/chile");
    reject(&x, "/ana-berg", "visits", "/chile");
    // "She" is not Gary Fan (but may be Ana Berg, the one woman named before).
    reject(&x, "/gary-fan", "visits", "/peru");
    expect(&x, "/gary-fan", "memberOf", "/neo-democrats");
}

#[test]
fn split_quotes_lead_ins_and_continued_paragraphs() {
    let x = run("Ana Berg said the plant in Dayton would stay open.\n\n\
         “We owe it to the town. Tom Reyes built this place with his own hands.”\n\n\
         “We came here to win,” Ola Dahl told the press, “and we will win again next year \
         in Bergen. Nobody can stop us now.”\n\n\
         “The talks have failed and the border stays closed,” added the Kestrel Agency.");
    for (words, who) in [
        // A paragraph of quotation after a sentence of what she said.
        ("We owe it to the town", "/ana-berg"),
        // Its next sentence names another man inside the quote: still her words.
        ("built this place", "/ana-berg"),
        // The second half of a quote split by its reporting clause, and its next sentence.
        ("we will win again", "/ola-dahl"),
        ("Nobody can stop us", "/ola-dahl"),
        // A body after the verb of saying.
        ("talks have failed", "/kestrel-agency"),
    ] {
        assert!(said_by(&x, words, who), "{words}: {:#?}", x.quotes);
    }
    // A quote whose own sentence reports speech by someone the extractor cannot name is no
    // continuation of the last speaker.
    let y = run("“Prices will rise,” said Ana Berg.\n\n\
         “The harbour is full,” a dock worker named Tom told the press.");
    assert!(
        !said_by(&y, "harbour is full", "/ana-berg"),
        "{:#?}",
        y.quotes
    );
}

#[test]
fn a_stray_mark_before_a_quote_read_from_the_tree_is_no_split_quote() {
    // A closing mark with no opening one, then speech the tree reads: this once sliced a
    // sentence's tokens backwards.
    let x = run(
        "When a young girl,\" the family moved south to Lyon, spending summers at the \
         village of Arly. \"It was wonderful there\", Ana Berg said. \"Every house in the valley \
         was for a Berg\".",
    );
    expect_said(&x, "wonderful there", "/ana-berg");
}

#[test]
fn family_ties_between_named_people() {
    let x = run(
        "Tom Reyes, 42, and his wife Ana Reyes, 36, from Bergen, went on trial on Monday. \
         Ola Dahl, the eldest son of Erik Dahl, runs the ferry. \
         Mara Quint's brother Liv Quint sold the farm. \
         Ivan Petrov married Sara Lind in Oslo in 1990.",
    );
    expect(&x, "/ana-reyes", "spouseOf", "/tom-reyes");
    expect(&x, "/ola-dahl", "childOf", "/erik-dahl");
    expect(&x, "/liv-quint", "siblingOf", "/mara-quint");
    assert!(
        has(&x, "/ivan-petrov", "spouseOf", "/sara-lind")
            || has(&x, "/sara-lind", "spouseOf", "/ivan-petrov"),
        "{:#?}",
        x.relations
    );
    // The word for a parent names the parent: the possessor is the child.
    let y = run(
        "Ana Berg's father Tom Berg built the plant. Ana Berg and her colleague Mara Quint \
         run it now.",
    );
    expect(&y, "/ana-berg", "childOf", "/tom-berg");
    assert!(
        !y.relations.iter().any(|r| r.predicate == "spouseOf"
            || r.predicate == "siblingOf"
            || (r.predicate == "childOf" && r.subject.ends_with("/mara-quint"))),
        "{:#?}",
        y.relations
    );
}

#[test]
fn credit_lines_the_words_of_and_bodies_that_note() {
    let x = run(
        "\"The market is ours to lose. But it is a long game.\" - Tom Reyes\n\n\
         In the words of the prosecutor, Ana Berg, \"the harm was done long before the trial.\"\n\n\
         The Bergen Port Authority notes, \"Ships wait three days on average to unload.\"\n\n\
         The Kestrel Media letter reads \"we will not sell the station to anyone this year\".",
    );
    for (words, who) in [
        ("ours to lose", "/tom-reyes"),
        ("a long game", "/tom-reyes"),
        ("harm was done", "/ana-berg"),
        ("Ships wait three days", "/bergen-port-authority"),
        ("not sell the station", "/kestrel-media"),
    ] {
        assert!(said_by(&x, words, who), "{words}: {:#?}", x.quotes);
    }
    // The words of a letter a body has seen are not that body's.
    let z = run(
        "A leaked letter seen by the Bergen Courier says \"the plant will close in March next year\".",
    );
    assert!(
        !said_by(&z, "plant will close", "/bergen-courier"),
        "{:#?}",
        z.quotes
    );
    // A dash before a name that goes on into a clause is no credit.
    let y = run("\"We expect many more ships next year\" - Tom Reyes doubts it, and so do we.");
    assert!(!said_by(&y, "more ships", "/tom-reyes"), "{:#?}", y.quotes);
}

#[test]
fn going_on_is_no_speech_and_marks_round_nothing_are_no_quote() {
    let x = run(
        "Tom Reyes lives in Bergen. At age 80 he continues to write books; his latest \
         book, The Long Night, was a bestseller in Norway.",
    );
    assert!(x.quotes.is_empty(), "{:#?}", x.quotes);
    let y = run(
        "Ana Berg asserted that the officials, \"... misled the police with a long \
         story about the harbour. ... The rest was silence,\" she said.",
    );
    assert!(
        y.quotes
            .iter()
            .all(|q| q.text.chars().any(char::is_alphanumeric)),
        "{:#?}",
        y.quotes
    );
}

#[test]
fn posts_left_posts_of_places_spokespeople_and_subsidiaries() {
    let x = run("Liv Quint was elected mayor of Dayton in 2019. \
         Ola Dahl stepped down as chief executive of Vantor Systems last year. \
         Sara Lind for the Bergen Red Cross said more tents were needed. \
         Kestrel Media, a subsidiary of Halvard Group, employs 300 people.");
    let post = |who: &str| {
        x.roles
            .iter()
            .find(|r| r.person.ends_with(who))
            .unwrap_or_else(|| panic!("no post of {who}: {:#?}", x.roles))
    };
    assert!(
        post("/liv-quint")
            .org
            .as_deref()
            .is_some_and(|o| o.ends_with("/dayton")),
        "{:#?}",
        x.roles
    );
    assert!(!post("/liv-quint").former);
    assert!(post("/ola-dahl").former, "{:#?}", x.roles);
    expect(&x, "/sara-lind", "worksFor", "/bergen-red-cross");
    expect(&x, "/halvard-group", "owns", "/kestrel-media");
    // Leaving a body is quitting it; leaving a country is not.
    let y = run("Ola Dahl left Vantor Systems in 2011. Tom Reyes left Norway in 2012.");
    expect(&y, "/ola-dahl", "resignsFrom", "/vantor-systems");
    reject(&y, "/tom-reyes", "resignsFrom", "/norway");
}

#[test]
fn a_name_after_a_post_in_lower_case_before_speech_is_a_person() {
    let x = run(
        "\"We are so interested because we find a big chance to show the talent and \
         ability of Afghans,\" team member Zerah Tolkun told the press, \"to show that Afghan \
         women can make robots too.\"",
    );
    expect_said(&x, "a big chance", "/zerah-tolkun");
    expect_said(&x, "make robots too", "/zerah-tolkun");
}

#[test]
fn words_put_on_what_is_described_are_the_describers() {
    let x = run(
        "Tom Reyes described the ferry dispute as \"another small skirmish in a war that \
         the company has waged for years\".",
    );
    expect_said(&x, "small skirmish", "/tom-reyes");
}

#[test]
fn a_name_after_of_is_no_subject_of_the_verb_after_it() {
    let x = run("Tom Reyes and Ana Berg of Kestrel Media visited Oslo on Monday.");
    expect(&x, "/ana-berg", "visits", "/oslo");
    reject(&x, "/kestrel-media", "visits", "/oslo");
}

#[test]
fn i_in_quoted_words_is_their_speaker() {
    let x = run(
        "\"I visited Oslo last week and met Tom Reyes there,\" said Ana Berg. \
         Ola Dahl said: \"I work for Halvard Laboratories.\"",
    );
    expect(&x, "/ana-berg", "visits", "/oslo");
    expect(&x, "/ana-berg", "meets", "/tom-reyes");
    expect(&x, "/ola-dahl", "worksFor", "/halvard-laboratories");
}

#[test]
fn i_in_an_interview_is_the_one_interviewed() {
    let answers = "Why did you start?\n\
         I went to Lima in 2004 and I founded Kestrel Media there.\n\
         What came next?\n\
         My brother and I still work for Kestrel Media.\n";
    let x = run(&format!(
        "The Daily Post interviews engineer Ana Berg about bridges\n{answers}"
    ));
    expect(&x, "/ana-berg", "visits", "/lima");
    expect(&x, "/ana-berg", "founded", "/kestrel-media");
    // A pull quote in the first person is the interviewee's; one that a sentence reports is not.
    let quoted = run(&format!(
        "The Daily Post interviews engineer Ana Berg about bridges\n{answers}\
         \"I have never regretted it, by the way.\"\n\
         My father would say, \"I told you so.\"\n"
    ));
    expect_said(&quoted, "never regretted", "/ana-berg");
    // Also a pull quote above the announcement.
    let above = run(&format!(
        "\"I have never regretted building bridges.\"\n\
         The Daily Post interviews engineer Ana Berg about bridges\n{answers}"
    ));
    expect_said(&above, "never regretted building", "/ana-berg");
    assert!(
        !said_by(&quoted, "I told you so", "/ana-berg"),
        "{:#?}",
        quoted.quotes
    );
    // "X: An Interview with ..." names X, whoever else the title names; the answers' "let me
    // say" reports X's words.
    let titled = run(&format!(
        "Ana Berg: An Interview with Tom Reyes's Favourite Engineer\n{answers}\
         Let me say, \"we will build it again whatever the cost.\"\n"
    ));
    expect(&titled, "/ana-berg", "founded", "/kestrel-media");
    expect_said(&titled, "whatever the cost", "/ana-berg");
    // A letter that mentions an interview is no interview: its "I" is nobody named.
    let letter = run(&format!(
        "Tom Reyes asked about my interview next week.\n{answers}"
    ));
    assert!(!has(&letter, "/tom-reyes", "founded", "/kestrel-media"));
    assert!(!has(&letter, "/tom-reyes", "visits", "/lima"));
    // A title that names nobody leaves the name to the next sentence that announces it.
    let later = run(&format!(
        "The Daily Post interviews the president of the Halvard Society
         The Daily Post spoke with Ana Berg, president of the Halvard Society.
{answers}"
    ));
    expect(&later, "/ana-berg", "founded", "/kestrel-media");
    // Two people interviewed: whose "I" it is stays open.
    let two = run(&format!(
        "The Daily Post interviews Ana Berg and Tom Reyes about bridges\n{answers}"
    ));
    assert!(!two.relations.iter().any(|r| r.predicate == "founded"));
}

#[test]
fn going_to_a_place_is_a_visit_and_a_hope_is_hedged() {
    let x = run(
        "Ana Berg went to Oslo in May. Tom Reyes hopes to lead Kestrel Media. Ola Dahl is \
         going to Lima in March.",
    );
    expect(&x, "/ana-berg", "visits", "/oslo");
    expect(&x, "/ola-dahl", "visits", "/lima");
    let lead = first(&x, "leads", "hoped-for lead");
    assert!(lead.hedged, "{lead:#?}");
    // "going to" before a verb is a plan, not a trip.
    let plan = run("Ana Berg is going to call Peru's president.");
    reject(&plan, "/ana-berg", "visits", "/peru");
}

#[test]
fn a_second_verb_of_saying_shares_the_first_ones_speaker() {
    let x = run(
        "Ana Berg said her party had backed the plan \"for months\", and said it was \
         \"a disgrace that the ministry has not acted yet\".",
    );
    expect_said(&x, "a disgrace that the ministry", "/ana-berg");
}

#[test]
fn terms_and_cited_titles_in_marks_are_no_quotes() {
    let x = run(
        "The site offers \"free as in beer\" content to its readers. \
         Sources: \"Harbour plan splits the council in two\" — The Daily Post, August 15, 2008. \
         \"We will build it this year,\" said Ana Berg.",
    );
    let texts: Vec<&str> = x.quotes.iter().map(|q| q.text.as_str()).collect();
    assert!(
        !texts.iter().any(|t| t.contains("free as in beer")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("Harbour plan")),
        "{texts:?}"
    );
    assert!(said_by(&x, "We will build it", "/ana-berg"), "{texts:?}");
    // A few words in marks that someone is said to say stay a quote.
    let y = run("Ana Berg said the plan was \"a disgrace\".");
    expect_said(&y, "a disgrace", "/ana-berg");
}

#[test]
fn members_named_after_including_and_not_the_subject_of_a_passive() {
    let x = run(
        "Kestrel Media has been criticised by former members of the Halvard Church, \
         including musician Tom Reyes and actor Ola Dahl.",
    );
    expect(&x, "/tom-reyes", "memberOf", "/halvard-church");
    expect(&x, "/ola-dahl", "memberOf", "/halvard-church");
    reject(&x, "/kestrel-media", "memberOf", "/halvard-church");
}

#[test]
fn a_cited_example_is_not_the_citers_words_and_he_said_after_a_new_name_stays_open() {
    let x = run(
        "The Guardian cited examples of long questions with many words, including: \
         \"Were you ever asked to pay a fee for the crossing to the island?\"",
    );
    assert!(
        !x.quotes.iter().any(|q| q.speaker.is_some()),
        "{:#?}",
        x.quotes
    );
    // Peter Holm is the topic; Mark Olsen, new in the sentence before "He said", may be "he".
    let y = run(
        "Peter Holm built the bridge. Peter Holm opened it in May. Peter Holm left in \
         June. For Mark Olsen, a local teacher, Peter Holm was a hero. \
         He said, \"Holm changed the town for ever.\"",
    );
    assert!(
        !said_by(&y, "Holm changed the town", "/peter-holm"),
        "{:#?}",
        y.quotes
    );
}

#[test]
fn an_organisation_named_inside_a_title_after_the_name_is_the_posts() {
    let x = run(
        "Hilda Voss, Nordhavn University associate professor of art history, said the \
         exhibit was a success.",
    );
    expect_post(&x, "/hilda-voss", "/nordhavn-university");
}

#[test]
fn having_been_to_a_place_is_a_visit() {
    let x = run(
        "Tom Reyes has been to Peru twice. Ana Berg had never been to Oslo before. \
         The prize has been given to Norway.",
    );
    expect(&x, "/tom-reyes", "visits", "/peru");
    let oslo = x
        .relations
        .iter()
        .find(|r| r.object.ends_with("/oslo"))
        .expect("the visit denied");
    assert!(oslo.negated, "{oslo:#?}");
    assert!(
        !x.relations.iter().any(|r| r.object.ends_with("/norway")),
        "{:#?}",
        x.relations
    );
}

#[test]
fn a_copula_joined_to_a_verb_shares_its_subject() {
    let x = run("Ana Berg was born in Lima and is a native of Peru. \
         Tom Reyes served as director and was a member of the Halvard Society.");
    expect(&x, "/ana-berg", "bornIn", "/peru");
    expect(&x, "/tom-reyes", "memberOf", "/halvard-society");
}

#[test]
fn blame_in_a_speakers_own_words_is_criticism() {
    let x = run(
        "\"I am disappointed with Kestrel Media's decision to close the plant,\" \
         said Ana Berg. Tom Reyes said the mayor felt \"betrayed\" by the actions of Ola Dahl. \
         \"They fired reckless shots at the posts of Vexa Corp for hours,\" said Mara Quint.",
    );
    expect(&x, "/ana-berg", "criticises", "/kestrel-media");
    reject(&x, "/tom-reyes", "criticises", "/ola-dahl");
    reject(&x, "/mara-quint", "criticises", "/vexa-corp");
}

#[test]
fn verbs_of_blame_and_praise() {
    let y = run("Ola Dahl slammed Vexa Corp over the delays. Mara Quint commended Tom Reyes.");
    expect(&y, "/ola-dahl", "criticises", "/vexa-corp");
    expect(&y, "/mara-quint", "praises", "/tom-reyes");
}

#[test]
fn a_roman_one_is_no_speaker() {
    let x = run("\"In World War I the Halvard Society funded Kestrel Media,\" said Ana Berg.");
    expect(&x, "/halvard-society", "funds", "/kestrel-media");
    reject(&x, "/halvard-society", "funds", "/ana-berg");
}

#[test]
fn a_short_name_the_tagger_misreads_after_a_lower_case_post_is_a_person() {
    let x = run("Senior researcher Lu Mei, of Halvard Laboratories, said the study was done.");
    assert!(
        x.entities
            .iter()
            .any(|e| e.label == "Lu Mei" && e.kind == kg_extract::EntityType::Person),
        "{:#?}",
        x.entities
    );
}

#[test]
fn a_post_before_a_name_takes_the_organisation_set_off_after_it() {
    let x = run(
        "Senior researcher Ola Dahl, of Halvard University's school of law, said the \
         study was done.",
    );
    expect_post(&x, "/ola-dahl", "/halvard-university");
}

#[test]
fn said_a_bodys_titled_person_is_the_person() {
    let x = run(
        "\"We will grow every year in every market,\" said Kestrel chief executive \
         Mara Quint. \"Sales fell in every region last year,\" said Vexa Corp's spokesman Tom Reyes.",
    );
    expect_said(&x, "We will grow", "/mara-quint");
    expect_said(&x, "Sales fell", "/tom-reyes");
}

#[test]
fn former_belongs_to_its_own_name_in_a_list() {
    let x = run(
        "Green Party leader Ola Dahl and former Liberal leader Per Holt met in Oslo. \
         Her former professor, Tom Reyes, praised her.",
    );
    let former = |who: &str| {
        x.roles
            .iter()
            .find(|r| r.person.ends_with(who))
            .map(|r| r.former)
    };
    assert_eq!(former("/ola-dahl"), Some(false), "{:#?}", x.roles);
    assert_eq!(former("/tom-reyes"), Some(true), "{:#?}", x.roles);
}

#[test]
fn a_name_after_a_place_and_a_title_is_the_argument() {
    let x = run("Ola Dahl met Dayton Mayor Tom Reyes and Ohio Gov. Ana Berg.");
    expect(&x, "/ola-dahl", "meets", "/tom-reyes");
    expect(&x, "/ola-dahl", "meets", "/ana-berg");
}

#[test]
fn players_residents_and_regions_as_match_reports_name_them() {
    let x = run("Tunisia faced England in Volgograd. \
         Ferjani Sassi scored from the penalty spot, equalising for Tunisia. \
         Later Tunisia's goalkeeper Mouez Hassen was substituted off.");
    expect(&x, "/ferjani-sassi", "playsFor", "/tunisia");
    expect_post(&x, "/mouez-hassen", "/tunisia");
    // England is a region; it is in no city, whatever stands after it.
    assert!(
        !x.relations.iter().any(|r| r.predicate == "locatedIn"),
        "{:#?}",
        x.relations
    );
    let y = run("The gown was made by Mara Quint, a former resident of Dayton.");
    expect(&y, "/mara-quint", "livesIn", "/dayton");
}

#[test]
fn each_post_in_apposition_has_its_own_organisation() {
    let x = run(
        "Professor Tom Reyes, Director of the Nordic Salt Nutrition study, and Chairman of \
         the Nordic Centre for Control of Salt Deficiency Disorders, says it is crucial that \
         children eat less salt.",
    );
    let post = |role: &str| x.roles.iter().find(|r| r.role == role);
    assert!(
        post("Director")
            .is_some_and(|r| r.org.as_deref() == Some("Organization/nordic-salt-nutrition")),
        "{:#?}",
        x.roles
    );
    assert!(
        post("Chairman").is_some_and(|r| r.org.as_deref().is_some_and(
            |o| o.ends_with("/nordic-centre-for-control-of-salt-deficiency-disorders")
        )),
        "{:#?}",
        x.roles
    );
    // The professorship is not the study's.
    assert!(
        post("Professor").is_some_and(|r| r.org.is_none()),
        "{:#?}",
        x.roles
    );
    // One post, named twice, is one post.
    let y = run("Nordhavn Press owner, Ana Berg, displays the drink.");
    assert_eq!(y.roles.len(), 1, "{:#?}", y.roles);
}

#[test]
fn a_spokesperson_after_the_quote_speaks_for_the_body() {
    for text in [
        "\"We will fight this decision in every court we can find,\" said a spokeswoman for Vexa Corp.",
        "\"We will fight this decision in every court we can find,\" a spokesman for Vexa Corp said.",
        "\"We will fight this decision in every court we can find,\" said officials at the Nordic Ministry.",
    ] {
        let x = run(text);
        assert!(
            x.quotes.iter().any(|q| q
                .speaker
                .as_deref()
                .is_some_and(|s| !s.starts_with("Person/"))),
            "{text}: {:#?}",
            x.quotes
        );
    }
    // A lawyer for a person is not the person.
    let y = run("\"We will fight this decision,\" said the lawyer for Tom Reyes.");
    assert!(
        !said_by(&y, "We will fight", "/tom-reyes"),
        "{:#?}",
        y.quotes
    );
}

#[test]
fn speakers_set_off_by_an_age_or_a_post_and_named_by_their_post() {
    let x =
        run("\"We will not give up on the workers of this town,\" Ana Berg, 45, told reporters.");
    expect_said(&x, "We will not give up", "/ana-berg");
    let y = run(
        "\"We will not give up on the workers of this town,\" Ana Berg said, adding \
         that \"the strike goes on until we win\".",
    );
    expect_said(&y, "the strike goes on", "/ana-berg");
    // "the minister", "the chief executive": the one person given that post before.
    let z = run("Interior Minister Ana Berg visited Oslo on Monday. \
         \"We will not give up on the workers of this town,\" the minister said. \
         Later the minister met Tom Reyes.");
    expect_said(&z, "We will not give up", "/ana-berg");
    expect(&z, "/ana-berg", "meets", "/tom-reyes");
    let w = run("Vexa Corp chief executive Ana Berg resigned on Monday. \
         \"We failed our customers and we will pay them back,\" the chief executive said.");
    expect_said(&w, "We failed our customers", "/ana-berg");
    // Two ministers: "the minister" is neither.
    let v = run(
        "Interior Minister Ana Berg and Finance Minister Tom Reyes arrived in Oslo. \
         The minister met Erik Dahl on Monday.",
    );
    assert!(
        !v.relations.iter().any(|r| r.predicate == "meets"),
        "{:#?}",
        v.relations
    );
}

#[test]
fn a_future_meeting_is_hedged_and_a_second_verb_keeps_its_place() {
    let x = run("Ana Berg will meet Tom Reyes in Oslo next week.");
    let meet = first(&x, "meets", "planned meeting");
    assert!(meet.hedged && !meet.negated, "{meet:#?}");
    // The tagger reads "lives" as a noun and the parser hangs "in Oslo" off "born".
    let y = run("Ana Berg was born in Bergen and lives in Oslo.");
    expect(&y, "/ana-berg", "bornIn", "/bergen");
    reject(&y, "/ana-berg", "bornIn", "/oslo");
}

#[test]
fn present_tense_verbs_after_a_name_are_read_as_verbs() {
    // The tagger alone reads "owns", "lives" and "teaches" after a name as plural nouns.
    let x = run("Vexa Corp owns Halvard Labs. Tom Reyes lives in Oslo. \
         Ana Berg teaches at the University of Bergen.");
    expect(&x, "/vexa-corp", "owns", "/halvard-labs");
    expect(&x, "/tom-reyes", "livesIn", "/oslo");
    expect(&x, "/ana-berg", "worksFor", "/university-of-bergen");
}

#[test]
fn nominees_professors_emeriti_and_staff_set_off_by_commas() {
    let x = run("Republican Party nominee Tom Reyes spoke first. \
         Ana Berg is a professor emeritus at the Nordic Institute of Technology.");
    expect_post(&x, "/tom-reyes", "/republican-party");
    expect_post(&x, "/ana-berg", "/nordic-institute-of-technology");
    let y = run("Nick Holm, of the University of Helsinki, studies ants. \
         Mara Quint has worked at Vexa Corp since 2004.");
    expect(&y, "/nick-holm", "worksFor", "/university-of-helsinki");
    expect(&y, "/mara-quint", "worksFor", "/vexa-corp");
    // Without the commas, a university's person is a student as often as staff.
    let z = run("Nick Holm of the University of Helsinki won the prize.");
    reject(&z, "/nick-holm", "worksFor", "/university-of-helsinki");
}

#[test]
fn the_noun_a_relative_clause_qualifies_is_its_verbs_object() {
    let x = run(
        "Vexa Corp, which Ana Berg founded in 1998, was sold to Halvard Labs. \
         Oslo, which Tom Reyes visited in May, is cold.",
    );
    expect(&x, "/ana-berg", "founded", "/vexa-corp");
    expect(&x, "/tom-reyes", "visits", "/oslo");
    expect(&x, "/vexa-corp", "sellsTo", "/halvard-labs");
}

#[test]
fn who_succeeds_whom_as_a_post_and_shots_fired_at_a_country() {
    let x = run("Ana Berg, 45, succeeded Tom Reyes as chief executive of Vexa Corp.");
    expect_post(&x, "/ana-berg", "/vexa-corp");
    let y = run("Ana Berg replaced Tom Reyes as Vexa Corp chief executive.");
    let post = y.roles.iter().find(|r| r.person.ends_with("/ana-berg"));
    assert!(post.is_some_and(|r| !r.former), "{:#?}", y.roles);
    let z = run("Ana Berg was replaced as chief executive of Vexa Corp in May.");
    assert!(z.roles.iter().all(|r| r.former), "{:#?}", z.roles);
    let w = run("North Korea fired rockets at South Korea on Monday.");
    expect(&w, "/north-korea", "attacks", "/south-korea");
}

#[test]
fn a_possessor_and_a_name_around_a_noun_of_relation() {
    let x = run("Halvard Group's subsidiary Vexa Corp cut 200 jobs. \
         Vexa Corp's founder, Ana Berg, said the firm would grow. \
         Norway's ally Sweden sent troops.");
    expect(&x, "/halvard-group", "owns", "/vexa-corp");
    expect(&x, "/ana-berg", "founded", "/vexa-corp");
    assert!(
        has(&x, "/sweden", "partnerOf", "/norway") || has(&x, "/norway", "partnerOf", "/sweden"),
        "{:#?}",
        x.relations
    );
}

#[test]
fn statements_posts_and_lead_ins_name_the_speaker() {
    let x = run(
        "\"We will not give up on the workers of this town,\" according to a statement \
         from Vexa Corp.",
    );
    expect_said(&x, "We will not give up", "/vexa-corp");
    let y =
        run("\"We will not give up on the workers of this town,\" Ana Berg posted on Facebook.");
    expect_said(&y, "We will not give up", "/ana-berg");
    let z = run("Ana Berg spoke to reporters in Oslo.\n\n\
         \"We will not give up on the workers of this town. Nobody will.\"");
    expect_said(&z, "Nobody will", "/ana-berg");
    let w = run("Ana Berg was blunt. \"We will not give up on the workers of this town.\"");
    expect_said(&w, "We will not give up", "/ana-berg");
}

#[test]
fn a_noun_that_names_its_subject_needs_it_close() {
    let x = run(
        "Vexa Corp interviewed one of the owners of Halvard Labs about the drink. \
         Norway drew notice from critics of Tom Reyes.",
    );
    reject(&x, "/vexa-corp", "owns", "/halvard-labs");
    reject(&x, "/norway", "criticises", "/tom-reyes");
    let y = run("Ana Berg, a longtime critic of Tom Reyes, spoke. \
         Erik Dahl was the co-founder of Vexa Corp.");
    expect(&y, "/ana-berg", "criticises", "/tom-reyes");
    expect(&y, "/erik-dahl", "founded", "/vexa-corp");
}

#[test]
fn he_who_describes_something_as_quoted_words_says_them() {
    let x = run("Mara Quint wrote the report. \
         She described the ban as \"a slow disaster for every family in the region.\"");
    expect_said(&x, "a slow disaster", "/mara-quint");
    // "he" resolved to the one described is no speaker.
    let y = run(
        "Tom Reyes was arrested in May. Tom Reyes left the church in 2010. \
         Tom Reyes lives in Oslo. He described Tom Reyes as \"a free man at last, and happy.\"",
    );
    assert!(!said_by(&y, "a free man", "/tom-reyes"), "{:#?}", y.quotes);
}

#[test]
fn hosts_blame_lawsuits_and_pledges() {
    let x = run("Ana Berg hosted Tom Reyes at her home in Oslo. \
         Norway blamed Sweden for the collapse of the talks. \
         Vexa Corp filed a lawsuit against Halvard Group. \
         Kestrel Media pledged $5 million to the Red Cross.");
    expect(&x, "/ana-berg", "meets", "/tom-reyes");
    expect(&x, "/norway", "accuses", "/sweden");
    expect(&x, "/vexa-corp", "sues", "/halvard-group");
    expect(&x, "/kestrel-media", "offers", "/red-cross");
    // A capital a verb goes to stays the city; it does not stand for the government.
    let y = run("Ana Berg returned to Oslo in August.");
    reject(&y, "/ana-berg", "related", "/norway");
    // Unless a capital acts on it: two governments.
    let z = run("Under its new leader, Beijing has opened out to New Delhi.");
    assert!(
        !z.relations.iter().any(|r| r.object.ends_with("/new-delhi")),
        "{:#?}",
        z.relations
    );
}

#[test]
fn an_event_noun_after_for_is_the_subjects_event() {
    let x = run("Norway sent troops to Mali for a deal with France.");
    expect(&x, "/norway", "signsAgreementWith", "/france");
}

#[test]
fn a_member_of_a_name_that_qualifies_a_team_is_no_member_of_the_name() {
    let x = run(
        "Wikinews interviewed Tina Holm, a former member of the Australia women's \
         national wheelchair basketball team.",
    );
    reject(&x, "/tina-holm", "memberOf", "/australia");
    let y = run("Ana Berg, a member of the Green Party, spoke.");
    expect(&y, "/ana-berg", "memberOf", "/green-party");
}

#[test]
fn a_post_says_how_its_holder_belongs_to_the_organisation() {
    let y = run("Vexa Corp columnist Ana Berg wrote first. \
         Tunisia's goalkeeper Mouez Hassen was hurt. \
         Later, Kestrel Media owner Tom Reyes came in. \
         US Senate candidate Erik Dahl spoke.");
    expect(&y, "/ana-berg", "worksFor", "/vexa-corp");
    expect(&y, "/mouez-hassen", "playsFor", "/tunisia");
    expect(&y, "/tom-reyes", "owns", "/kestrel-media");
    assert!(
        !y.relations
            .iter()
            .any(|r| r.subject.ends_with("/erik-dahl")),
        "{:#?}",
        y.relations
    );
}

#[test]
fn a_post_in_a_party_makes_a_member() {
    let x = run("Green Party leader Ola Dahl spoke first. \
         Ana Berg, a spokeswoman for the Nordic Council, spoke next. \
         Tom Reyes, the former Liberal Party leader, left early.");
    expect(&x, "/ola-dahl", "memberOf", "/green-party");
    reject(&x, "/ana-berg", "memberOf", "/nordic-council");
    reject(&x, "/tom-reyes", "memberOf", "/liberal-party");
}

#[test]
fn according_to_inside_a_relative_clause_quotes_nothing() {
    let x = run(
        "Norway and Sweden have maintained a policy of turning away boats of migrants \
         which, according to AFP, the United Nations and Finland have both criticised.",
    );
    assert!(x.quotes.is_empty(), "{:#?}", x.quotes);
}

#[test]
fn the_n_year_old_is_the_one_person_given_that_age() {
    let x = run("Ana Berg, 45, visited Oslo on Monday. \
         \"We will not give up on the workers of this town,\" the 45-year-old said.");
    expect_said(&x, "We will not give up", "/ana-berg");
    // Two people of that age: neither.
    let y = run("Ana Berg, 45, and Tom Reyes, 45, met. \
         \"We will not give up on the workers of this town,\" the 45-year-old said.");
    assert!(
        y.quotes.iter().all(|q| q.speaker.is_none()),
        "{:#?}",
        y.quotes
    );
}

#[test]
fn a_bare_it_in_a_reported_clause_is_the_body_that_reports_it() {
    let x = run("Vexa Corp said on Tuesday it had agreed to buy Halvard Labs for $2 billion.");
    expect(&x, "vexa-corp", "acquires", "halvard-labs");
    reject(&x, "vexa-corp", "buysFrom", "halvard-labs");
    // A person who says "it" is not what "it" stands for.
    let x = run("Ana Berg said on Tuesday it had agreed to buy Halvard Labs for $2 billion.");
    reject(&x, "ana-berg", "acquires", "halvard-labs");
}

#[test]
fn a_lone_indirect_object_before_a_purpose_clause_is_the_object() {
    // The parser reads "Mustafa Suleyman" as an indirect object here.
    let x = run("Microsoft hired Mustafa Suleyman to run its consumer AI unit.");
    expect(&x, "microsoft", "hires", "mustafa-suleyman");
}

#[test]
fn a_party_named_by_its_adjective_before_a_post_or_as_a_description() {
    let x = run("Liberal leader Ola Dahl said the budget was weak. \
         Senator Ana Berg, a Democrat from Oregon, criticised the plan.");
    expect(&x, "ola-dahl", "memberOf", "/liberal");
    assert!(holds_at(&x, "ola-dahl", "/liberal"), "{:#?}", x.roles);
    expect(&x, "ana-berg", "memberOf", "/democrat");
    // A former leader held the post; it gives no membership now.
    let y = run("Former Liberal leader Ola Dahl said the budget was weak.");
    assert!(holds_at(&y, "ola-dahl", "/liberal"), "{:#?}", y.roles);
    reject(&y, "ola-dahl", "memberOf", "/liberal");
    // Elsewhere the word names no party.
    let z = run("Tom Green said the vote was close. Ana Berg took a Liberal view of it.");
    assert!(
        z.entities
            .iter()
            .all(|e| !e.key.starts_with("Organization/")),
        "{:#?}",
        z.entities
    );
}

#[test]
fn a_city_read_as_a_person_after_native_of_or_born_in_is_the_city() {
    let x = run("Ana Berg, a native of Bergen, moved to Oslo.");
    expect(&x, "ana-berg", "bornIn", "City/bergen");
    // So after a local post and "of".
    let y = run("Ola Dahl was elected mayor of Bergen.");
    assert!(
        y.roles
            .iter()
            .any(|r| r.org.as_deref() == Some("City/bergen")),
        "{:#?}",
        y.roles
    );
}

#[test]
fn an_assassin_or_a_killer_of_someone_kills_them() {
    let x = run("Ola Dahl's assassin, Tom Reyes, was arrested in Oslo.");
    expect(&x, "tom-reyes", "kills", "ola-dahl");
    let y = run("Tom Reyes, the killer of Ola Dahl, was arrested.");
    expect(&y, "tom-reyes", "kills", "ola-dahl");
    // The one who speaks of the killers is none of them.
    let z = run("Ola Dahl's killers were never found, Tom Reyes said.");
    reject(&z, "tom-reyes", "kills", "ola-dahl");
}

#[test]
fn a_clause_subject_the_parser_hung_on_the_main_verb_is_the_clause_subject() {
    // The parser reads "after Microsoft" as a prepositional phrase of "rose".
    let x = run("Nvidia's shares rose after Microsoft announced a deal with OpenAI.");
    expect(&x, "microsoft", "signsAgreementWith", "openai");
    reject(&x, "nvidia", "signsAgreementWith", "openai");
}

#[test]
fn a_chief_executive_set_off_by_commas_leaves_the_verb_its_subject() {
    // The tagger read "executive" as an adjective, and the parser hung "met" on the firm.
    let x = run(
        "Elon Musk, the chief executive of Tesla, met Prime Minister Narendra Modi in New Delhi.",
    );
    expect(&x, "elon-musk", "meets", "narendra-modi");
}

#[test]
fn fired_sacked_and_ousted_are_dismissals() {
    let x = run("Vexa Corp sacked its chief executive, Ana Berg, in May.");
    expect(&x, "vexa-corp", "dismisses", "ana-berg");
    // A board acts for the firm it belongs to.
    let y = run("Tom Reyes was fired by Halvard Labs's board in November.");
    expect(&y, "halvard-labs", "dismisses", "tom-reyes");
    // Rockets fired at a country are an attack, not a dismissal.
    let z = run("Norland fired rockets at Estovia on Sunday.");
    reject(&z, "norland", "dismisses", "estovia");
}

#[test]
fn joining_a_firm_is_working_for_it_and_a_headquarters_is_where_it_is_based() {
    let x = run("Ana Berg joined Vexa Corp in 2019. Tom Reyes joined the Green Party in 2001.");
    expect(&x, "ana-berg", "worksFor", "vexa-corp");
    reject(&x, "ana-berg", "memberOf", "vexa-corp");
    expect(&x, "tom-reyes", "memberOf", "green-party");
    let y = run("Halvard Labs is headquartered in Oslo.");
    expect(&y, "halvard-labs", "basedIn", "oslo");
}

#[test]
fn receiving_a_person_is_meeting_them() {
    let x = run("Prime Minister Ana Berg received Tom Reyes in Oslo on Monday.");
    expect(&x, "ana-berg", "meets", "tom-reyes");
    // What one receives from someone is no meeting with them.
    let y = run("Ana Berg received a letter from Tom Reyes.");
    reject(&y, "ana-berg", "meets", "tom-reyes");
}

#[test]
fn a_parent_company_owns_its_subsidiary() {
    let x = run("Orbis Capital, the parent of Vexa Corp, reported a loss.");
    expect(&x, "orbis-capital", "owns", "vexa-corp");
    let y = run("Vexa Corp's parent company, Orbis Capital, reported a loss.");
    expect(&y, "orbis-capital", "owns", "vexa-corp");
    // A person's parents own nothing of them: she is their child.
    let z = run("Ana Berg's parents, Tom Berg and Eva Berg, live in Oslo.");
    reject(&z, "tom-berg", "owns", "ana-berg");
    expect(&z, "ana-berg", "childOf", "tom-berg");
    expect(&z, "ana-berg", "childOf", "eva-berg");
}

#[test]
fn naming_someone_as_a_post_is_appointing_them() {
    // The parser reads this as "a firm named Ana Berg".
    let x = run("Vexa Corp named Ana Berg as its new chief executive.");
    expect(&x, "vexa-corp", "appoints", "ana-berg");
    // A name is no appointment; nor is an "as" phrase of another verb.
    let y = run("Forbes named Ana Berg in its list of rich people. \
         A man named Tom Reyes worked as a guard for Ana Berg.");
    assert!(
        y.relations.iter().all(|r| r.predicate != "appoints"),
        "{:#?}",
        y.relations
    );
}

#[test]
fn a_day_after_a_word_of_time_opens_no_name() {
    let x = run("On Monday Vexa Corp named Ana Berg as its new chief executive.");
    expect(&x, "Company/vexa-corp", "appoints", "ana-berg");
    assert!(
        x.entities.iter().all(|e| !e.key.contains("monday")),
        "{:#?}",
        x.entities
    );
    let y = run("The Sunday Times reported the deal.");
    assert!(
        y.entities.iter().any(|e| e.key.ends_with("/sunday-times")),
        "{:#?}",
        y.entities
    );
}

#[test]
fn straight_marks_open_and_close_by_the_spaces_around_them() {
    // A paragraph that goes on quoting opens with a straight mark and closes the one before.
    let x = run(
        "Ana Berg, the chief executive of Vexa Corp, spoke at the plant. She said: \"The plant \
         will stay open for another ten years.\n\
         \"We owe it to the town and to the people who built it.\"\n\
         Tom Reyes, the mayor, said the town was grateful. \"Nothing matters more to us than \
         those jobs,\" he said.",
    );
    expect_said(&x, "We owe it to the town", "/ana-berg");
    expect_said(&x, "Nothing matters more", "/tom-reyes");
    // Not the words between two quotes.
    let quoted = |x: &Extraction, words: &str| x.quotes.iter().any(|q| q.text.contains(words));
    assert!(!quoted(&x, "the mayor"), "{:#?}", x.quotes);
    // Two apostrophes typed as a closing mark close a straight opening one.
    let y = run(
        "\"We had to take action,'' said Ana Berg. \"In our view the plan made things better \
         for everyone,'' Tom Reyes said.",
    );
    expect_said(&y, "We had to take action", "/ana-berg");
    expect_said(&y, "made things better", "/tom-reyes");
    assert!(!quoted(&y, "said"), "{:#?}", y.quotes);
}

#[test]
fn he_said_after_a_newcomer_beside_the_topic_is_the_newcomer() {
    // "the Cruise video" names no one "he" may stand for.
    let x = run(
        "Matthew Ingram wrote about the Tom Cruise video on Monday. He described the dispute as \
         \"a small skirmish in a long war over the internet and its forums.\"",
    );
    expect_said(&x, "a small skirmish", "/matthew-ingram");
    // Warhol is the topic; Kevin Allton is named for the first time, and speaks.
    let y = run(
        "Andy Warhol made prints of soup cans. Warhol liked photo booths. Warhol was famous. \
         For Kevin Allton, a teacher of English, Warhol was also a legend. He said, \"Andy \
         Warhol was the center of the art world for a whole century.\"",
    );
    expect_said(&y, "center of the art world", "/kevin-allton");
}

#[test]
fn a_post_ending_in_a_name_speaks_and_a_quote_right_after_another_shares_its_voice() {
    let x = run(
        "After the vote, CEO of the Housing Council Ana Berg told Sky News any plan \"must be \
         fair to everyone\": \"Cuts to the budget are welcome but not at any price.\"",
    );
    // The council is hers, not part of her name.
    assert!(
        x.roles.iter().any(|r| r.person.ends_with("/ana-berg")
            && r.org
                .as_deref()
                .is_some_and(|o| o.ends_with("/housing-council"))),
        "{:#?}",
        x.roles
    );
    expect_said(&x, "must be fair", "/ana-berg");
    expect_said(&x, "Cuts to the budget", "/ana-berg");
    let z = run(
        "Professor Ana Berg also said kits would be sent to schools and towns,\" For example, \
         schools can hold their own votes on the new flag\".",
    );
    expect_said(&z, "hold their own votes", "/ana-berg");
    // The first quote names who said the second.
    let y =
        run("The Herald reported that Tom Reyes told his staff, \"Let the managers go at once.\"");
    assert!(
        !said_by(&y, "Let the managers go", "/herald"),
        "{:#?}",
        y.quotes
    );
}

#[test]
fn nested_and_stray_straight_marks_and_quotes_attributed_or_led_in() {
    // A quote inside a quote is no end of it.
    let x = run(
        "There is a fine line attributed to Ana Berg — \"If we knew what we were doing, it \
         would not be called \"research\", would it?\"",
    );
    expect_said(&x, "would not be called", "/ana-berg");
    // A mark never closed is stray: the next sentence's quote starts afresh.
    let y = run(
        "The probe visited comet Wild (also known as \"Wild 2) in deep space and came back. \
         Scientists used a website to \"discover\" the tiny grains the capsule brought home.",
    );
    assert!(
        !y.quotes.iter().any(|q| q.text.contains("in deep space")),
        "{:#?}",
        y.quotes
    );
    // A sentence in which a person describes something leads in to the quote after it.
    let z = run(
        "Tom Reyes studied at the school in the 1990s. Ana Berg described him as the best pupil \
         she ever taught. \"He drew buildings that seemed to explode into tiny pieces.\"",
    );
    expect_said(&z, "seemed to explode", "/ana-berg");
}

#[test]
fn the_city_that_speaks_is_the_city_named_before() {
    let x = run(
        "Vexa Corp opened a plant in Tampere on Monday. The city reasoned, \"the plant will bring \
         three hundred jobs to the region within a year.\"",
    );
    expect_said(&x, "three hundred jobs", "City/tampere");
    // Two cities before it: no guess.
    let y = run(
        "Vexa Corp opened plants in Tampere and in Oulu on Monday. The city reasoned, \"the \
         plant will bring three hundred jobs to the region within a year.\"",
    );
    assert!(
        y.quotes.iter().all(|q| q.speaker.is_none()),
        "{:#?}",
        y.quotes
    );
}

#[test]
fn a_post_of_a_body_with_a_name_after_it_is_that_person() {
    // Parsed with the person in apposition to the firm, not to the post.
    let x = run("Co-founder of Google, Sergey Brin, personally met with Ana Berg during the fair.");
    expect(&x, "/sergey-brin", "meets", "/ana-berg");
}

#[test]
fn a_fragment_quoted_in_a_clause_is_its_subjects_words() {
    let x = run("Vexa Corp wants to \"build the largest and cleanest steel plant in the north.\"");
    expect_said(&x, "cleanest steel plant", "/vexa-corp");
    let y = run("Ana Berg told voters to \"run on the record of the last four years.\"");
    expect_said(&y, "run on the record", "/ana-berg");
    // Words someone else reports about the subject are not the subject's.
    let z = run(
        "An evaluation in 1970 said Tom Reyes \"stands out as a top pilot\" and was \"a natural \
         leader whom the other pilots followed.\"",
    );
    assert!(
        !said_by(&z, "natural leader", "/tom-reyes"),
        "{:#?}",
        z.quotes
    );
}

#[test]
fn what_no_one_said_is_no_quote() {
    let x = run(
        "Norwegian officials have not said why the team was denied visas. Tom Reyes never said \
         he was sorry.",
    );
    assert!(x.quotes.is_empty(), "{:#?}", x.quotes);
}

#[test]
fn a_phrase_between_saying_and_the_quote_keeps_the_speaker() {
    let x = run(
        "Mathematician Tom Reyes said of this letter, \"This is perhaps the most substantial \
         piece of writing in the whole field.\"",
    );
    expect_said(&x, "most substantial piece", "/tom-reyes");
}

#[test]
fn according_to_a_source_parsed_as_the_subject_is_no_quote_of_the_subject() {
    let x = run(
        "According to the Arts and Humanities Citation Index Professor Chomsky is the eighth \
         most cited scholar of all time.",
    );
    assert!(
        !said_by(&x, "most cited scholar", "/chomsky"),
        "{:#?}",
        x.quotes
    );
}

#[test]
fn an_expert_or_an_analyst_at_a_body_works_for_it() {
    let x = run(
        "Tom Reyes, an expert on missiles at the Kestrel Institute, said the launch failed. \
         Ana Berg, an analyst with Vexa Corp, said prices would rise.",
    );
    expect(&x, "/tom-reyes", "worksFor", "/kestrel-institute");
    expect(&x, "/ana-berg", "worksFor", "/vexa-corp");
    // A fan is no staff.
    let y = run("Ana Berg, a fan of the Kestrel Institute, said it was great.");
    assert!(y.relations.is_empty(), "{:#?}", y.relations);
}

#[test]
fn having_been_to_an_event_or_a_body_is_a_visit_to_it_and_to_its_place() {
    let x = run(
        "Since March, Tom Reyes has been to the Nordic Jazz Fair in Bergen, the Halvard \
         Society in Oslo and Lima.",
    );
    expect(&x, "/tom-reyes", "visits", "/bergen");
    expect(&x, "/tom-reyes", "visits", "/halvard-society");
    expect(&x, "/tom-reyes", "visits", "/oslo");
    expect(&x, "/tom-reyes", "visits", "/lima");
}

#[test]
fn an_organisation_of_a_country_is_based_there() {
    let x = run(
        "A research team from the Halvard Institute of Technology and Nordhavn State \
         University of the US has studied the effects.",
    );
    expect(
        &x,
        "/halvard-institute-of-technology",
        "basedIn",
        "/united-states",
    );
    expect(
        &x,
        "/nordhavn-state-university",
        "basedIn",
        "/united-states",
    );
    // A name whose country is part of it stays whole.
    let y = run(
        "The Central Bank of Norway raised its rates, and the National Library of the \
         Netherlands opened.",
    );
    for name in [
        "Central Bank of Norway",
        "National Library of the Netherlands",
    ] {
        assert!(
            y.entities.iter().any(|e| e.label == name),
            "no {name} in {:#?}",
            y.entities
        );
    }
}

#[test]
fn being_in_a_place_for_an_occasion_is_a_visit() {
    let x = run("Ana Berg is in Tampere this week for a conference on batteries.");
    expect(&x, "/ana-berg", "visits", "/tampere");
    // Being there for no occasion may be where one lives.
    let y = run("Ana Berg is in Tampere with her family.");
    reject(&y, "/ana-berg", "visits", "/tampere");
}

#[test]
fn a_word_of_a_name_is_no_verb_of_a_relation() {
    // The tagger reads the last part of the name as a verb.
    let x = run("Chan Kwok-ting from the Civic Party and Ana Berg were elected newcomers.");
    assert!(
        x.entities.iter().any(|e| e.label == "Chan Kwok-ting"),
        "{:#?}",
        x.entities
    );
    assert!(
        !x.relations.iter().any(|r| r.predicate == "related"),
        "{:#?}",
        x.relations
    );
}

#[test]
fn an_attack_on_a_name_by_a_name_before_it_is_an_attack() {
    let x =
        run("Norway's invasion of Sweden failed. The US assault on Halvard Company ended in May.");
    expect(&x, "/norway", "attacks", "/sweden");
    expect(&x, "/united-states", "attacks", "/halvard-company");
    // A supposed attack is hedged, one that did not happen denied.
    let z = run(
        "Any US attack on Vantoria would be a threat to Norway. There was no US attack on \
         Denmark that year.",
    );
    let supposed = first(&z, "attacks", "supposed attack");
    assert!(supposed.hedged && !supposed.negated, "{supposed:#?}");
    let denied = z
        .relations
        .iter()
        .find(|r| r.object.ends_with("/denmark"))
        .expect("the denied invasion");
    assert!(denied.negated, "{denied:#?}");
    // A place compounded with talks is where they are, not a party to them.
    let y = run("The Oslo talks with Vantoria ended on Monday.");
    assert!(
        !y.relations.iter().any(|r| r.subject.ends_with("/oslo")),
        "{:#?}",
        y.relations
    );
}

#[test]
fn a_passive_clause_on_a_name_reads_its_agent() {
    let x = run(
        "Vexa Corp, a firm founded by Ana Berg in 2001, sells steel. The Green Party, led by \
         Ola Dahl, won the vote. Tom Reyes works at the Halvard Institute, which is funded \
         by Kestrel Media.",
    );
    expect(&x, "/ana-berg", "founded", "/vexa-corp");
    expect(&x, "/ola-dahl", "leads", "/green-party");
    expect(&x, "/kestrel-media", "funds", "/halvard-institute");
}

#[test]
fn the_trees_subject_of_a_trigger_outweighs_the_name_before_it() {
    let x = run("Ana Berg arrived on Monday. She met Tom Reyes during her visit to Vexa Corp.");
    expect(&x, "/ana-berg", "visits", "/vexa-corp");
    reject(&x, "/tom-reyes", "visits", "/vexa-corp");
    // The preposition hung on the first word of the name still reads "to Halvard Labs".
    let y = run("Ana Berg founded Vexa Corp in 2001 and sold it to Halvard Labs in 2010.");
    expect(&y, "/ana-berg", "sellsTo", "/halvard-labs");
    reject(&y, "/vexa-corp", "sellsTo", "/halvard-labs");
}

#[test]
fn the_board_of_a_firm_stands_for_the_firm() {
    let x = run("Ana Berg resigned from the board of Vexa Corp on Monday.");
    expect(&x, "/ana-berg", "resignsFrom", "/vexa-corp");
}

#[test]
fn a_merger_joins_two_firms_either_way_round() {
    let x = run(
        "Vexa Corp and Halvard Labs agreed to merge in May. The merger between Kestrel Media \
         and Norvik Airlines was approved. Tom Reyes completed his merger with Ana Berg.",
    );
    expect(&x, "/vexa-corp", "mergesWith", "/halvard-labs");
    expect(&x, "/kestrel-media", "mergesWith", "/norvik-airlines");
    // People do not merge.
    assert!(
        !x.relations.iter().any(|r| r.object.ends_with("/ana-berg")),
        "{:#?}",
        x.relations
    );
}

#[test]
fn the_city_of_a_mayor_is_the_one_the_story_names() {
    let x = run(
        "Tampere, Finland — The lantern festival opened on Saturday. Crowds came to see city \
         mayor Ana Berg light the first lantern.",
    );
    expect_post(&x, "/ana-berg", "City/tampere");
    let y = run("The festival in Tampere opened on Saturday. The city's mayor, Ola Dahl, spoke.");
    expect_post(&y, "/ola-dahl", "City/tampere");
    // Two cities before it: no guess.
    let z =
        run("Festivals in Tampere and Oslo opened on Saturday. The city's mayor, Ola Dahl, spoke.");
    assert!(z.roles.iter().all(|r| r.org.is_none()), "{:#?}", z.roles);
}

#[test]
fn moving_to_a_place_is_living_there_for_a_person() {
    let x = run("Ana Berg moved to Tampere in 1990. Vexa Corp moved to Oslo in 2001.");
    expect(&x, "/ana-berg", "livesIn", "/tampere");
    reject(&x, "/vexa-corp", "livesIn", "/oslo");
}

#[test]
fn votes_work_with_and_growing_up_somewhere() {
    let x = run("Ana Berg voted for Tom Reyes in 2012. Piet Olsen voted against Tom Reyes.");
    expect(&x, "/ana-berg", "supports", "/tom-reyes");
    expect(&x, "/piet-olsen", "opposes", "/tom-reyes");
    let y = run(
        "Ana Berg has worked with Mark Lunde on the housing bill. Ola Dahl grew up in \
                 Dayton.",
    );
    expect(&y, "/ana-berg", "cooperatesWith", "/mark-lunde");
    expect(&y, "/ola-dahl", "livesIn", "/dayton");
    // Two people who work, each on their own, do not work together; a possessor of the subject
    // is not the one who worked.
    let z = run(
        "Ana Berg and Tom Reyes work in Oslo. Vexa Corp's plan worked in tandem with \
                 Halvard Labs's budget.",
    );
    reject(&z, "/tom-reyes", "cooperatesWith", "/ana-berg");
    reject(&z, "/ana-berg", "cooperatesWith", "/tom-reyes");
    reject(&z, "/vexa-corp", "cooperatesWith", "/halvard-labs");
}

#[test]
fn marriages_homes_posts_joined_units_and_stakes() {
    let x = run(
        "Ola Dahl is married to Ann Kole. Dayton resident Tom Reyes called the police. \
                 Piet Olsen, a Dayton native, won the race. Halvard Labs, a unit of Kestrel \
                 Media, cut jobs. Kestrel Media owns a 40 percent stake in Nordhavn Group.",
    );
    expect(&x, "/ola-dahl", "spouseOf", "/ann-kole");
    expect(&x, "/tom-reyes", "livesIn", "/dayton");
    expect(&x, "/piet-olsen", "bornIn", "/dayton");
    expect(&x, "/kestrel-media", "owns", "/halvard-labs");
    // A stake held is a part owned.
    expect(&x, "/kestrel-media", "owns", "/nordhavn-group");
    let y = run(
        "Lena Sorvik joined Vexa Corp as chief executive in 2019. Erik Lind, who was \
                 elected mayor of Dayton in 2010, resigned.",
    );
    expect_post(&y, "/lena-sorvik", "/vexa-corp");
    expect_post(&y, "/erik-lind", "/dayton");
}

#[test]
fn raised_somewhere_in_the_passive_is_living_there() {
    let x = run(
        "Tom Reyes was raised in Dayton by his aunt. Lena Sorvik was brought up in Tampere. \
         Vexa Corp raised 5 million euros in Oslo. Ana Berg was born in Lima and raised in \
         Bergen.",
    );
    expect(&x, "/tom-reyes", "livesIn", "/dayton");
    // A conjunct shares its head's passive and patient.
    expect(&x, "/ana-berg", "livesIn", "/bergen");
    expect(&x, "/lena-sorvik", "livesIn", "/tampere");
    ensure(
        !x.relations
            .iter()
            .any(|r| r.predicate == "livesIn" && r.object.ends_with("/oslo")),
        format_args!("no one lives in Oslo"),
        &x.relations,
    );
}

#[test]
fn talks_held_with_someone_are_talks_with_them() {
    let x = run(
        "Tom Reyes arrived in Oslo on Sunday and held talks on Monday with Finance Minister Ana \
         Berg.",
    );
    assert!(
        has(&x, "Person/tom-reyes", "negotiatesWith", "Person/ana-berg"),
        "{:#?}",
        x.relations
    );
    assert!(
        !x.relations.iter().any(|r| r.predicate == "related"),
        "{:#?}",
        x.relations
    );
}

#[test]
fn a_participle_clause_opening_the_sentence_is_said_of_its_subject() {
    let x = run("Born in Bergen in 1933, Vikram Desh studied metallurgy in Leeds.");
    assert!(
        has(&x, "Person/vikram-desh", "bornIn", "City/bergen"),
        "{:#?}",
        x.relations
    );
    // A clause opened by a subordinating word keeps its own reading.
    let y = run("When born in Bergen, the calf weighed 40 kilos, Tom Reyes said.");
    assert!(
        !y.relations.iter().any(|r| r.predicate == "bornIn"),
        "{:#?}",
        y.relations
    );
}

#[test]
fn a_name_read_as_an_adjective_complement_is_the_object() {
    let x = run(
        "VALENCIA, Spain (Reuters) - Moroccan winger Ali Berg scored twice as Atletico Almarena \
         beat Real Castellar 3-1 on Sunday, hours after the club confirmed the signing of a \
         striker.",
    );
    assert!(
        has(
            &x,
            "Organization/atletico-almarena",
            "beats",
            "Organization/real-castellar"
        ),
        "{:#?}",
        x.relations
    );
}

#[test]
fn a_share_owned_of_a_firm_is_an_owning_of_it() {
    let x = run(
        "Ravnholt Pension owns 22 percent of Havgard Vind. Vexa Corp owns 40% of Halvard Labs.",
    );
    assert!(
        has(
            &x,
            "Company/ravnholt-pension",
            "owns",
            "Company/havgard-vind"
        ),
        "{:#?}",
        x.relations
    );
    assert!(
        has(&x, "Company/vexa-corp", "owns", "Company/halvard-labs"),
        "{:#?}",
        x.relations
    );
}

#[test]
fn officers_of_a_body_act_for_it_and_a_coach_leads_the_club() {
    let x = run(
        "Officers from the National Police detained Gerrit Vos at his home. Tom Reyes managed \
         Tampere United for six years.",
    );
    assert!(
        has(
            &x,
            "Organization/national-police",
            "arrests",
            "Person/gerrit-vos"
        ),
        "{:#?}",
        x.relations
    );
    assert!(
        has(
            &x,
            "Person/tom-reyes",
            "leads",
            "Organization/tampere-united"
        ),
        "{:#?}",
        x.relations
    );
}

#[test]
fn a_wife_of_many_years_is_a_wife() {
    let x = run(
        "Vikram Desh died on Sunday. He is survived by his wife of 64 years, Ana Desh, and his \
         daughter, Meera Kapoor.",
    );
    assert!(
        has(&x, "Person/ana-desh", "spouseOf", "Person/vikram-desh")
            || has(&x, "Person/vikram-desh", "spouseOf", "Person/ana-desh"),
        "{:#?}",
        x.relations
    );
}

#[test]
fn a_party_named_before_its_noun_and_acts_ruled_out_or_refused() {
    let x = run(
        "Slovakia's opposition Civic Renewal party won the most votes on Saturday, comfortably \
         beating the governing Alliance for Slovakia. Ana Berg has ruled out working with the \
         nationalist Slovak Home party. Tom Reyes refused to meet Ana Berg.",
    );
    assert!(
        has(
            &x,
            "Organization/civic-renewal",
            "beats",
            "Organization/alliance-for-slovakia"
        ),
        "{:#?}",
        x.relations
    );
    for (s, p) in [
        ("Person/ana-berg", "cooperatesWith"),
        ("Person/tom-reyes", "meets"),
    ] {
        assert!(
            x.relations
                .iter()
                .filter(|r| r.subject == s && r.predicate == p)
                .all(|r| r.negated),
            "{s} {p}: {:#?}",
            x.relations
        );
        assert!(
            x.relations
                .iter()
                .any(|r| r.subject == s && r.predicate == p),
            "{s} {p}: {:#?}",
            x.relations
        );
    }
}

#[test]
fn a_noun_naming_its_own_subject_is_not_the_verbs_subjects() {
    let x = run(
        "Officers from the National Police detained the owner of Vanderlinde Logistics at his \
         home. Tom Reyes, the founder of Vexa Corp, spoke.",
    );
    assert!(
        !x.relations
            .iter()
            .any(|r| r.subject == "Organization/national-police" && r.predicate == "owns"),
        "{:#?}",
        x.relations
    );
    assert!(
        has(&x, "Person/tom-reyes", "founded", "Company/vexa-corp"),
        "{:#?}",
        x.relations
    );
}

#[test]
fn an_event_before_the_main_clause_is_its_subjects() {
    let x = run("After a two-hour meeting with Tom Reyes, Ana Berg said the talks went well.");
    assert!(
        has(&x, "Person/ana-berg", "meets", "Person/tom-reyes")
            || has(&x, "Person/tom-reyes", "meets", "Person/ana-berg"),
        "{:#?}",
        x.relations
    );
}

#[test]
fn a_participle_clause_opening_the_sentence_is_said_of_the_main_subject() {
    let x = run(
        "Founded in 2018 by Ana Berg and Tom Reyes, Vexa AI reads hospital scans. \
         Bought by Norcrest Technologies in 2019, Helixa AI grew fast. \
         Nordvik AI was founded in 2015 by Ola Dahl.",
    );
    expect(&x, "/ana-berg", "founded", "/vexa-ai");
    expect(&x, "/tom-reyes", "founded", "/vexa-ai");
    expect(&x, "/norcrest-technologies", "acquires", "/helixa-ai");
    // A firm named "... AI" is a company, which a person founds.
    expect(&x, "/ola-dahl", "founded", "/nordvik-ai");
}

#[test]
fn speakers_after_a_post_in_lower_case() {
    let x = run("Oil reached the shore on Friday. \
         \"The leak has been stopped,\" port authority chief executive Tan Wei Ming told reporters. \
         \"Our volunteers are working around the clock,\" said its founder and executive \
         director, Nasreen Haque. \"It is a good day,\" said the company's chief executive, \
         Ana Berg.");
    expect_said(&x, "The leak has been stopped", "/tan-wei-ming");
    expect_said(&x, "Our volunteers", "/nasreen-haque");
    expect_said(&x, "It is a good day", "/ana-berg");
}

#[test]
fn a_parent_named_after_daughter_of_is_no_later_she() {
    let x = run("Mara Quint won the Halvard Prize on Monday. \
         She is the daughter of the late playwright Emeka Okafor. \
         \"My father taught me that stories are a form of resistance,\" she said.");
    assert!(
        !said_by(&x, "My father taught me", "/emeka-okafor"),
        "{:#?}",
        x.quotes
    );
}

#[test]
fn running_and_guiding_a_body_is_leading_it() {
    let x = run(
        "Kessler Reederei, a family-owned company run by Henrike Kessler, hired a firm. \
         Ana Berg, who guided Fjellheim IL to two titles, joined Vexa Corp.",
    );
    expect(&x, "/henrike-kessler", "leads", "/kessler-reederei");
    expect(&x, "/ana-berg", "leads", "/fjellheim-il");
}

#[test]
fn a_body_signing_a_person_hires_them() {
    let x = run(
        "Seetal FC said it had signed Swedish defenceman Hampus Lindqvist from IK \
         Norrvalla. Seetal FC signed Tom Reyes in May. Norway signed the treaty with Sweden.",
    );
    expect(&x, "/seetal-fc", "hires", "/hampus-lindqvist");
    expect(&x, "/seetal-fc", "hires", "/tom-reyes");
    // Signing with a country is an agreement, no hiring.
    assert!(
        !has(&x, "/norway", "hires", "/sweden"),
        "{:#?}",
        x.relations
    );
}

#[test]
fn bodies_set_up_founded_and_their_founders_posts() {
    let x = run(
        "The prize is run by the Halloran Foundation, a charity set up by the shipping heiress \
         Cecilia Halloran. Six years later Vikram Mehta left to start his own business, \
         founding Mehta Steel in 1964. \"We trusted them,\" said Marcus Oyelaran, Helixa \
         Labs's co-founder and chief executive.",
    );
    expect(&x, "/cecilia-halloran", "founded", "/halloran-foundation");
    expect(&x, "/vikram-mehta", "founded", "/mehta-steel");
    expect(&x, "/marcus-oyelaran", "founded", "/helixa-labs");
}

#[test]
fn it_stands_for_the_body_named_before_when_nothing_else_may() {
    let x = run(
        "Tanipintar Labs has raised about $70 million since it was founded in 2019 by Rani \
         Kusumawardani. Halvard Labs makes sensors. It was founded in 2001 by Ana Berg.",
    );
    expect(&x, "/rani-kusumawardani", "founded", "/tanipintar-labs");
    expect(&x, "/ana-berg", "founded", "/halvard-labs");
    // A thing named between is what "it" may be.
    let y = run("Vexa Corp had a factory in Lyon until 2001, when it was bought by Tom Reyes.");
    reject(&y, "/tom-reyes", "acquires", "/vexa-corp");
}

#[test]
fn grants_loans_and_donations_from_a_body_fund_the_receiver() {
    let x = run(
        "The Brightwater Trust receives grants from the Caledonian Community Fund. Halvard Labs \
         won a loan from the World Bank.",
    );
    expect(
        &x,
        "/caledonian-community-fund",
        "funds",
        "/brightwater-trust",
    );
    expect(&x, "/world-bank", "funds", "/halvard-labs");
}
