//! Compiles the gazetteers that kg-extract embeds from the open lexicons in `../shared/data`.
//!
//! Run by `kg-train lexicons [--data DIR] [--out DIR]` (defaults: `../shared/data`, whose
//! `lexicons/` folder is read, and `crates/extract/data/lexicons`). The output is
//! deterministic: running it twice gives the same files.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::Error;

/// Compiles every gazetteer from the lexicons in `data` (`countries.tsv`,
/// `world_cities_geonames.csv`, `given_names_us_ssa.tsv`) into `out`.
pub fn compile(data: &Path, out: &Path) -> Result<(), Error> {
    countries(data, out)?;
    cities(data, out)?;
    regions(data, out)?;
    given_names(data, out)?;
    Ok(())
}

fn write(path: &Path, text: String) -> Result<(), Error> {
    fs::write(path, text).map_err(crate::io(path))
}

/// Latin-script names only: the extractor reads English text.
fn latin(s: &str) -> bool {
    s.chars().all(|c| (c as u32) < 0x250 || c == '\u{2019}')
}

fn countries(data: &Path, out: &Path) -> Result<(), Error> {
    let text = crate::read_text(&data.join("countries.tsv"))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .ok_or_else(|| Error::Invalid("empty countries.tsv".into()))?
        .split('\t')
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| Error::Invalid(format!("countries.tsv: no column {name}")))
    };
    let (cca2, common, official, alt) = (
        col("cca2")?,
        col("name_common")?,
        col("name_official")?,
        col("alt_spellings")?,
    );
    let (dm, df, caps, wd) = (
        col("demonym_eng_m")?,
        col("demonym_eng_f")?,
        col("capitals")?,
        col("wikidata")?,
    );
    let independent = col("independent")?;
    let mut rows = String::from(
        "# Compiled by `kg-train lexicons` from mledoze/countries (ODbL 1.0) and\n\
         # Wikidata ids from owid/owid-grapher (CC BY 4.0). See NOTICE.\n\
         # name\tofficial\taliases\tdemonyms\tcapitals\twikidata\tindependent\n",
    );
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < header.len() {
            continue;
        }
        let name = f[common];
        let mut aliases: Vec<&str> = f[alt]
            .split('|')
            .filter(|a| {
                !a.is_empty() && latin(a) && *a != name && *a != f[cca2] && !a.contains(',')
            })
            .collect();
        if f[official] != name && latin(f[official]) && !aliases.contains(&f[official]) {
            aliases.push(f[official]);
        }
        let mut demonyms: Vec<&str> = vec![f[dm]];
        if f[df] != f[dm] {
            demonyms.push(f[df]);
        }
        demonyms.retain(|d| !d.is_empty());
        rows.push_str(&format!(
            "{name}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            f[official],
            aliases.join("|"),
            demonyms.join("|"),
            f[caps].replace(", ", "|"),
            f[wd],
            if f[independent] == "True" {
                "yes"
            } else {
                "no"
            }
        ));
    }
    write(&out.join("countries.tsv"), rows)?;
    Ok(())
}

fn cities(data: &Path, out: &Path) -> Result<(), Error> {
    let text = crate::read_text(&data.join("world_cities_geonames.csv"))?;
    let mut seen = BTreeMap::new();
    for line in text.lines().skip(1) {
        let fields = split_csv(line);
        if fields.len() < 2
            || !latin(&fields[0])
            || fields[0].len() < 3
            || fields[0].contains(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        // A city name is only kept when it starts with a capital, as names in news do.
        if !fields[0].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        seen.entry(fields[0].clone())
            .or_insert_with(|| fields[1].clone());
    }
    let mut rows = String::from(
        "# Compiled by `kg-train lexicons` from datasets/world-cities (GeoNames, CC BY 4.0).\n\
         # name\tcountry (first listed when several share the name)\n",
    );
    for (name, country) in seen {
        rows.push_str(&format!("{name}\t{country}\n"));
    }
    write(&out.join("cities.tsv"), rows)?;
    Ok(())
}

/// States, provinces and regions (GeoNames' first-level divisions), each with the country that
/// has most cities in a division of that name.
fn regions(data: &Path, out: &Path) -> Result<(), Error> {
    let text = crate::read_text(&data.join("world_cities_geonames.csv"))?;
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let fields = split_csv(line);
        let (Some(country), Some(region)) = (fields.get(1), fields.get(2)) else {
            continue;
        };
        let clean = latin(region)
            && region.len() >= 3
            && region.starts_with(|c: char| c.is_uppercase())
            && !region.contains(|c: char| c.is_ascii_digit());
        if clean {
            *counts
                .entry(region.clone())
                .or_default()
                .entry(country.clone())
                .or_default() += 1;
        }
    }
    let mut rows = String::from(
        "# Compiled by `kg-train lexicons` from datasets/world-cities (GeoNames, CC BY 4.0).\n\
         # region (first-level division)\tcountry (the one with most cities when several share the name)\n",
    );
    for (region, by_country) in counts {
        // Most cities first; ties by name, so the output does not depend on map order.
        let best = by_country
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.clone())
            .unwrap_or_default();
        rows.push_str(&format!("{region}\t{best}\n"));
    }
    write(&out.join("regions.tsv"), rows)?;
    Ok(())
}

fn given_names(data: &Path, out: &Path) -> Result<(), Error> {
    let text = crate::read_text(&data.join("given_names_us_ssa.tsv"))?;
    let mut rows = String::from(
        "# Compiled by `kg-train lexicons` from US Social Security given names\n\
         # (public domain): names given to at least 500 babies 1940-2023.\n\
         # name\tcount\n",
    );
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let Some(count) = f.get(1).and_then(|c| c.parse::<u64>().ok()) else {
            continue;
        };
        if count >= 500 {
            rows.push_str(&format!("{}\t{count}\n", f[0]));
        }
    }
    write(&out.join("given_names.tsv"), rows)?;
    given_genders(&text, out)
}

/// Share of one sex a given name needs to say the gender of whoever bears it.
const GENDER_SHARE: f64 = 0.95;

/// The given names borne by one sex at least [`GENDER_SHARE`] of the time (1940-2023, at least
/// 500 babies): what "he" or "she" may stand for (`given_genders.tsv`, read by the pronoun
/// resolver; kept apart from `given_names.tsv`, which the NER models' manifests pin).
fn given_genders(text: &str, out: &Path) -> Result<(), Error> {
    let mut rows = String::from(
        "# Compiled by `kg-train lexicons` from US Social Security given names\n\
         # (public domain): names given to at least 500 babies 1940-2023, at least 95% of them\n\
         # of one sex. name\tf|m\n",
    );
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(total), Some(female)) = (
            f.get(1).and_then(|c| c.parse::<f64>().ok()),
            f.get(2).and_then(|c| c.parse::<f64>().ok()),
        ) else {
            continue;
        };
        if total < 500.0 {
            continue;
        }
        let share = female / total;
        if share >= GENDER_SHARE {
            rows.push_str(&format!("{}\tf\n", f[0]));
        } else if share <= 1.0 - GENDER_SHARE {
            rows.push_str(&format!("{}\tm\n", f[0]));
        }
    }
    write(&out.join("given_genders.tsv"), rows)
}

/// Splits one CSV line with optional double-quoted fields.
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = fields.last_mut() {
                    f.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}
