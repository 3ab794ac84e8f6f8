//! The credits checks: the French credits block against the English one, parsed by
//! `crate::credits` and paired by `crate::credits::rules`. Every finding lists the
//! credits paragraph of each side.

pub mod credits_editor_missing;
pub mod credits_location_mismatch;
pub mod credits_malformed;
pub mod credits_missing;
pub mod credits_name_spelling;
pub mod credits_reporter_added;
pub mod credits_reporter_missing;
pub mod credits_roster;
pub mod credits_translator_missing;

use crate::checks::{declare_check, Context, Run};
use crate::credits::rules::{self, Match};
use crate::credits::{CreditEntry, CreditsBlock, Role};
use crate::finding::{CheckId, Finding};
use crate::lang::text::nfc;

fn para(b: Option<&CreditsBlock>) -> Vec<usize> {
    b.map(|b| vec![b.paragraph]).unwrap_or_default()
}

fn para_label(b: Option<&CreditsBlock>) -> String {
    b.map_or("-".to_string(), |b| b.paragraph.to_string())
}

/// A finding on the credits paragraphs of both sides, with their texts.
fn credits_finding(cx: &Context<'_>, id: CheckId, message: String) -> Finding {
    let (fr, en) = (cx.fr.credits.as_ref(), cx.en.credits.as_ref());
    let fr_text = fr.map_or("", |b| cx.fr.text(b.paragraph));
    let en_text = en.map_or("", |b| cx.en.text(b.paragraph));
    Finding::new(id, para(fr), para(en), message).texts(fr_text, en_text)
}

/// `Ana Lima (Lisbon)`.
fn who(e: &CreditEntry) -> String {
    match &e.location {
        Some(l) => format!("{} ({l})", e.name),
        None => e.name.clone(),
    }
}

/// Both blocks, when both sides have one.
fn both<'a>(cx: &'a Context<'_>) -> Option<(&'a CreditsBlock, &'a CreditsBlock)> {
    Some((cx.fr.credits.as_ref()?, cx.en.credits.as_ref()?))
}
