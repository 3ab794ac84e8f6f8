//! Where the texts come from: local files (`.txt`, `.md`, `.html`, `-` for stdin),
//! URLs (`fetch`, `cache`, `extract`), snapshots (`snapshot`) and pair folders.
//! Everything that touches the network goes through here, and only when asked.
//!
//! The English side is loaded by [`load_english`] (a path or URL) or
//! [`load_pair_english`] (a pair folder):
//! - a URL is fetched through the cache (a cached copy is revalidated with a
//!   conditional request; `--offline` uses the cache only), decoded, and its article
//!   extracted;
//! - a snapshot (`en.html` + `en.meta.json`) is checked against its recorded sha256
//!   and used as the English text, since that is what the translation was made from;
//!   with `--refetch` the live page is fetched too and the difference becomes a
//!   [`Drift`] for the `source-changed` check;
//! - any other file is read as text, Markdown or HTML (HTML through the same
//!   article extraction as fetched pages).

pub mod cache;
pub mod drift;
pub mod fetch;
pub mod netpolicy;
pub mod pair;
pub mod snapshot;

use std::path::{Path, PathBuf};

use drift::Drift;
use fetch::{FetchLimits, FetchOutcome, Validators};
use pair::PairDir;

use serde::{Deserialize, Serialize};

use crate::document::wire::{self, WireFormat};
use crate::document::{Document, Format};
use crate::error::{Error, Result};

/// Provenance of a fetched or snapshotted source (contract `en.provenance`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Provenance {
    pub url: String,
    pub final_url: String,
    pub status: u16,
    pub fetched_at: String,
    /// sha256 of the raw bytes.
    pub sha256: String,
    pub content_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// sha256 of the extracted article text (paragraphs joined by blank lines).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text_sha256: String,
    /// `live`, `cache`, `cache-revalidated`, `snapshot`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin: String,
    /// How the article was found in the page: `json-ld`, `article-body`, `article`,
    /// `main`, `body` or `text`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub extraction: String,
    /// The page marks itself as paywalled: the text may be a teaser only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paywalled: bool,
    /// Why the fetched copy could not be stored in the cache (the check went on
    /// without it; a later `--offline` run will not find it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_error: Option<String>,
}

/// A loaded text with its provenance when it came from the web.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    pub provenance: Option<Provenance>,
}

use crate::util::sha256_hex;

/// Decode raw bytes as UTF-8 text (BOM allowed), refusing empty and binary input.
pub fn decode_text(bytes: &[u8], what: &str) -> Result<String> {
    // UTF-16 with its BOM (what Windows' Notepad saves as "Unicode"): decoded
    if let Some((enc, n)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[n..]);
            if had_errors {
                return Err(Error::Input {
                    what: what.to_string(),
                    message: format!("not valid {} text (it starts with its BOM)", enc.name()),
                });
            }
            return decode_text(text.as_bytes(), what);
        }
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty(what.to_string()));
    }
    if bytes.contains(&0) {
        return Err(Error::Binary(what.to_string()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Error::NotUtf8(what.to_string()))?;
    // zero-width spaces and joiners, soft hyphens, BOMs only: no text either
    if text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
    }) {
        return Err(Error::Empty(what.to_string()));
    }
    // control characters other than tab/newline/CR/formfeed in bulk: binary
    let ctrl = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if ctrl * 20 > text.chars().count().max(1) {
        return Err(Error::Binary(what.to_string()));
    }
    Ok(text.to_string())
}

/// Largest input accepted (16 MiB, a hundred times a long report): above it the
/// check would take minutes and gigabytes, so it is refused as "could not check".
pub const MAX_INPUT_BYTES: u64 = crate::util::MAX_READ_BYTES;

/// Most text checked on one side (2 MiB of paragraphs once extracted, about
/// 7,000 news paragraphs). Checking costs time in proportion to the text: past
/// this a check would take more than a few seconds, so the side is refused with a
/// message naming the limit instead of being checked slowly (the raw input may be
/// larger: markup and wire metadata are not text).
pub const MAX_TEXT_BYTES: usize = 2 << 20;

/// Refuse a document whose text is past [`MAX_TEXT_BYTES`].
fn within_text_limit(doc: Document, what: &str) -> Result<Document> {
    let len: usize = doc.paragraphs.iter().map(String::len).sum();
    if len > MAX_TEXT_BYTES {
        return Err(Error::Input {
            what: what.to_string(),
            message: format!(
                "text too long to check ({:.2} MiB of paragraphs, over the limit of {} MiB a side)",
                len as f64 / f64::from(1u32 << 20),
                MAX_TEXT_BYTES >> 20
            ),
        });
    }
    Ok(doc)
}

fn too_large(what: &str) -> Error {
    Error::Input {
        what: what.to_string(),
        message: format!("input too large (over {} MiB)", MAX_INPUT_BYTES >> 20),
    }
}

/// Load a local file (or stdin for `-`) as a document.
pub fn load_path(path: &Path) -> Result<Loaded> {
    let name = path.display().to_string();
    let display = if name == "-" {
        "<stdin>".to_string()
    } else {
        name.clone()
    };
    // capped whatever the file is (a pipe or a device has no length to check first)
    let bytes = crate::util::read_capped(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::FileTooLarge => too_large(&display),
        std::io::ErrorKind::Other => Error::Input {
            what: display.clone(),
            message: e.to_string(),
        },
        _ => Error::Io {
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    let hint = (name != "-").then(|| Format::from_name(&name));
    let text = if hint == Some(Format::Html) {
        decode_web(&bytes, "", &display)?
    } else {
        decode_text(&bytes, &display)?
    };
    load_decoded(&display, sha256_hex(&bytes), &text, hint)
}

/// The one loader for a side given as a string (a request to `wirecheck serve`) or
/// read from a file: text, Markdown, HTML, a ninjs item or a NewsML-G2 item. A wire
/// item is recognised by its content (a JSON object; XML whose root is `newsItem` or
/// `newsMessage`) whatever `hint` says; otherwise `hint` (from a file's extension, or
/// the kind of side a request gave) decides, and without one the content does.
/// `name` is the side's `source` in the report and the start of every error message.
///
/// Returns what [`load_path`] returns for a file with this content. Errors
/// ([`Error::Empty`], [`Error::Binary`], [`Error::Input`] for an item that cannot be
/// read, with the reason: `fr.json: ninjs item has no body_html or body_text (nor
/// bodies)`) mean the side cannot be checked.
pub fn load_side_from_str(name: &str, content: &str, hint: Option<Format>) -> Result<Loaded> {
    if content.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(name));
    }
    let text = decode_text(content.as_bytes(), name)?;
    load_decoded(name, sha256_hex(content.as_bytes()), &text, hint)
}

/// The format of decoded `text`: a wire item by content, else the hint, else sniffed.
pub fn detect_format(text: &str, hint: Option<Format>) -> Format {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    match (wire::sniff(text), hint) {
        (Some(WireFormat::NewsMl), _) => Format::NewsMl,
        // a `.json` (or a request's ninjs side) that is JSON but no ninjs item, or not
        // valid JSON: read as ninjs, so that the reason is said (exit 2)
        (None, Some(Format::Ninjs)) if t.starts_with(['{', '[']) => Format::Ninjs,
        // a `{` opens a ninjs item unless the side was said to be HTML or Markdown
        (Some(WireFormat::Ninjs), None | Some(Format::Text | Format::Ninjs | Format::NewsMl)) => {
            Format::Ninjs
        }
        // `.xml` or `.json` holding neither: HTML or text, by the content
        (_, None | Some(Format::NewsMl | Format::Ninjs)) => {
            let t = text.trim_start();
            if hint == Some(Format::NewsMl) && t.starts_with('<') && sniff_format(t) == Format::Text
            {
                Format::NewsMl // XML, but not NewsML-G2: reading it says so
            } else {
                sniff_format(text)
            }
        }
        (_, Some(h)) => h,
    }
}

fn load_decoded(display: &str, sha256: String, text: &str, hint: Option<Format>) -> Result<Loaded> {
    let format = detect_format(text, hint);
    let doc = match format {
        Format::Ninjs | Format::NewsMl => wire_document(display, sha256, text, format)?,
        f => Document::from_text(display, sha256, text, f),
    };
    if doc.paragraphs.is_empty() {
        return Err(Error::Empty(display.to_string()));
    }
    Ok(Loaded {
        document: within_text_limit(doc, display)?,
        provenance: None,
    })
}

/// A text given in memory rather than read from a file (a request to `wirecheck
/// serve`), in a known format: refused, like a file, when it is empty, binary or has
/// no paragraph. `name` is its `source` in the report.
pub fn load_text(name: &str, text: &str, format: Format) -> Result<Loaded> {
    let decoded = decode_text(text.as_bytes(), name)?;
    let doc = Document::from_text(name, sha256_hex(text.as_bytes()), &decoded, format);
    if doc.paragraphs.is_empty() {
        return Err(Error::Empty(name.to_string()));
    }
    Ok(Loaded {
        document: within_text_limit(doc, name)?,
        provenance: None,
    })
}

/// Read a wire item into a document; a bad item is exit 2 naming what is wrong.
fn wire_document(display: &str, sha256: String, text: &str, format: Format) -> Result<Document> {
    let wf = if format == Format::Ninjs {
        WireFormat::Ninjs
    } else {
        WireFormat::NewsMl
    };
    let (paragraphs, info) = wire::parse(text, wf)
        .and_then(wire::WireItem::into_paragraphs)
        .map_err(|message| Error::Input {
            what: display.to_string(),
            message,
        })?;
    Ok(Document {
        source: display.to_string(),
        sha256,
        paragraphs,
        wire: Some(info),
        limits: Default::default(),
    })
}

/// HTML if it looks like markup, text otherwise.
pub fn sniff_format(text: &str) -> Format {
    let head = text
        .trim_start()
        .get(..200)
        .unwrap_or(text.trim_start())
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || head.starts_with("<p>")
    {
        Format::Html
    } else {
        Format::Text
    }
}

pub fn is_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// Decode a web page's bytes: the charset from a BOM, else the Content-Type, else a
/// `<meta charset>` / `http-equiv` declaration, else UTF-8 when valid, else
/// Windows-1252 (the superset browsers use for ISO-8859-1).
pub fn decode_web(bytes: &[u8], content_type: &str, what: &str) -> Result<String> {
    let (encoding, skip) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, n)) => (enc, n),
        None => {
            let declared = charset_param(content_type)
                .or_else(|| meta_charset(bytes))
                .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()));
            let enc = match declared {
                // a page declaring UTF-16 without a BOM is really ASCII-compatible
                Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
                    encoding_rs::UTF_8
                }
                Some(e) => e,
                None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
                None => encoding_rs::WINDOWS_1252,
            };
            (enc, 0)
        }
    };
    let body = bytes.get(skip..).unwrap_or_default();
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    if text.trim().is_empty() {
        return Err(Error::Empty(what.to_string()));
    }
    let ctrl = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if text.contains('\0') || ctrl * 20 > text.chars().count().max(1) {
        return Err(Error::Binary(what.to_string()));
    }
    Ok(text.into_owned())
}

/// `charset=` of a Content-Type header.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The charset declared in the first 4 KB of an HTML page.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let lower: String = head
        .iter()
        .map(|b| (*b as char).to_ascii_lowercase())
        .collect();
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|s| s.find("<meta")) {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = tag.find("charset") {
            let rest = tag[c + "charset".len()..].trim_start();
            if let Some(rest) = rest.strip_prefix('=') {
                let label: String = rest
                    .trim_start()
                    .trim_start_matches(['"', '\''])
                    .chars()
                    .take_while(|ch| {
                        ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | ':' | '.')
                    })
                    .collect();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        from = end;
    }
    None
}

/// How to reach web sources: cache folder, offline, refetch, limits.
#[derive(Debug, Clone, Default)]
pub struct SourceOptions {
    /// `--cache-dir`; `None` = the user's cache directory.
    pub cache_dir: Option<PathBuf>,
    /// Use only the cache; a miss is an error.
    pub offline: bool,
    /// For a snapshot: fetch the live page too and compute the drift.
    pub refetch: bool,
    pub limits: FetchLimits,
}

impl SourceOptions {
    /// The options of one run: the command line's cache settings, the policy's
    /// fetch limits. The one place they are put together (`check`, `fetch`, `batch`).
    pub fn new(
        cache_dir: Option<PathBuf>,
        offline: bool,
        refetch: bool,
        fetch: &fetch::FetchPolicy,
    ) -> SourceOptions {
        SourceOptions {
            cache_dir,
            offline,
            refetch,
            limits: FetchLimits::from_policy(fetch),
        }
    }
}

/// The English side as loaded, with the drift from its snapshot when re-fetched.
#[derive(Debug, Clone)]
pub struct English {
    pub loaded: Loaded,
    pub drift: Option<Drift>,
}

/// Raw bytes of `url` through the cache: revalidated when cached (304 reuses the
/// copy), fetched and stored when not; only the cache when `offline`.
pub fn get_url(url: &str, opts: &SourceOptions) -> Result<(Vec<u8>, Provenance)> {
    let url = fetch::parse_url(url)?.to_string();
    let cache = cache::Cache::open(opts.cache_dir.as_deref());
    let cached = cache.get(&url);
    if opts.offline {
        return match cached {
            Some(e) => {
                let mut p = e.provenance;
                p.origin = "cache".into();
                Ok((e.bytes, p))
            }
            None => Err(Error::Fetch {
                url,
                message: format!(
                    "not in the cache at {} (--offline; fetch it once without --offline)",
                    cache.dir().display()
                ),
            }),
        };
    }
    let validators = cached
        .as_ref()
        .map(|e| Validators {
            etag: e.provenance.etag.clone(),
            last_modified: e.provenance.last_modified.clone(),
        })
        .filter(|v| v.etag.is_some() || v.last_modified.is_some());
    match fetch::fetch(&url, &opts.limits, validators.as_ref())? {
        FetchOutcome::Fetched(f) => {
            // A cache that cannot be written must not stop the check; the
            // provenance says so, and the reports show it.
            let mut f = *f;
            if let Err(e) = cache.put(&url, &f.bytes, &f.provenance) {
                f.provenance.cache_error = Some(e.to_string());
            }
            Ok((f.bytes, f.provenance))
        }
        FetchOutcome::NotModified => match cached {
            Some(e) => {
                let mut p = e.provenance;
                p.origin = "cache-revalidated".into();
                Ok((e.bytes, p))
            }
            None => Err(Error::Fetch {
                url,
                message: "HTTP 304 Not Modified without a cached copy".into(),
            }),
        },
    }
}

/// Decode and extract a web page (or plain text) into a document; fills the
/// provenance's `text_sha256`, `extraction` and `paywalled`.
pub fn document_from_web(
    bytes: &[u8],
    provenance: &mut Provenance,
    source: &str,
) -> Result<Document> {
    let what = if provenance.url.is_empty() {
        source
    } else {
        provenance.url.as_str()
    };
    let text = decode_web(bytes, &provenance.content_type, what).map_err(|e| match e {
        Error::Empty(_) => Error::Fetch {
            url: what.to_string(),
            message: "the page is empty".into(),
        },
        Error::Binary(_) => Error::Fetch {
            url: what.to_string(),
            message: "the page is binary, not text".into(),
        },
        e => e,
    })?;
    let mime = provenance
        .content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    // a wire item served as JSON or XML (or as text): read as the item it is
    if mime != "text/html" && mime != "application/xhtml+xml" {
        if let Some(wf) = wire::sniff(&text) {
            let format = match wf {
                WireFormat::Ninjs => Format::Ninjs,
                WireFormat::NewsMl => Format::NewsMl,
            };
            let doc = wire_document(source, sha256_hex(bytes), &text, format).map_err(|e| {
                Error::Fetch {
                    url: what.to_string(),
                    message: match e {
                        Error::Input { message, .. } => message,
                        e => e.to_string(),
                    },
                }
            })?;
            provenance.extraction = wf.as_str().into();
            provenance.text_sha256 = sha256_hex(doc.paragraphs.join("\n\n").as_bytes());
            return Ok(doc);
        }
    }
    let plain = mime == "text/plain"
        || mime == "text/markdown"
        || (mime.is_empty() && sniff_format(&text) == Format::Text);
    let mut limits = Default::default();
    let paragraphs = if plain {
        provenance.extraction = "text".into();
        let format = if mime == "text/markdown" {
            Format::Markdown
        } else {
            Format::Text
        };
        Document::from_text(source, String::new(), &text, format).paragraphs
    } else {
        let a = crate::document::extract::extract_article(&text);
        provenance.extraction = a.method.into();
        provenance.paywalled = a.paywalled;
        limits = a.limits;
        a.paragraphs
    };
    if paragraphs.is_empty() {
        return Err(Error::Fetch {
            url: what.to_string(),
            message: "no article text found in the page".into(),
        });
    }
    provenance.text_sha256 = sha256_hex(paragraphs.join("\n\n").as_bytes());
    within_text_limit(
        Document {
            source: source.to_string(),
            sha256: sha256_hex(bytes),
            paragraphs,
            wire: None,
            limits,
        },
        what,
    )
}

/// Fetch (or take from the cache) a URL and extract its article.
pub fn load_url(url: &str, opts: &SourceOptions) -> Result<Loaded> {
    let (bytes, mut provenance) = get_url(url, opts)?;
    let document = document_from_web(&bytes, &mut provenance, url)?;
    Ok(Loaded {
        document,
        provenance: Some(provenance),
    })
}

/// Load a snapshot (`en.html` + `en.meta.json`); with `refetch`, also the live page
/// and the drift between them.
pub fn load_snapshot(html: &Path, meta: &Path, opts: &SourceOptions) -> Result<English> {
    let (bytes, mut provenance) = snapshot::read(html, meta)?;
    provenance.origin = "snapshot".into();
    let document = document_from_web(&bytes, &mut provenance, &html.display().to_string())?;
    let drift = if opts.refetch {
        let live = load_url(&provenance.url, opts)?;
        let live_p = live.provenance.unwrap_or_default();
        Some(Drift::between(
            &document.paragraphs,
            &provenance.sha256,
            &live.document.paragraphs,
            &live_p,
        ))
    } else {
        None
    };
    Ok(English {
        loaded: Loaded {
            document,
            provenance: Some(provenance),
        },
        drift,
    })
}

fn refetch_without_url(what: &str) -> Error {
    Error::Input {
        what: what.to_string(),
        message: "--refetch needs a snapshot (en.html with en.meta.json) or a source.toml url"
            .into(),
    }
}

/// The English side given as `--en`: a URL, a snapshot's `en.html`, or a file.
pub fn load_english(spec: &str, opts: &SourceOptions) -> Result<English> {
    // `ftp://…` and the like: say that the scheme is refused, not that no such file exists
    let url_like = spec.contains("://") && !Path::new(spec).exists();
    if is_url(spec) || url_like {
        return Ok(English {
            loaded: load_url(spec, opts)?,
            drift: None,
        });
    }
    let path = Path::new(spec);
    if let Some(meta) = snapshot::meta_for(path) {
        return load_snapshot(path, &meta, opts);
    }
    if opts.refetch {
        return Err(refetch_without_url(spec));
    }
    Ok(English {
        loaded: load_path(path)?,
        drift: None,
    })
}

/// The English side of a pair folder: its snapshot, its local file, or its
/// `source.toml` URL. With `refetch`, a local English file is compared with the
/// live page (the snapshot's URL, else `source.toml`'s).
pub fn load_pair_english(pair: &PairDir, opts: &SourceOptions) -> Result<English> {
    match (&pair.en, &pair.url) {
        (Some(en), url) => {
            if let Some(meta) = snapshot::meta_for(en) {
                return load_snapshot(en, &meta, opts);
            }
            let loaded = load_path(en)?;
            let drift = match (opts.refetch, url) {
                (false, _) => None,
                (true, None) => return Err(refetch_without_url(&pair.dir.display().to_string())),
                (true, Some(u)) => {
                    let live = load_url(u, opts)?;
                    let live_p = live.provenance.unwrap_or_default();
                    Some(Drift::between(
                        &loaded.document.paragraphs,
                        &loaded.document.sha256,
                        &live.document.paragraphs,
                        &live_p,
                    ))
                }
            };
            Ok(English { loaded, drift })
        }
        (None, Some(u)) => Ok(English {
            loaded: load_url(u, opts)?,
            drift: None,
        }),
        (None, None) => Err(Error::Input {
            what: pair.dir.display().to_string(),
            message: "no en.txt, en.md, en.html, en.json, en.xml or source.toml in pair folder"
                .into(),
        }),
    }
}

/// What `wirecheck fetch` wrote.
#[derive(Debug, Clone)]
pub struct SnapshotWritten {
    pub html: PathBuf,
    pub meta: PathBuf,
    pub provenance: Provenance,
    pub paragraphs: usize,
}

/// `wirecheck fetch URL --output DIR`: fetch (through the cache), check that an
/// article can be extracted, and write `en.html` + `en.meta.json` into `dir`.
/// Refuses to replace an existing snapshot unless `force`.
pub fn snapshot_url(
    url: &str,
    dir: &Path,
    force: bool,
    opts: &SourceOptions,
) -> Result<SnapshotWritten> {
    snapshot::check_writable(dir, force)?;
    let (bytes, mut provenance) = get_url(url, opts)?;
    let document = document_from_web(&bytes, &mut provenance, url)?;
    let (html, meta) = snapshot::write(dir, &bytes, &provenance)?;
    Ok(SnapshotWritten {
        html,
        meta,
        provenance,
        paragraphs: document.paragraphs.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_header_then_meta_then_fallback() {
        assert_eq!(
            decode_web(b"caf\xe9", "text/plain; charset=ISO-8859-1", "x").unwrap(),
            "café"
        );
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><body><p>it\x92s</p></body></html>";
        assert!(decode_web(page, "text/html", "x")
            .unwrap()
            .contains("it\u{2019}s"));
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\xe9t\xe9</p>";
        assert!(decode_web(equiv, "", "x").unwrap().contains("été"));
        assert_eq!(decode_web("déjà".as_bytes(), "", "x").unwrap(), "déjà");
        assert_eq!(decode_web(b"d\xe9j\xe0", "", "x").unwrap(), "déjà");
        assert!(decode_web(b"  \n", "", "x").is_err());
    }

    #[test]
    fn latin1_local_html_file_is_decoded_by_its_meta() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("en.html");
        std::fs::write(&p, b"<meta charset=iso-8859-1><article><h1>Caf\xe9 closes</h1><p>The caf\xe9 shut.</p></article>").unwrap();
        let l = load_path(&p).unwrap();
        assert_eq!(l.document.paragraphs, vec!["Café closes", "The café shut."]);
    }
}
