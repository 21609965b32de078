//! Content negotiation: which of the media types a result can be written in the client's
//! `Accept` header prefers.

use kg_graph::ResultFormat;

/// A media type the server can answer with, and the format that writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offer {
    /// The media type, without parameters.
    pub media: &'static str,
    /// What writes it.
    pub format: ResultFormat,
}

impl Offer {
    const fn new(media: &'static str, format: ResultFormat) -> Self {
        Offer { media, format }
    }

    /// The `Content-Type` of the answer: text types say their charset.
    pub fn content_type(&self) -> String {
        if self.media.starts_with("text/") {
            format!("{}; charset=utf-8", self.media)
        } else {
            self.media.to_owned()
        }
    }
}

/// SELECT and ASK results, the default first.
pub const SOLUTIONS: &[Offer] = &[
    Offer::new("application/sparql-results+json", ResultFormat::Json),
    Offer::new("application/sparql-results+xml", ResultFormat::Xml),
    Offer::new("text/csv", ResultFormat::Csv),
    Offer::new("text/tab-separated-values", ResultFormat::Tsv),
    Offer::new("application/json", ResultFormat::Json),
    Offer::new("text/plain", ResultFormat::Table),
];

/// CONSTRUCT and DESCRIBE results, the default first. CSV and TSV give subject, predicate and
/// object columns.
pub const GRAPH: &[Offer] = &[
    Offer::new("text/turtle", ResultFormat::Turtle),
    Offer::new("application/n-triples", ResultFormat::NTriples),
    Offer::new("application/rdf+xml", ResultFormat::RdfXml),
    Offer::new("application/ld+json", ResultFormat::JsonLd),
    Offer::new("application/n-quads", ResultFormat::NQuads),
    Offer::new("application/trig", ResultFormat::TriG),
    Offer::new("text/csv", ResultFormat::Csv),
    Offer::new("text/tab-separated-values", ResultFormat::Tsv),
    Offer::new("text/plain", ResultFormat::Table),
];

/// The offer for a format named by the client (the `format` parameter); `json` and `xml` name
/// JSON-LD and RDF/XML for graph results, as in `kg query --format`.
pub fn by_format(format: ResultFormat, offers: &[Offer]) -> Option<Offer> {
    let graph_equivalent = match format {
        ResultFormat::Json => ResultFormat::JsonLd,
        ResultFormat::Xml => ResultFormat::RdfXml,
        other => other,
    };
    let find = |f: ResultFormat| offers.iter().find(|o| o.format == f).copied();
    find(format).or_else(|| find(graph_equivalent))
}

/// One media range of an `Accept` header with its quality.
#[derive(Debug)]
struct Range<'a> {
    kind: &'a str,
    subtype: &'a str,
    quality: f32,
}

impl Range<'_> {
    /// How closely the range names `media`: 3 exactly, 2 by `type/*`, 1 by `*/*`, 0 not at all.
    fn specificity(&self, media: &str) -> u8 {
        let (kind, subtype) = media.split_once('/').unwrap_or((media, ""));
        match (self.kind, self.subtype) {
            ("*", "*") => 1,
            (k, "*") if k.eq_ignore_ascii_case(kind) => 2,
            (k, s) if k.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(subtype) => 3,
            _ => 0,
        }
    }
}

fn ranges(accept: &str) -> Vec<Range<'_>> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let (kind, subtype) = pieces.next()?.trim().split_once('/')?;
            let mut quality = 1.0;
            for param in pieces {
                if let Some((name, value)) = param.split_once('=')
                    && name.trim().eq_ignore_ascii_case("q")
                {
                    quality = value.trim().parse::<f32>().ok()?.clamp(0.0, 1.0);
                }
            }
            Some(Range {
                kind: kind.trim(),
                subtype: subtype.trim(),
                quality,
            })
        })
        .collect()
}

/// The offer the client prefers: each offer takes the quality of the most specific range that
/// names it; the highest quality wins, and the server's order breaks ties. No header (or an
/// empty one) takes the first offer; `None` when the header rules out every offer.
pub fn choose(accept: Option<&str>, offers: &[Offer]) -> Option<Offer> {
    let accept = accept.map(str::trim).filter(|a| !a.is_empty());
    let Some(accept) = accept else {
        return offers.first().copied();
    };
    let ranges = ranges(accept);
    let mut best: Option<(f32, Offer)> = None;
    for offer in offers {
        let quality = ranges
            .iter()
            .map(|r| (r.specificity(offer.media), r.quality))
            .filter(|(s, _)| *s > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map_or(0.0, |(_, q)| q);
        if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, *offer));
        }
    }
    best.map(|(_, offer)| offer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(accept: Option<&str>, offers: &[Offer]) -> Option<&'static str> {
        choose(accept, offers).map(|o| o.media)
    }

    #[test]
    fn no_header_or_anything_gives_the_default() {
        assert_eq!(
            pick(None, SOLUTIONS),
            Some("application/sparql-results+json")
        );
        assert_eq!(pick(Some(""), GRAPH), Some("text/turtle"));
        assert_eq!(pick(Some("*/*"), GRAPH), Some("text/turtle"));
    }

    #[test]
    fn quality_then_specificity_then_server_order() {
        let accept = "application/sparql-results+xml;q=0.5, text/csv";
        assert_eq!(pick(Some(accept), SOLUTIONS), Some("text/csv"));
        assert_eq!(pick(Some("text/*"), SOLUTIONS), Some("text/csv"));
        // The exact range outranks the wildcard that would give it more.
        assert_eq!(
            pick(Some("text/*;q=0.9, text/csv;q=0.1"), SOLUTIONS),
            Some("text/tab-separated-values")
        );
        assert_eq!(
            pick(Some("text/html, */*;q=0.8"), SOLUTIONS),
            Some("application/sparql-results+json")
        );
        assert_eq!(
            pick(
                Some("application/sparql-results+xml, application/rdf+xml"),
                GRAPH
            ),
            Some("application/rdf+xml")
        );
    }

    #[test]
    fn nothing_fits() {
        assert_eq!(pick(Some("image/png"), SOLUTIONS), None);
        assert_eq!(pick(Some("text/csv;q=0"), SOLUTIONS), None);
        assert_eq!(pick(Some("application/sparql-results+json"), GRAPH), None);
    }
}
