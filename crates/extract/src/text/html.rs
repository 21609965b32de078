//! Plain text from an HTML page: tags removed, block elements turned into paragraph breaks,
//! `script`, `style`, `nav`, `header`, `footer`, `aside`, `form` and `figure` contents dropped,
//! character references decoded. The title comes from `<title>` or the first `<h1>`.
//!
//! This is a tolerant scanner, not a validating parser: news pages are rarely valid HTML, and
//! all we need is their running text.

/// Text and title of an HTML page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlText {
    pub title: Option<String>,
    pub text: String,
}

/// Elements whose whole content is page furniture rather than article text.
const SKIPPED: [&str; 10] = [
    "script", "style", "nav", "header", "footer", "aside", "form", "figure", "noscript", "svg",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "main",
];

/// Converts an HTML page to text.
pub fn html_to_text(html: &str) -> HtmlText {
    let mut out = HtmlText::default();
    let mut text = String::with_capacity(html.len() / 2);
    let mut skip: Option<String> = None;
    let mut capture: Option<(String, String)> = None; // (tag, buffer) for <title> and <h1>
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(rest, &mut text, &mut capture, skip.is_some());
            break;
        };
        push_text(&rest[..lt], &mut text, &mut capture, skip.is_some());
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(skipped) = &skip {
            if closing && *skipped == name {
                skip = None;
            }
            continue;
        }
        if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            skip = Some(name);
            continue;
        }
        if name == "title" || name == "h1" {
            if closing {
                if let Some((open, buffer)) = capture.take_if(|(open, _)| *open == name) {
                    let value = collapse(&buffer);
                    if !value.is_empty() && (open == "title" || out.title.is_none()) {
                        out.title = Some(value);
                    }
                }
            } else {
                capture = Some((name.clone(), String::new()));
            }
        }
        if name == "title" {
            continue;
        }
        if BLOCKS.contains(&name.as_str()) && !text.ends_with("\n\n") && !text.is_empty() {
            text.push_str("\n\n");
        }
    }
    out.text = text
        .split("\n\n")
        .map(collapse)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    out
}

fn push_text(raw: &str, text: &mut String, capture: &mut Option<(String, String)>, skipping: bool) {
    if skipping || raw.is_empty() {
        return;
    }
    let decoded = decode_entities(raw);
    if let Some((tag, buffer)) = capture {
        buffer.push_str(&decoded);
        if tag == "title" {
            return;
        }
    }
    text.push_str(&decoded);
}

/// Collapses runs of white space to one space and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the character references news pages use: numeric ones and the common named ones.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201D}',
        "ldquo" => '\u{201C}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_text_and_title() {
        let html = "<html><head><title>Rates rise &amp; fall</title><style>p{}</style></head><body>\
            <nav><a href='/'>Home</a></nav><h1>Rates rise</h1><p>The bank raised rates on&nbsp;Tuesday.</p>\
            <script>var x = '<p>';</script><p>It said &#8220;more&#8221; may follow.</p>\
            <footer>Copyright</footer></body></html>";
        let page = html_to_text(html);
        assert_eq!(page.title.as_deref(), Some("Rates rise & fall"));
        assert_eq!(
            page.text,
            "Rates rise\n\nThe bank raised rates on Tuesday.\n\nIt said \u{201C}more\u{201D} may follow."
        );
    }

    #[test]
    fn survives_broken_markup() {
        assert_eq!(html_to_text("<p>unclosed <b").text, "unclosed");
        assert_eq!(
            html_to_text("a &bogus; b & c <!-- never closed").text,
            "a &bogus; b & c"
        );
        assert_eq!(html_to_text("").text, "");
    }
}
