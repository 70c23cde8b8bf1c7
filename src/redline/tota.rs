//! Reads ToTA treaty XML (Texts of Trade Agreements):
//! `treaty/body/chapter[@number,@name]/article[@number,@name]`, with the
//! article text as content. `treaty/meta` is skipped.
//!
//! Each chapter becomes a provision (its heading, plus any text it holds
//! outside articles), followed by its articles, so chapter renames and
//! moves show up like article ones. A chapter with neither number nor
//! articles' numbers (the ToTA "Preamble" chapter) yields only its articles,
//! located by the chapter name.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use crate::redline::error::{RedlineError, line_column};
use crate::redline::model::{Document, InputFormat, Provision};
use crate::redline::segment::trim_blank_lines;

struct Chapter {
    number: Option<String>,
    name: Option<String>,
    line: usize,
    /// Text directly inside the chapter, outside its articles.
    text: String,
    articles: Vec<Article>,
}

struct Article {
    number: Option<String>,
    name: Option<String>,
    line: usize,
    text: String,
}

/// Where the reader is in the tree.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Outside,
    Treaty,
    Body,
    Chapter,
    Article,
}

pub(crate) fn parse(path: &Path, name: &str, text: &str) -> Result<Document, RedlineError> {
    let mut reader = Reader::from_str(text);
    // Ill-formed nesting is an error worth reporting, not something to guess around.
    reader.config_mut().check_end_names = true;

    let xml_error = |offset: u64, message: String| {
        let (line, column) = line_column(text.as_bytes(), offset as usize);
        RedlineError::Xml {
            path: path.to_owned(),
            offset,
            line,
            column,
            message,
        }
    };
    // Line numbers of element starts, counted incrementally: elements come
    // in file order, so each count resumes where the last one stopped.
    let mut counted = (0usize, 1usize); // (offset, line at offset)
    let mut line_at = |offset: u64| {
        let offset = (offset as usize).min(text.len());
        if offset >= counted.0 {
            counted.1 += memchr::memchr_iter(b'\n', &text.as_bytes()[counted.0..offset]).count();
            counted.0 = offset;
        }
        counted.1
    };

    let mut chapters: Vec<Chapter> = Vec::new();
    let mut place = Place::Outside;
    // Depth of elements nested in an article/chapter/body that we do not model
    // (their text still counts), and in treaty children we skip (meta).
    let mut skip_depth = 0usize;
    let mut seen_treaty = false;
    let mut seen_body = false;

    loop {
        let event_start = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| xml_error(reader.error_position(), e.to_string()))?;
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                let empty = matches!(event, Event::Empty(_));
                if skip_depth > 0 {
                    skip_depth += usize::from(!empty);
                    continue;
                }
                let tag = start.local_name();
                let tag = tag.as_ref();
                let entered = match (place, tag) {
                    (Place::Outside, "treaty") => {
                        seen_treaty = true;
                        Place::Treaty
                    }
                    (Place::Outside, other) => {
                        return Err(RedlineError::NotTota {
                            path: path.to_owned(),
                            message: format!("the root element is <{other}>, expected <treaty>"),
                        });
                    }
                    (Place::Treaty, "body") => {
                        seen_body = true;
                        Place::Body
                    }
                    (Place::Body, "chapter") => {
                        let (number, name) =
                            number_and_name(start).map_err(|m| xml_error(event_start, m))?;
                        chapters.push(Chapter {
                            number,
                            name,
                            line: line_at(event_start),
                            text: String::new(),
                            articles: Vec::new(),
                        });
                        Place::Chapter
                    }
                    (Place::Chapter, "article") => {
                        let (number, name) =
                            number_and_name(start).map_err(|m| xml_error(event_start, m))?;
                        if let Some(chapter) = chapters.last_mut() {
                            chapter.articles.push(Article {
                                number,
                                name,
                                line: line_at(event_start),
                                text: String::new(),
                            });
                        }
                        Place::Article
                    }
                    // meta and anything else under treaty is skipped whole.
                    (Place::Treaty, _) => {
                        skip_depth = usize::from(!empty);
                        place
                    }
                    // Unknown elements inside body, chapters and articles are
                    // formatting wrappers: their text belongs to the place.
                    _ => place,
                };
                if !empty {
                    place = entered;
                }
            }
            Event::End(end) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let tag = end.local_name();
                place = match (place, tag.as_ref()) {
                    (Place::Article, "article") => Place::Chapter,
                    (Place::Chapter, "chapter") => Place::Body,
                    (Place::Body, "body") => Place::Treaty,
                    (Place::Treaty, "treaty") => Place::Outside,
                    (same, _) => same,
                };
            }
            Event::Text(t) if skip_depth == 0 => {
                push_text(&mut chapters, place, &t.xml10_content())
            }
            Event::CData(t) if skip_depth == 0 => {
                push_text(&mut chapters, place, &t.xml10_content())
            }
            Event::GeneralRef(r) if skip_depth == 0 => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&r.xml10_content()) {
                        Some(s) => s.to_owned(),
                        None => {
                            return Err(xml_error(
                                event_start,
                                format!("unknown entity &{};", r.xml10_content()),
                            ));
                        }
                    },
                    Err(e) => return Err(xml_error(event_start, e.to_string())),
                };
                push_text(&mut chapters, place, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if place != Place::Outside {
        return Err(xml_error(
            text.len() as u64,
            "unexpected end of file".into(),
        ));
    }
    if !seen_treaty || !seen_body {
        return Err(RedlineError::NotTota {
            path: path.to_owned(),
            message: "expected <treaty> with a <body> of <chapter>/<article> elements".into(),
        });
    }
    Ok(Document {
        name: name.to_owned(),
        format: InputFormat::Tota,
        provisions: provisions(chapters),
    })
}

fn number_and_name(start: &BytesStart<'_>) -> Result<(Option<String>, Option<String>), String> {
    let mut number = None;
    let mut name = None;
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let slot = match attr.key.local_name().as_ref() {
            "number" => &mut number,
            "name" => &mut name,
            _ => continue,
        };
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?;
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !value.is_empty() {
            *slot = Some(value);
        }
    }
    Ok((number, name))
}

fn push_text(chapters: &mut [Chapter], place: Place, text: &str) {
    let Some(chapter) = chapters.last_mut() else {
        return;
    };
    match place {
        Place::Article => {
            if let Some(article) = chapter.articles.last_mut() {
                article.text.push_str(text);
            }
        }
        Place::Chapter => chapter.text.push_str(text),
        _ => {}
    }
}

fn provisions(chapters: Vec<Chapter>) -> Vec<Provision> {
    let mut out = Vec::new();
    for (ci, chapter) in chapters.into_iter().enumerate() {
        let chapter_locator = chapter
            .number
            .clone()
            .or_else(|| chapter.name.clone())
            .unwrap_or_else(|| format!("Chapter {}", ci + 1));
        let unnumbered =
            chapter.number.is_none() && chapter.articles.iter().all(|a| a.number.is_none());
        let chapter_text = trim_blank_lines(&chapter.text);
        if !unnumbered || chapter.articles.is_empty() || !chapter_text.is_empty() {
            out.push(Provision {
                locator: chapter_locator.clone(),
                title: if chapter.number.is_some() {
                    chapter.name.clone().unwrap_or_default()
                } else {
                    String::new()
                },
                body: chapter_text.to_owned(),
                line: chapter.line,
            });
        }
        let count = chapter.articles.len();
        for (ai, article) in chapter.articles.into_iter().enumerate() {
            let locator = match article.number {
                Some(number) => number,
                None if unnumbered && count == 1 => chapter_locator.clone(),
                None => format!("{chapter_locator}, article {}", ai + 1),
            };
            out.push(Provision {
                locator,
                title: article.name.unwrap_or_default(),
                body: trim_blank_lines(&article.text).to_owned(),
                line: article.line,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(xml: &str) -> Result<Document, RedlineError> {
        parse(Path::new("t.xml"), "t.xml", xml)
    }

    #[test]
    fn reads_chapters_and_articles() {
        let xml = r#"<?xml version="1.0"?>
<treaty><meta><name>X &amp; Y</name></meta><body>
  <chapter name="Preamble"><article>The Parties &amp; friends&#x21;</article></chapter>
  <chapter number="CHAPTER ONE" name="Initial  Provisions">
    <article number="ARTICLE 1.1" name="Scope">Text <b>bold</b> here.</article>
    <article number="ARTICLE 1.2" name="Definitions"><![CDATA[a < b]]></article>
  </chapter>
</body></treaty>"#;
        let doc = parse_str(xml).unwrap();
        let got: Vec<_> = doc
            .provisions
            .iter()
            .map(|p| (p.locator.as_str(), p.title.as_str(), p.body.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Preamble", "", "The Parties & friends!"),
                ("CHAPTER ONE", "Initial Provisions", ""),
                ("ARTICLE 1.1", "Scope", "Text bold here."),
                ("ARTICLE 1.2", "Definitions", "a < b"),
            ]
        );
        assert_eq!(doc.provisions[2].line, 5);
    }

    #[test]
    fn malformed_xml_is_located() {
        let xml = "<treaty><body>\n<chapter number=\"1\">\n<article>x</chapter></body></treaty>";
        match parse_str(xml) {
            Err(RedlineError::Xml { line, message, .. }) => {
                assert_eq!(line, 3, "{message}");
            }
            other => panic!("expected an XML error, got {other:?}"),
        }
        assert!(matches!(
            parse_str("<treaty><body>"),
            Err(RedlineError::Xml { .. })
        ));
    }

    #[test]
    fn other_xml_is_refused() {
        assert!(matches!(
            parse_str("<html><body/></html>"),
            Err(RedlineError::NotTota { .. })
        ));
        assert!(matches!(
            parse_str("<treaty><meta/></treaty>"),
            Err(RedlineError::NotTota { .. })
        ));
    }
}
