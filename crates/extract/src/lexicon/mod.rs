//! Gazetteers embedded at build time: countries (names, aliases, demonyms, capitals, Wikidata
//! ids), cities, regions, given names, titles, honorifics and organisation suffixes.
//!
//! The country, city and given-name tables are compiled from `../shared/data/lexicons` by
//! `kg-train lexicons` (crates/train); the short lists are our own. Lookups take the text as written.

pub(crate) mod org_names;
mod sources;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::EntityType;
pub use org_names::{OrgNames, lower_hash};
pub use sources::{SourceError, Sources, content_hash};

/// Source of lexicon ids (0 is never used: it marks an unset memo owner).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A country with the names news uses for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// Common English name ("Vietnam").
    pub name: String,
    /// Official name ("Socialist Republic of Vietnam").
    pub official: String,
    /// Wikidata item ("Q881"), when known.
    pub wikidata: Option<String>,
    /// Capital cities.
    pub capitals: Vec<String>,
    /// Adjectives and demonyms ("Vietnamese").
    pub demonyms: Vec<String>,
}

/// The embedded gazetteers.
#[derive(Debug)]
pub struct Lexicon {
    countries: Vec<Country>,
    /// Country names and aliases: exact form for short codes, lower case otherwise.
    country_names: HashMap<String, usize>,
    demonyms: HashMap<String, usize>,
    capitals: HashMap<String, usize>,
    cities: HashMap<String, String>,
    regions: HashMap<String, String>,
    given: HashMap<String, u32>,
    /// Given names borne by one sex: 0 male, 1 female.
    genders: HashMap<String, u8>,
    titles: HashSet<String>,
    job_titles: HashSet<String>,
    /// Titles by their third column (`player`, `owner`, `candidate`), lower case.
    title_kinds: HashMap<String, String>,
    title_words: HashSet<String>,
    honorifics: HashSet<String>,
    org_suffixes: HashMap<String, EntityType>,
    place_words: HashSet<String>,
    team_words: HashSet<String>,
    team_openers: HashSet<String>,
    region_abbreviations: HashMap<String, String>,
    companies: HashSet<String>,
    institutions: HashSet<String>,
    facilities: HashSet<String>,
    /// Last words of company names the rules read beside the company suffixes.
    company_words: HashSet<String>,
    company_openers: HashSet<String>,
    /// A party's adjective or member's noun ("Liberal", "Democrat").
    party_adjectives: HashSet<String>,
    agency_words: HashSet<String>,
    /// Event words, `true` when the name needs an ordinal or a year to be an event.
    event_words: HashMap<String, bool>,
    event_openers: HashSet<String>,
    /// Nouns that type the names right after them ("firms" -> Company).
    org_nouns: HashMap<String, EntityType>,
    person_nouns: HashSet<String>,
    /// Short names of parties and plural names of their members ("Tories", "Labour").
    party_names: HashSet<String>,
    /// Regions, states, provinces, continents and seas for the NER features.
    ner_regions: HashSet<String>,
    /// Organisation names for the NER features (organizations.txt and companies.txt).
    org_names: OrgNames,
    /// The texts it was built from.
    sources: Sources,
    /// Distinguishes lexicons, for memos of lookups kept across sentences.
    id: u64,
}

/// Ordinal words that number an event ("Fourth International Congress").
const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// Data lines of an embedded table: comments and blank lines skipped, split on tabs.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Key under which a name is stored: short all-capital codes ("US", "UK") as written, so that
/// the pronoun "us" is not a country; everything else lower case.
fn name_key(name: &str) -> String {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 3 && name.chars().all(|c| !c.is_lowercase()) {
        name.to_string()
    } else {
        name.to_lowercase()
    }
}

fn split_list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

impl Lexicon {
    /// The lexicon built from the files embedded in the crate.
    pub fn embedded() -> Lexicon {
        Lexicon::from_sources(Sources::embedded())
    }

    /// The lexicon built from `sources`.
    pub fn from_sources(sources: Sources) -> Lexicon {
        let text = |name: &str| sources.text(name);
        let (countries_text, country_extra, capital_extra, cities_text) = (
            text("countries.tsv"),
            text("country_extra.tsv"),
            text("capital_extra.tsv"),
            text("cities.tsv"),
        );
        let (regions_text, given_text, titles_text, title_words_text) = (
            text("regions.tsv"),
            text("given_names.tsv"),
            text("titles.txt"),
            text("title_words.txt"),
        );
        let (honorifics_text, org_suffixes_text, companies_text, institutions_text) = (
            text("honorifics.txt"),
            text("org_suffixes.txt"),
            text("companies.txt"),
            text("institutions.txt"),
        );
        let (facilities_text, agency_text, event_text) = (
            text("facilities.txt"),
            text("agency_words.txt"),
            text("event_words.txt"),
        );
        let ner_regions = sources
            .text("ner_regions.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        let org_names = OrgNames::new([
            sources.text("organizations.txt"),
            sources.text("companies.txt"),
        ]);
        let mut lex = Lexicon {
            ner_regions,
            org_names,
            sources: Sources::default(),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            countries: Vec::new(),
            country_names: HashMap::new(),
            demonyms: HashMap::new(),
            capitals: HashMap::new(),
            cities: HashMap::new(),
            regions: HashMap::new(),
            given: HashMap::new(),
            genders: HashMap::new(),
            titles: HashSet::new(),
            job_titles: HashSet::new(),
            title_kinds: HashMap::new(),
            title_words: HashSet::new(),
            honorifics: HashSet::new(),
            org_suffixes: HashMap::new(),
            place_words: HashSet::new(),
            team_words: HashSet::new(),
            team_openers: HashSet::new(),
            region_abbreviations: HashMap::new(),
            companies: HashSet::new(),
            institutions: HashSet::new(),
            facilities: HashSet::new(),
            company_words: HashSet::new(),
            company_openers: HashSet::new(),
            party_adjectives: HashSet::new(),
            agency_words: HashSet::new(),
            event_words: HashMap::new(),
            event_openers: HashSet::new(),
            org_nouns: HashMap::new(),
            person_nouns: HashSet::new(),
            party_names: HashSet::new(),
        };
        let mut sovereigns: Vec<usize> = Vec::new();
        for f in rows(countries_text) {
            let Some(name) = f.first() else { continue };
            let index = lex.countries.len();
            let country = Country {
                name: name.to_string(),
                official: f.get(1).unwrap_or(name).to_string(),
                wikidata: f.get(5).filter(|w| !w.is_empty()).map(|w| w.to_string()),
                capitals: split_list(f.get(4)),
                demonyms: split_list(f.get(3)),
            };
            // A sovereign state takes a shared alias or demonym from a territory ("American" is
            // the United States, not the Northern Mariana Islands); otherwise the first claim
            // stands, and a country's own common name always wins over another's alias.
            let sovereign = f.get(6) == Some(&"yes");
            let claim = |map: &mut HashMap<String, usize>, key: String| {
                if sovereign {
                    let owner = map.get(&key).copied();
                    let owner_sovereign = owner.is_some_and(|o| sovereigns.contains(&o));
                    if !owner_sovereign {
                        map.insert(key, index);
                    }
                } else {
                    map.entry(key).or_insert(index);
                }
            };
            lex.country_names.insert(name_key(name), index);
            for alias in split_list(f.get(2)).iter().chain([&country.official]) {
                let owner = lex.country_names.get(&name_key(alias)).copied();
                let anothers_own_name =
                    owner.is_some_and(|o| o != index && lex.countries[o].name == *alias);
                if !anothers_own_name {
                    claim(&mut lex.country_names, name_key(alias));
                }
            }
            for demonym in &country.demonyms {
                claim(&mut lex.demonyms, demonym.clone());
            }
            for capital in &country.capitals {
                claim(&mut lex.capitals, capital.clone());
            }
            if sovereign {
                sovereigns.push(index);
            }
            lex.countries.push(country);
        }
        for f in rows(country_extra) {
            if let (Some(alias), Some(target)) = (f.first(), f.get(1))
                && let Some(&index) = lex.country_names.get(&name_key(target))
            {
                lex.country_names.insert(name_key(alias), index);
            }
        }
        for f in rows(sources.text("demonym_extra.tsv")) {
            if let (Some(demonym), Some(target)) = (f.first(), f.get(1))
                && let Some(&index) = lex.country_names.get(&name_key(target))
            {
                lex.demonyms.entry(demonym.to_string()).or_insert(index);
            }
        }
        for f in rows(capital_extra) {
            if let (Some(city), Some(target)) = (f.first(), f.get(1))
                && let Some(&index) = lex.country_names.get(&name_key(target))
            {
                lex.capitals.insert(city.to_string(), index);
            }
        }
        for f in rows(cities_text) {
            if let (Some(city), Some(country)) = (f.first(), f.get(1)) {
                lex.cities.insert(city.to_string(), country.to_string());
            }
        }
        for f in rows(regions_text) {
            if let (Some(region), Some(country)) = (f.first(), f.get(1)) {
                lex.regions.insert(region.to_string(), country.to_string());
            }
        }
        for f in rows(sources.text("given_genders.tsv")) {
            if let (Some(name), Some(g)) = (f.first(), f.get(1)) {
                let g = match *g {
                    "m" => 0,
                    "f" => 1,
                    _ => continue,
                };
                lex.genders.insert(name.to_string(), g);
            }
        }
        for f in rows(given_text) {
            if let (Some(name), Some(count)) = (f.first(), f.get(1).and_then(|c| c.parse().ok())) {
                lex.given.insert(name.to_string(), count);
            }
        }
        lex.companies = rows(companies_text)
            .filter_map(|f| f.first().map(|c| c.to_string()))
            .collect();
        lex.institutions = rows(institutions_text)
            .filter_map(|f| f.first().map(|c| c.to_string()))
            .collect();
        lex.facilities = rows(facilities_text)
            .filter_map(|f| f.first().map(|c| c.to_string()))
            .collect();
        lex.company_words = rows(sources.text("company_words.txt"))
            .filter_map(|f| f.first().map(|c| c.to_string()))
            .collect();
        lex.company_openers = rows(sources.text("company_openers.txt"))
            .filter_map(|f| f.first().map(|c| c.to_string()))
            .collect();
        lex.party_adjectives = rows(sources.text("party_adjectives.txt"))
            .filter_map(|f| f.first().map(|c| c.to_string()))
            .collect();
        lex.agency_words = rows(agency_text)
            .filter_map(|f| f.first().map(|c| c.to_string()))
            .collect();
        lex.event_words = rows(event_text)
            .filter(|f| f.get(1) != Some(&"opens"))
            .filter_map(|f| {
                f.first()
                    .map(|w| (w.to_string(), f.get(1) == Some(&"numbered")))
            })
            .collect();
        lex.event_openers = rows(event_text)
            .filter(|f| f.get(1) == Some(&"opens"))
            .filter_map(|f| f.first().map(|w| w.to_string()))
            .collect();
        lex.titles = rows(titles_text)
            .filter_map(|f| f.first().map(|t| t.to_lowercase()))
            .collect();
        lex.job_titles = rows(titles_text)
            .filter(|f| f.get(1) == Some(&"job"))
            .filter_map(|f| f.first().map(|t| t.to_lowercase()))
            .collect();
        lex.title_kinds = rows(titles_text)
            .filter_map(|f| Some((f.first()?.to_lowercase(), f.get(2)?.to_string())))
            .collect();
        lex.title_words = rows(title_words_text)
            .filter_map(|f| f.first().map(|t| t.to_string()))
            .collect();
        lex.honorifics = rows(honorifics_text)
            .filter_map(|f| f.first().map(|t| t.to_string()))
            .collect();
        for f in rows(org_suffixes_text) {
            if let (Some(kind), Some(word)) = (f.first(), f.get(1)) {
                let kind = if *kind == "Company" {
                    EntityType::Company
                } else {
                    EntityType::Organization
                };
                lex.org_suffixes.insert(word.to_string(), kind);
                if f.get(2) == Some(&"place") {
                    lex.place_words.insert(word.to_string());
                }
            }
        }
        lex.person_nouns = rows(text("person_nouns.txt"))
            .filter_map(|f| f.first().map(|w| w.to_string()))
            .collect();
        for f in rows(text("org_nouns.tsv")) {
            if let (Some(noun), Some(kind)) = (f.first(), f.get(1)) {
                let kind = if *kind == "Company" {
                    EntityType::Company
                } else {
                    EntityType::Organization
                };
                lex.org_nouns.insert(noun.to_string(), kind);
            }
        }
        lex.party_names = rows(text("party_names.txt"))
            .filter_map(|f| f.first().map(|w| w.to_string()))
            .collect();
        lex.team_words = rows(text("team_words.txt"))
            .filter_map(|f| f.first().map(|w| w.to_string()))
            .collect();
        lex.team_openers = rows(text("team_openers.txt"))
            .filter_map(|f| f.first().map(|c| c.to_string()))
            .collect();
        lex.region_abbreviations = rows(text("region_abbreviations.tsv"))
            .filter_map(|f| Some((f.first()?.to_string(), f.get(1)?.to_string())))
            .collect();
        lex.unaccented_cities(cities_text);
        lex.sources = sources;
        lex
    }

    /// Adds the cities as English news writes them ("Zurich", "Montreal", "Sao Paulo") where
    /// no city is listed under that spelling, the first listed winning when two fold to one.
    /// A spelling that is also a given name or a short word ("Leon" from "León", "God" from
    /// "Göd") is left out.
    fn unaccented_cities(&mut self, cities_text: &str) {
        let mut plain = HashMap::new();
        for f in rows(cities_text) {
            if let (Some(city), Some(country)) = (f.first(), f.get(1)) {
                let folded = crate::model::unaccented(city);
                if folded.chars().count() > 3
                    && !self.cities.contains_key(&folded)
                    && self.given_name(&folded) == 0
                {
                    plain.entry(folded).or_insert_with(|| country.to_string());
                }
            }
        }
        self.cities.extend(plain);
    }

    /// The texts the lexicon was built from.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// Distinguishes this lexicon from every other built in the process.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Whether a phrase, as written or in title case, is a region, state, province, continent
    /// or sea of the NER list (`ner_regions.txt`).
    pub fn ner_region(&self, name: &str) -> bool {
        self.ner_regions.contains(name)
    }

    /// Organisation names of `organizations.txt` and `companies.txt`, matched on lower-case
    /// token hashes.
    pub fn org_names(&self) -> &OrgNames {
        &self.org_names
    }

    /// All countries, in table order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country a name or alias denotes ("Vietnam", "Viet Nam", "U.S.", "US", "America").
    pub fn country(&self, name: &str) -> Option<&Country> {
        let name = name.strip_prefix("the ").unwrap_or(name);
        self.country_names
            .get(&name_key(name))
            .map(|&i| &self.countries[i])
    }

    /// The country a demonym or adjective of place points to ("Vietnamese", "American").
    pub fn demonym(&self, word: &str) -> Option<&Country> {
        self.demonyms.get(word).map(|&i| &self.countries[i])
    }

    /// The country a capital or seat of government belongs to ("Oslo", "Washington").
    pub fn capital_of(&self, city: &str) -> Option<&Country> {
        self.capitals.get(city).map(|&i| &self.countries[i])
    }

    /// The country of a city with this name (first listed when several share it), when known;
    /// a name written with accents the list has without ("Cádiz") is found too.
    pub fn city(&self, name: &str) -> Option<&str> {
        self.city_exact(name).or_else(|| {
            if name.is_ascii() {
                return None;
            }
            // (Not where the plain form is a given name: "Ramón" is no town called Ramon.)
            let plain = kg_schema::unaccented(name);
            (self.given_name_exact(&plain) == 0)
                .then(|| self.city_exact(&plain))
                .flatten()
        })
    }

    /// [`Lexicon::city`] for the name exactly as written (what the tagger's features were
    /// trained on).
    pub fn city_exact(&self, name: &str) -> Option<&str> {
        if let Some(country) = self.capital_of(name) {
            return Some(&country.name);
        }
        self.cities.get(name).map(String::as_str)
    }

    /// The country of a state, province or region with this name ("Ontario", "Tuscany").
    pub fn region(&self, name: &str) -> Option<&str> {
        self.regions.get(name).map(String::as_str)
    }

    /// How many US babies got this given name (1940-2023), 0 when it is not in the list.
    pub fn given_name(&self, word: &str) -> u32 {
        let exact = self.given_name_exact(word);
        if exact > 0 || word.is_ascii() {
            return exact;
        }
        // "Ramón", "Inés": the list is of names as written in the US, most without accents.
        self.given_name_exact(&kg_schema::unaccented(word))
    }

    /// [`Lexicon::given_name`] for the form exactly as written (what the tagger's features
    /// were trained on).
    pub fn given_name_exact(&self, word: &str) -> u32 {
        self.given.get(word).copied().unwrap_or(0)
    }

    /// The gender of whoever bears this given name, when nearly all its bearers are of one
    /// sex: 0 male, 1 female (the order of `facts::pronouns`).
    pub fn given_gender(&self, word: &str) -> Option<usize> {
        self.genders
            .get(word)
            .or_else(|| {
                (!word.is_ascii())
                    .then(|| self.genders.get(kg_schema::unaccented(word).as_str()))
                    .flatten()
            })
            .map(|&g| usize::from(g))
    }

    /// Whether this whole phrase is a known title ("Prime Minister", "secretary of state").
    pub fn title(&self, phrase: &str) -> bool {
        self.titles.contains(&phrase.to_lowercase())
    }

    /// Whether this title is a job, a post only with its organisation ("columnist").
    pub fn job_title(&self, phrase: &str) -> bool {
        self.job_titles.contains(&phrase.to_lowercase())
    }

    /// What a title says of how its holder belongs to the post's organisation, from the third
    /// column of `titles.txt`: `player` (plays for it), `owner` (owns it) or `candidate` (stands
    /// for it, no more).
    pub fn title_kind(&self, phrase: &str) -> Option<&str> {
        self.title_kinds
            .get(&phrase.to_lowercase())
            .map(String::as_str)
    }

    /// Whether this word occurs inside titles ("deputy", "national", "minister").
    pub fn title_word(&self, word: &str) -> bool {
        self.title_words.contains(word) || self.title_words.contains(&word.to_lowercase())
    }

    /// Whether this word is an honorific ("Mr", "Mrs.", "Dr").
    pub fn honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word)
    }

    /// Whether this is the name of a well-known company ("Airbus", "Goldman Sachs").
    pub fn company(&self, name: &str) -> bool {
        self.companies.contains(name)
    }

    /// Whether a head word makes a named place an institution ("Museum", "Planetarium").
    pub fn institution(&self, word: &str) -> bool {
        self.institutions.contains(word)
    }

    /// Whether a name of these words is an event ("Olympics"; "Fourth International Congress",
    /// with an ordinal or a year when the last word needs one).
    pub fn event(&self, words: &[&str]) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        if words.len() > 1 && self.event_opener(words[0]) {
            return true;
        }
        match self.event_words.get(*last) {
            Some(false) => words.len() > 1,
            Some(true) => words.iter().any(|w| {
                let lower = w.to_lowercase();
                ORDINALS.contains(&lower.as_str())
                    || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
                    || (lower.ends_with("th")
                        || lower.ends_with("st")
                        || lower.ends_with("nd")
                        || lower.ends_with("rd"))
                        && lower.chars().next().is_some_and(|c| c.is_ascii_digit())
            }),
            None => false,
        }
    }

    /// Whether no list claims `word` as anything but part of a name: not a title word, an
    /// honorific, an organisation, institution or building word, or a country, city or region.
    pub fn unclaimed(&self, word: &str) -> bool {
        !self.title_word(word)
            && !self.honorific(word)
            && self.org_suffix(word).is_none()
            && !self.institution(word)
            && !self.facility(word)
            && self.country(word).is_none()
            && self.city(word).is_none()
            && self.region(word).is_none()
    }

    /// Whether a word opens the names of events ("Hurricane" in "Hurricane Rita").
    pub fn event_opener(&self, word: &str) -> bool {
        self.event_openers.contains(word)
    }

    /// Whether a word before a country's name makes an agency of it ("Environment Canada").
    pub fn agency_word(&self, word: &str) -> bool {
        self.agency_words.contains(word)
    }

    /// Whether a noun for a person's trade or family tie says the name right after it is a
    /// person's ("the chemist Ana Berg", "his granddaughter Mara Quint").
    pub fn person_noun(&self, word: &str) -> bool {
        self.person_nouns.contains(word)
    }

    /// The kind of body a common noun says the names right after it are ("cable firms Vexa and
    /// Tellnet": Company; "the band X": Organization).
    pub fn org_noun(&self, word: &str) -> Option<EntityType> {
        self.org_nouns.get(word).copied()
    }

    /// Whether a name is a party's short name or its members' ("the Tories", "Labour").
    pub fn party_name(&self, name: &str) -> bool {
        self.party_names.contains(name)
    }

    /// Whether a word (or two) names a party by its adjective or a member ("Liberal",
    /// "Democrat", "Lib Dem"): the party only where a post follows or as a description.
    pub fn party_adjective(&self, name: &str) -> bool {
        self.party_adjectives.contains(name)
    }

    /// Whether a word ends the names of buildings, structures and streets ("Theatre").
    pub fn facility(&self, word: &str) -> bool {
        self.facilities.contains(word)
    }

    /// Whether an organisation word also ends place names ("Bank": "West Bank").
    pub fn place_word(&self, word: &str) -> bool {
        self.place_words.contains(word)
    }

    /// The state or province an abbreviation stands for ("La." -> Louisiana, "RI" -> Rhode
    /// Island).
    pub fn region_abbreviation(&self, word: &str) -> Option<&str> {
        self.region_abbreviations.get(word).map(String::as_str)
    }

    /// Whether a word opens or ends the names of sports clubs ("United", "FC").
    pub fn team_word(&self, word: &str) -> bool {
        self.team_words.contains(word)
    }

    /// Whether a word opens sports clubs' names ("Real", "Olympique", "Dynamo").
    pub fn team_opener(&self, word: &str) -> bool {
        self.team_openers.contains(word)
    }

    /// The type a last word gives a name ("Airlines" -> Company, "Ministry" -> Organization).
    pub fn org_suffix(&self, word: &str) -> Option<EntityType> {
        self.org_suffixes.get(word).copied()
    }

    /// Whether a last word makes a name a company: a company suffix ("Airlines") or a company
    /// word of the rules ("Freight").
    pub fn company_word(&self, word: &str) -> bool {
        self.org_suffix(word) == Some(EntityType::Company) || self.company_words.contains(word)
    }

    /// Whether a word opens company names in other languages ("Laboratorios", "Grupo").
    pub fn company_opener(&self, word: &str) -> bool {
        self.company_openers.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_by_name_alias_code_and_demonym() {
        let lex = Lexicon::embedded();
        let fr = lex.country("France").map(|c| c.name.as_str());
        assert_eq!(fr, Some("France"));
        assert_eq!(
            lex.country("french republic").map(|c| c.name.as_str()),
            Some("France")
        );
        assert_eq!(
            lex.country("UK").map(|c| c.name.as_str()),
            Some("United Kingdom")
        );
        assert_eq!(
            lex.country("Britain").map(|c| c.name.as_str()),
            Some("United Kingdom")
        );
        assert_eq!(
            lex.demonym("German").map(|c| c.name.as_str()),
            Some("Germany")
        );
        // A demonym shared with a territory belongs to the sovereign state.
        assert_eq!(
            lex.demonym("American").map(|c| c.name.as_str()),
            Some("United States")
        );
        assert_eq!(
            lex.demonym("Chinese").map(|c| c.name.as_str()),
            Some("China")
        );
        assert_eq!(
            lex.country("Germany").and_then(|c| c.wikidata.as_deref()),
            Some("Q183")
        );
        // The pronoun is not a country; the code is.
        assert!(lex.country("us").is_none());
        assert!(lex.country("US").is_some());
    }

    #[test]
    fn capitals_cities_names_titles() {
        let lex = Lexicon::embedded();
        assert_eq!(
            lex.capital_of("Berlin").map(|c| c.name.as_str()),
            Some("Germany")
        );
        assert_eq!(lex.city("Munich"), Some("Germany"));
        assert_eq!(lex.region("Ontario"), Some("Canada"));
        assert_eq!(lex.region("Bavaria"), Some("Germany"));
        assert_eq!(lex.region("Munich"), None);
        assert!(lex.event(&["Winter", "Olympics"]));
        assert!(lex.event(&["Fourth", "International", "Congress"]));
        assert!(lex.event(&["2019", "Climate", "Conference"]));
        assert!(!lex.event(&["Italian", "Episcopal", "Conference"]));
        assert!(!lex.event(&["Games"]));
        assert!(lex.event(&["Hurricane", "Rita"]));
        assert!(!lex.event(&["Hurricane"]));
        assert!(lex.given_name("Olaf") > 0);
        assert_eq!(lex.given_name("Xylophone"), 0);
        assert_eq!(lex.given_gender("James"), Some(0));
        assert_eq!(lex.given_gender("Mary"), Some(1));
        // Borne by both: no gender.
        assert_eq!(lex.given_gender("Jordan"), None);
        assert!(lex.title("prime minister"));
        assert!(lex.title_word("Deputy"));
        assert!(lex.honorific("Mrs"));
        assert_eq!(lex.org_suffix("Ministry"), Some(EntityType::Organization));
        assert_eq!(lex.org_suffix("Airlines"), Some(EntityType::Company));
        assert!(lex.company("Airbus"));
        assert!(!lex.company("airbus"));
    }
}
