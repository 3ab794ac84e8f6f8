//! IPTC ninjs items (News in JSON). Version 1.x has `headline`, `body_html` /
//! `body_xhtml` / `body_text`, `byline`, `person[]`; version 2.x has `headlines[]`,
//! `bodies[]` (with a `contenttype`), `by`, `people[]`. Both have `uri`,
//! `versioncreated`, `language`, `located`, and since 1.3 `standard.version`.

use serde_json::{Map, Value};

use super::{clean, role_from_code, Body, MetaCredit, WireFormat, WireItem};

/// The keys that make a JSON object a ninjs item rather than some other JSON.
const NINJS_KEYS: [&str; 10] = [
    "uri",
    "headline",
    "headlines",
    "body_text",
    "body_html",
    "body_xhtml",
    "bodies",
    "byline",
    "versioncreated",
    "standard",
];

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A string field, `None` when absent or null; an error naming the key when it has
/// another type.
fn string(o: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone()).filter(|s| !s.trim().is_empty())),
        Some(v) => Err(format!("ninjs `{key}` is {}, not a string", kind(v))),
    }
}

fn array<'a>(o: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(v) => Err(format!("ninjs `{key}` is {}, not an array", kind(v))),
    }
}

/// The `value` of the entry of a 2.x array (`headlines`, `bodies`) that `rank` prefers
/// (lowest first), with its `contenttype`.
fn pick(
    o: &Map<String, Value>,
    key: &str,
    rank: impl Fn(&str, &str) -> u8,
) -> Result<Option<(String, String)>, String> {
    let mut best: Option<(u8, String, String)> = None;
    for (i, e) in array(o, key)?.iter().enumerate() {
        let Value::Object(e) = e else {
            return Err(format!("ninjs `{key}[{i}]` is {}, not an object", kind(e)));
        };
        let Some(value) =
            string(e, "value").map_err(|m| m.replace("`value`", &format!("`{key}[{i}].value`")))?
        else {
            continue;
        };
        let role = string(e, "role")?.unwrap_or_default().to_ascii_lowercase();
        let ct = string(e, "contenttype")?
            .unwrap_or_default()
            .to_ascii_lowercase();
        let r = rank(&role, &ct);
        if best.as_ref().is_none_or(|(b, _, _)| r < *b) {
            best = Some((r, value, ct));
        }
    }
    Ok(best.map(|(_, v, ct)| (v, ct)))
}

fn role_rank(role: &str) -> u8 {
    match role {
        "" | "main" | "default" => 0,
        _ => 1,
    }
}

/// Read a ninjs item.
/// Whether `text` is a JSON object holding at least one ninjs key (`uri`, `headline`,
/// `body_text`, …): what content detection calls a ninjs item. Plain text that merely
/// starts with `{` is not one.
pub fn looks_like_item(text: &str) -> bool {
    matches!(serde_json::from_str::<Value>(text),
        Ok(Value::Object(o)) if NINJS_KEYS.iter().any(|k| o.contains_key(*k)))
}

pub fn parse(text: &str) -> Result<WireItem, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(o) = v else {
        return Err(format!(
            "a ninjs item is a JSON object, this is {}",
            kind(&v)
        ));
    };
    if !NINJS_KEYS.iter().any(|k| o.contains_key(*k)) {
        return Err("a JSON object but not a ninjs item (no uri, headline or body)".into());
    }
    let version = match o.get("standard") {
        Some(Value::Object(s)) => string(s, "version")?,
        _ => None,
    };
    // headline: 1.x `headline`, 2.x `headlines[]`
    let headline = match string(&o, "headline")? {
        Some(h) => Some(h),
        None => pick(&o, "headlines", |role, _| role_rank(role))?.map(|(v, _)| v),
    };
    // body: 1.x `body_html` / `body_xhtml` / `body_text`, 2.x `bodies[]`
    let body = if let Some(h) = string(&o, "body_html")?.or(string(&o, "body_xhtml")?) {
        Body::Html(h)
    } else if let Some(t) = string(&o, "body_text")? {
        Body::Text(t)
    } else if let Some((v, ct)) = pick(&o, "bodies", |role, ct| {
        let markup = ct.contains("html") || ct.contains("xml");
        role_rank(role) * 2 + u8::from(!markup)
    })? {
        if ct.contains("html")
            || ct.contains("xml")
            || (ct.is_empty() && v.trim_start().starts_with('<'))
        {
            Body::Html(v)
        } else {
            Body::Text(v)
        }
    } else {
        return Err("ninjs item has no body_html or body_text (nor bodies)".into());
    };
    let (byline, byline_from) = match string(&o, "byline")? {
        Some(b) => (Some(b), "byline"),
        None => (string(&o, "by")?, "by"),
    };
    let headline_from = if o.get("headline").is_some_and(Value::is_string) {
        "headline"
    } else {
        "headlines"
    };
    // people credited: 1.x `person[]`, 2.x `people[]`, with a credits `rel`
    let mut credits = Vec::new();
    for key in ["person", "people"] {
        for (i, p) in array(&o, key)?.iter().enumerate() {
            let Value::Object(p) = p else {
                return Err(format!("ninjs `{key}[{i}]` is {}, not an object", kind(p)));
            };
            let (Some(name), Some(rel)) = (string(p, "name")?, string(p, "rel")?) else {
                continue;
            };
            if let Some(role) = role_from_code(&rel) {
                credits.push(MetaCredit {
                    role,
                    name: clean(&name),
                });
            }
        }
    }
    Ok(WireItem {
        format: WireFormat::Ninjs,
        version,
        uri: string(&o, "uri")?,
        version_created: string(&o, "versioncreated")?,
        language: string(&o, "language")?,
        headline,
        headline_from,
        body,
        byline,
        byline_from,
        creditline: None,
        credits,
        located: string(&o, "located")?,
        dateline: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credits::Role;

    #[test]
    fn version_1_item() {
        let it = parse(
            r#"{"uri": "urn:example:1", "versioncreated": "2031-05-02T08:00:00Z",
                "language": "en", "headline": "Ferry service resumes",
                "byline": "By Ann Vole", "located": "Brest",
                "body_html": "<p>The ferry sailed again.</p><p>It had stopped in May.</p>",
                "person": [{"name": "Mia Holt", "rel": "subject"}, {"name": "Tom Reed", "rel": "editor"}]}"#,
        )
        .unwrap();
        assert_eq!(it.uri.as_deref(), Some("urn:example:1"));
        assert_eq!(it.version_created.as_deref(), Some("2031-05-02T08:00:00Z"));
        assert_eq!(it.headline.as_deref(), Some("Ferry service resumes"));
        assert_eq!(it.byline.as_deref(), Some("By Ann Vole"));
        assert_eq!(it.located.as_deref(), Some("Brest"));
        assert!(matches!(it.body, Body::Html(_)));
        assert_eq!(
            it.credits,
            vec![MetaCredit {
                role: Role::Editor,
                name: "Tom Reed".into()
            }]
        );
    }

    #[test]
    fn version_2_item_prefers_the_main_html_body() {
        let it = parse(
            r#"{"uri": "urn:example:2", "standard": {"name": "ninjs", "version": "2.0"},
                "headlines": [{"role": "short", "value": "Ferry"}, {"role": "main", "value": "Ferry service resumes"}],
                "bodies": [{"role": "main", "contenttype": "text/plain", "value": "plain"},
                           {"role": "main", "contenttype": "text/html", "value": "<p>html</p>"}],
                "by": "Reporting by Ann Vole", "people": [{"name": "Luc Mirot", "rel": "translator"}]}"#,
        )
        .unwrap();
        assert_eq!(it.version.as_deref(), Some("2.0"));
        assert_eq!(it.headline.as_deref(), Some("Ferry service resumes"));
        assert_eq!(it.body, Body::Html("<p>html</p>".into()));
        assert_eq!(it.byline.as_deref(), Some("Reporting by Ann Vole"));
        assert_eq!(it.credits[0].role, Role::Translator);
    }

    #[test]
    fn malformed_items_say_what_is_wrong() {
        let e = |t: &str| parse(t).unwrap_err();
        assert_eq!(
            e(r#"{"uri": "x", "headline": "h"}"#),
            "ninjs item has no body_html or body_text (nor bodies)"
        );
        assert_eq!(
            e(r#"{"uri": "x", "body_text": 3}"#),
            "ninjs `body_text` is a number, not a string"
        );
        assert_eq!(
            e(r#"{"uri": "x", "bodies": {"value": "a"}}"#),
            "ninjs `bodies` is an object, not an array"
        );
        assert!(e(r#"{"uri": "x", "#).starts_with("not valid JSON: "));
        assert_eq!(e("[1]"), "a ninjs item is a JSON object, this is an array");
        assert_eq!(
            e(r#"{"name": "x"}"#),
            "a JSON object but not a ninjs item (no uri, headline or body)"
        );
    }
}
