//! Hostile text in every field ends up as inert, escaped text in the HTML
//! page, and none of it is lost. Also checks that the other formats keep
//! data from becoming markup or terminal control sequences.

use clausediff::redline::{self, Document, Format, Provision, RedlineOptions};

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\" onmouseover=\"alert(2)",
    "' onfocus='alert(3)",
    "<a href=\"javascript:alert(4)\">click</a>",
    "</style><script>alert(5)</script>",
    "</title><script>alert(6)</script>",
    "</textarea><script>alert(7)</script>",
    "<iframe srcdoc=\"<script>alert(8)</script>\"></iframe>",
    "<img src=x onerror=alert(9)>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "&lt;already escaped&gt; & ampersand",
    "\x1b[31mred\x1b[0m \u{202e}reversed",
];

fn provision(locator: &str, title: &str, body: &str) -> Provision {
    Provision {
        locator: locator.into(),
        title: title.into(),
        body: body.into(),
        line: 0,
    }
}

/// OLD and NEW with hostile text in names, locators, titles and bodies, and
/// entries of every status (unchanged, changed, moved, added, removed).
fn documents() -> (Document, Document) {
    let body = |k: usize| {
        format!(
            "Article text {k} with {} and more words to make it long enough",
            HOSTILE[k % HOSTILE.len()]
        )
    };
    let mut old = Vec::new();
    for (k, h) in HOSTILE.iter().enumerate() {
        old.push(provision(h, h, &format!("{}\n\n{h}", body(k))));
    }
    let mut new = old.clone();
    new[1].body.push_str(" <b>inserted</b> onload=alert(10)"); // changed
    let moved = new.remove(2);
    new.push(moved); // moved
    new.remove(4); // removed
    new.insert(
        0,
        provision(
            "<svg onload=alert(11)>",
            "<script>",
            "<script>alert(12)</script> javascript:alert(13)",
        ),
    ); // added
    let doc = |name: &str, provisions| Document {
        name: name.into(),
        provisions,
        ..Document::default()
    };
    (
        doc("<script>old</script>.txt", old),
        doc("\"><img src=x onerror=alert(14)>.txt", new),
    )
}

fn render(format: Format) -> String {
    let (old, new) = documents();
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    assert!(
        r.summary.changed >= 1
            && r.summary.moved == 1
            && r.summary.added == 1
            && r.summary.removed == 1
    );
    let mut out = Vec::new();
    redline::render(&r, &old, &new, format, &mut out, true).unwrap();
    String::from_utf8(out).unwrap()
}

/// Every tag in the page: data never produces a raw '<', so each one is
/// ours. Returns (name, attributes) pairs.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("tags close") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') || tag.starts_with('/') {
            continue;
        }
        let mut parts = tag.splitn(2, ' ');
        let name = parts.next().unwrap().to_owned();
        let mut attrs = Vec::new();
        let mut a = parts.next().unwrap_or("");
        while let Some(eq) = a.find('=') {
            let key = a[..eq].trim().to_owned();
            let value_start = eq + 2; // after ="
            let value_end = a[value_start..].find('"').expect("quoted") + value_start;
            attrs.push((key, a[value_start..value_end].to_owned()));
            a = &a[value_end + 1..];
        }
        out.push((name, attrs));
    }
    out
}

fn unescape(text: &str) -> String {
    // Visible escapes of control characters (`\u{1b}`) first.
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let close = rest[at..].find('}').unwrap() + at;
        let code = u32::from_str_radix(&rest[at + 3..close], 16).unwrap();
        out.push(char::from_u32(code).unwrap());
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn html_keeps_hostile_text_inert() {
    let html = render(Format::Html);
    let allowed_tags = [
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "del", "ins", "table",
        "tr", "th", "td", "main", "section", "span", "div", "details", "summary", "a", "strong",
        "code",
    ];
    let allowed_attrs = [
        "lang",
        "charset",
        "http-equiv",
        "content",
        "name",
        "class",
        "id",
        "href",
    ];
    for (name, attrs) in tags(&html) {
        assert!(
            allowed_tags.contains(&name.as_str()),
            "unexpected tag <{name}>"
        );
        for (key, value) in attrs {
            assert!(
                allowed_attrs.contains(&key.as_str()),
                "unexpected attribute {key} on <{name}>"
            );
            assert!(!key.starts_with("on"), "event handler {key}");
            if key == "href" {
                assert!(
                    value.starts_with("#old-") || value.starts_with("#new-"),
                    "link {value}"
                );
            }
            if key == "id" || key == "class" {
                assert!(
                    value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ' '),
                    "{value}"
                );
            }
        }
    }
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "raw script tag");
    assert!(
        !lower.contains("<iframe")
            && !lower.contains("<img")
            && !lower.contains("<svg")
            && !lower.contains("<link")
    );
    assert_eq!(lower.matches("<style>").count(), 1);
    assert_eq!(
        lower.matches("</style>").count(),
        1,
        "data cannot close the style block"
    );
    assert_eq!(
        lower.matches("</title>").count(),
        1,
        "data cannot close the title"
    );
    assert!(!lower.contains("</textarea>"));
    assert!(!lower.contains("href=\"javascript"), "no script links");
    assert!(
        !html.contains('\x1b') && !html.contains('\u{202e}'),
        "control and bidi characters are shown, not obeyed"
    );
    assert!(html.contains("\\u{1b}[31mred") && html.contains("\\u{202e}reversed"));
    // No external requests: the only URL-bearing attributes are anchors,
    // and a CSP forbids everything but inline styles.
    assert!(html.contains("default-src 'none'; style-src 'unsafe-inline'"));

    // The escaped forms are there…
    for escaped in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&quot; onmouseover=&quot;alert(2)",
        "&#39; onfocus=&#39;alert(3)",
        "&lt;a href=&quot;javascript:alert(4)&quot;&gt;",
        "&lt;/style&gt;",
        "&lt;/title&gt;",
        "&lt;/textarea&gt;",
        "&lt;iframe srcdoc=&quot;&lt;script&gt;",
        "&amp;lt;already escaped&amp;gt; &amp; ampersand",
    ] {
        assert!(html.contains(escaped), "missing {escaped}");
    }
    // …and nothing is lost: every hostile string reads back from the text.
    let text = unescape(&html);
    for h in HOSTILE {
        assert!(text.contains(h), "lost {h:?}");
    }
    for extra in [
        "<svg onload=alert(11)>",
        "<script>alert(12)</script> javascript:alert(13)",
        " <b>inserted</b> onload=alert(10)",
    ] {
        assert!(text.contains(extra), "lost {extra:?}");
    }
}

#[test]
fn html_links_moved_provisions_both_ways() {
    let html = render(Format::Html);
    let (old, new) = documents();
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    let moved = r.entries.iter().find(|e| e.status.is_moved()).unwrap();
    let (i, j) = (moved.old.unwrap(), moved.new.unwrap());
    assert!(html.contains(&format!("id=\"old-{}\"", i + 1)));
    assert!(
        html.contains(&format!("href=\"#old-{}\"", i + 1)),
        "moved provision links to its old place"
    );
    assert!(html.contains(&format!("id=\"new-{}\"", j + 1)));
    assert!(
        html.contains(&format!("href=\"#new-{}\"", j + 1)),
        "old place links to the moved provision"
    );
}

#[test]
fn markdown_and_terminal_neutralise_markup_and_escapes() {
    let md = render(Format::Markdown);
    assert!(!md.to_ascii_lowercase().contains("<script"));
    assert!(!md.contains("<img") && !md.contains("<svg"));
    assert!(md.contains("&lt;script&gt;"));
    assert!(!md.contains('\x1b'));
    for line in md.lines() {
        assert!(!line.starts_with("<script"), "{line}");
    }

    let term = render(Format::Terminal);
    // Colour codes come only from the renderer, never from data: the
    // data's ESC and bidi override are shown as visible escapes.
    assert!(term.contains("\\u{1b}[31mred"));
    assert!(term.contains("\\u{202e}reversed"));
    assert!(!term.contains('\u{202e}'));
    assert!(!term.contains("\x1b[31mred"));

    let json = render(Format::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["old"]["name"], "<script>old</script>.txt",
        "JSON keeps data as data"
    );
}
