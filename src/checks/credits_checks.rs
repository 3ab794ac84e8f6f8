//! The credits checks: the French credits block against the English one, parsed by
//! `crate::credits` and paired by `crate::credits::rules`. Every finding lists the
//! credits paragraph of each side.

use super::{Check, CheckDoc, Context};
use crate::credits::rules::{self, Match};
use crate::credits::{CreditEntry, CreditsBlock, Role};
use crate::finding::{Finding, Severity};
use crate::lang::text::nfc;

fn para(b: Option<&CreditsBlock>) -> Vec<usize> {
    b.map(|b| vec![b.paragraph]).unwrap_or_default()
}

fn para_label(b: Option<&CreditsBlock>) -> String {
    b.map_or("-".to_string(), |b| b.paragraph.to_string())
}

/// A finding on the credits paragraphs of both sides, with their texts.
fn credits_finding(cx: &Context<'_>, id: &str, message: String) -> Finding {
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

fn role_word(r: Role) -> &'static str {
    match r {
        Role::Reporter => "reporter",
        Role::AdditionalReporter => "additional reporter",
        Role::Writer => "writer",
        Role::Editor => "editor",
        Role::Translator => "translator",
        Role::Other => "contributor",
    }
}

/// Both blocks, when both sides have one.
fn both<'a>(cx: &'a Context<'_>) -> Option<(&'a CreditsBlock, &'a CreditsBlock)> {
    Some((cx.fr.credits.as_ref()?, cx.en.credits.as_ref()?))
}

pub struct CreditsMissing;

impl Check for CreditsMissing {
    fn id(&self) -> &'static str {
        "credits-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the French version has no credits block although the source has one"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "Fires when the English source ends with a credits block (a parenthesised paragraph \
                   naming reporters and editors) and the French version has none as its last paragraph.",
            why: "A wire story must say who reported it; a French version that drops the whole block \
                  strips every reporter, the translator and the editor at once.",
            example: "en: `(Reporting by Ana Lima in Lisbon; Editing by Tom Dale)` as the last paragraph; \
                      fr: the last paragraph is body text, with no `(Reportage … )` block.",
            configure: "Set `[checks] credits-missing = \"warning\"` (or `off`) in wirecheck.toml to change \
                        its severity; waive one pair in its waivers.toml.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let (Some(en), None) = (cx.en.credits.as_ref(), cx.fr.credits.as_ref()) else {
            return;
        };
        out.push(
            Finding::new(
                self.id(),
                Vec::new(),
                vec![en.paragraph],
                format!("no credits block in french (en ¶{} has one)", en.paragraph),
            )
            .texts("", cx.en.text(en.paragraph)),
        );
    }
}

pub struct CreditsReporterMissing;

impl Check for CreditsReporterMissing {
    fn id(&self) -> &'static str {
        "credits-reporter-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a reporter credited in English is not credited in French"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "Every English reporter and additional reporter must be credited in the French block, \
                   as a reporter (`Reportage`, bare names) or an additional reporter (`avec`); an English \
                   writer (`Writing by`) must be kept as `rédigé par`. A near miss is reported as \
                   credits-name-spelling instead.",
            why: "Dropping a reporter's byline in translation takes credit away from the person who \
                  gathered the story, and desks are accountable for it.",
            example: "en: `(Reporting by Ana Lima; Additional reporting by Tom Dale; …)`; fr: `(Reportage \
                      Ana Lima; version française …)`: Tom Dale is missing.",
            configure: "Set `[checks] credits-reporter-missing = \"warning\"` (or `off`) in wirecheck.toml; \
                        waive a deliberate omission in the pair's waivers.toml.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((fr, en)) = both(cx) else { return };
        let cmp = rules::compare(fr, en);
        for &i in &cmp.missing {
            let e = &en.entries[i];
            out.push(credits_finding(
                cx,
                self.id(),
                format!(
                    "{} not credited in french: \"{}\" (en ¶{}) is missing from fr ¶{}",
                    role_word(e.role),
                    who(e),
                    en.paragraph,
                    fr.paragraph
                ),
            ));
        }
    }
}

pub struct CreditsReporterAdded;

impl Check for CreditsReporterAdded {
    fn id(&self) -> &'static str {
        "credits-reporter-added"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the French credits name a reporter the English does not"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "Fires for each reporter, additional reporter or writer in the French credits who is \
                   not a reporter or writer in the English credits. An English editor listed as a French \
                   reporter counts as added.",
            why: "A French byline must not credit reporting to someone who did not report the story; \
                  it is usually a copy-paste from another dispatch or an editor moved to the wrong role.",
            example: "en: `(Reporting by Ana Lima; Editing by Jo Arx)`; fr: `(Reportage Ana Lima et Jo \
                      Arx; …)`: Jo Arx is an added reporter.",
            configure: "Set `[checks] credits-reporter-added = \"warning\"` (or `off`) in wirecheck.toml; \
                        waive a known case in the pair's waivers.toml.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((fr, en)) = both(cx) else { return };
        let cmp = rules::compare(fr, en);
        for &j in &cmp.added {
            let f = &fr.entries[j];
            let name = nfc(&f.name);
            let en_role = en
                .entries
                .iter()
                .find(|e| nfc(&e.name) == name)
                .map(|e| e.role);
            let why = match en_role {
                Some(r) => format!(
                    ", who is credited as {} in en ¶{}",
                    role_word(r),
                    en.paragraph
                ),
                None => format!(", who is not in the english credits (en ¶{})", en.paragraph),
            };
            out.push(credits_finding(
                cx,
                self.id(),
                format!(
                    "french credits add {} \"{}\" (fr ¶{}){}",
                    role_word(f.role),
                    who(f),
                    fr.paragraph,
                    why
                ),
            ));
        }
    }
}

pub struct CreditsLocationMismatch;

impl Check for CreditsLocationMismatch {
    fn id(&self) -> &'static str {
        "credits-location-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a reporter's location differs after exonym mapping"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "For each reporter credited on both sides, the French location (`à Moscou`, `au Caire`) \
                   must be the English one (`in Moscow`, `in Cairo`) after exonym mapping; an English place \
                   name kept as is in French is the same place. A location present on one side only is \
                   also reported.",
            why: "The location tells readers where the reporting was done; a wrong city in the byline is \
                  a factual error.",
            example: "en: `Reporting by Ana Lima in Riyadh`; fr: `Reportage Ana Lima à Rabat`: Riyadh vs \
                      Rabat. `à Riyad` would be fine.",
            configure: "Add missing place names under `[[names]]` (en, fr, variants) in wirecheck.toml; set \
                        `[checks] credits-location-mismatch` to change the severity.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((fr, en)) = both(cx) else { return };
        for p in rules::compare(fr, en).pairs {
            let (e, f) = (&en.entries[p.en], &fr.entries[p.fr]);
            let message = match (&f.location, &e.location) {
                (Some(fl), Some(el)) if !rules::same_place(cx.names, fl, el) => format!(
                    "location of {} differs: \"{fl}\" (fr ¶{}) vs \"{el}\" (en ¶{})",
                    f.name, fr.paragraph, en.paragraph
                ),
                (None, Some(el)) => format!(
                    "location of {} dropped: none (fr ¶{}) vs \"{el}\" (en ¶{})",
                    f.name, fr.paragraph, en.paragraph
                ),
                (Some(fl), None) => format!(
                    "location of {} added: \"{fl}\" (fr ¶{}) vs none (en ¶{})",
                    f.name, fr.paragraph, en.paragraph
                ),
                _ => continue,
            };
            out.push(credits_finding(cx, self.id(), message));
        }
    }
}

pub struct CreditsNameSpelling;

impl Check for CreditsNameSpelling {
    fn id(&self) -> &'static str {
        "credits-name-spelling"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a credited name is spelled differently"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "A reporter or writer credited on both sides must be spelled identically after Unicode \
                   NFC normalisation, diacritics included. A near miss (a dropped diacritic, two swapped \
                   letters, one edit) is reported here rather than as a missing plus an added reporter.",
            why: "Names are a person's identity; `Solene` for `Solène` or `Lewadnowski` for `Lewandowski` \
                  is a visible error in the byline.",
            example: "en: `Reporting by Łukasz Nowak`; fr: `Reportage Lukasz Nowak`: the `Ł` was dropped.",
            configure: "Set `[checks] credits-name-spelling = \"warning\"` (or `off`) in wirecheck.toml; a \
                        deliberate transliteration can be waived in the pair's waivers.toml.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((fr, en)) = both(cx) else { return };
        for p in rules::compare(fr, en).pairs {
            if p.how != Match::Spelling {
                continue;
            }
            let (e, f) = (&en.entries[p.en], &fr.entries[p.fr]);
            out.push(credits_finding(
                cx,
                self.id(),
                format!(
                    "credited name spelled differently: \"{}\" (fr ¶{}) vs \"{}\" (en ¶{})",
                    f.name, fr.paragraph, e.name, en.paragraph
                ),
            ));
        }
    }
}

pub struct CreditsTranslatorMissing;

impl Check for CreditsTranslatorMissing {
    fn id(&self) -> &'static str {
        "credits-translator-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the French version does not credit its translator(s)"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "The French credits block must name its translator(s): `version française T`, `T pour \
                   la version française`, `traduit par T` or `Traduction T`.",
            why: "The translator is responsible for the French text; an uncredited translation cannot be \
                  traced back to the person who answers for it.",
            example: "fr: `(Reportage Ana Lima; édité par Léa Gris)`: no `version française` part.",
            configure: "Set `[checks] credits-translator-missing = \"warning\"` (or `off`) in wirecheck.toml; \
                        restrict who may translate with `[credits] roster`.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(fr) = cx.fr.credits.as_ref() else {
            return;
        };
        if fr.has_role(Role::Translator) {
            return;
        }
        out.push(credits_finding(
            cx,
            self.id(),
            format!(
                "french credits (fr ¶{}) name no translator (en ¶{})",
                fr.paragraph,
                para_label(cx.en.credits.as_ref())
            ),
        ));
    }
}

pub struct CreditsEditorMissing;

impl Check for CreditsEditorMissing {
    fn id(&self) -> &'static str {
        "credits-editor-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the French version does not credit its editor"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "The French credits block must name the French editor (`édité par E`, `Édition E`). \
                   The English editors (`Editing by`) are never expected in the French block.",
            why: "Every published French version is checked by an editor of the French desk, and the \
                  credits say who.",
            example: "fr: `(Reportage Ana Lima; version française Zoé Roux)`: no `édité par` part.",
            configure: "Set `[checks] credits-editor-missing = \"warning\"` (or `off`) in wirecheck.toml; \
                        restrict who may edit with `[credits] roster`.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(fr) = cx.fr.credits.as_ref() else {
            return;
        };
        if fr.has_role(Role::Editor) {
            return;
        }
        out.push(credits_finding(
            cx,
            self.id(),
            format!(
                "french credits (fr ¶{}) name no editor (en ¶{})",
                fr.paragraph,
                para_label(cx.en.credits.as_ref())
            ),
        ));
    }
}

pub struct CreditsMalformed;

impl Check for CreditsMalformed {
    fn id(&self) -> &'static str {
        "credits-malformed"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the credits block cannot be fully parsed"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "Fires when a credits block (either side) has parts the credits grammar does not \
                   understand: an unknown role label, something that is not a name, a label with no name, \
                   unbalanced or missing brackets. The message quotes what was not understood; the \
                   understood entries are still checked.",
            why: "Credits that cannot be read cannot be checked, and a broken block usually means an \
                  editing slip that readers will see too.",
            example: "fr: `(Reportage Ana Lima; photos de Tom Dale; édité par Léa Gris`: `photos de Tom \
                      Dale` is not a known role and the closing bracket is missing.",
            configure: "Set `[checks] credits-malformed = \"off\"` in wirecheck.toml if your desk uses \
                        credit forms the grammar does not know, or waive the pair.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (side, block) in [
            ("fr", cx.fr.credits.as_ref()),
            ("en", cx.en.credits.as_ref()),
        ] {
            let Some(b) = block else { continue };
            if b.unparsed.is_empty() {
                continue;
            }
            let parts: Vec<String> = b.unparsed.iter().map(|u| format!("\"{u}\"")).collect();
            out.push(credits_finding(
                cx,
                self.id(),
                format!(
                    "{side} credits (¶{}) not fully understood: {}",
                    b.paragraph,
                    parts.join(", ")
                ),
            ));
        }
    }
}

pub struct CreditsRoster;

impl Check for CreditsRoster {
    fn id(&self) -> &'static str {
        "credits-roster"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a French translator or editor is not on the desk roster"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "When a desk roster is configured, every translator and editor named in the French \
                   credits must be on it, spelled exactly as on the roster (after Unicode NFC). Without a \
                   roster this check is silent.",
            why: "Only desk members may sign a French version; a name off the roster is a typo or a \
                  credit copied from another story.",
            example: "roster = [\"Zoé Roux\", \"Léa Gris\"]; fr: `version française Zoe Roux, édité par Léa \
                      Gris`: `Zoe Roux` is not on the roster.",
            configure: "List names under `[credits] roster = [\"…\"]` or point `[credits] roster-file` at a \
                        file with one name per line; set `[checks] credits-roster` for its severity.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let roster: Vec<String> = cx
            .policy
            .credits
            .roster
            .iter()
            .map(|n| nfc(n.trim()))
            .collect();
        if roster.is_empty() {
            return;
        }
        let Some(fr) = cx.fr.credits.as_ref() else {
            return;
        };
        for e in fr
            .entries
            .iter()
            .filter(|e| matches!(e.role, Role::Translator | Role::Editor))
        {
            let name = nfc(&e.name);
            if roster.contains(&name) {
                continue;
            }
            let hint = roster
                .iter()
                .find(|r| rules::near_miss(r, &name).is_some())
                .map(|r| format!(" (did you mean \"{r}\"?)"))
                .unwrap_or_default();
            out.push(credits_finding(
                cx,
                self.id(),
                format!(
                    "{} \"{}\" (fr ¶{}) is not on the desk roster{hint}",
                    role_word(e.role),
                    e.name,
                    fr.paragraph
                ),
            ));
        }
    }
}
