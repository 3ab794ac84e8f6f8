//! The credits table of the pair report: role by role, French beside English, with
//! what the credits checks found missing marked in place.

use super::*;

fn credit_list(entries: &[&CreditEntry]) -> String {
    if entries.is_empty() {
        return "<span class=\"empty\">none</span>".into();
    }
    entries
        .iter()
        .map(|e| match &e.location {
            Some(l) => format!(
                "{} <span class=\"meta\">({})</span>",
                escape(&e.name),
                escape(l)
            ),
            None => escape(&e.name),
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// An English credit named by a `credits-reporter-missing` finding: missing in French.
fn missing_in_french(r: &Report, e: &CreditEntry) -> bool {
    r.findings.iter().any(|f| {
        f.id == crate::finding::CheckId::CreditsReporterMissing
            && (f.message.contains(&format!("\"{}", e.name)) || f.en_text == e.name)
    })
}

/// The French credits cell of a role the French must have and lacks, when a finding says so.
fn missing_role(r: &Report, role: Role) -> Option<String> {
    use crate::finding::CheckId;
    let id = match role {
        Role::Translator => CheckId::CreditsTranslatorMissing,
        Role::Editor => CheckId::CreditsEditorMissing,
        _ => return None,
    };
    r.findings.iter().any(|f| f.id == id).then(|| {
        format!(
            "<span class=\"sev {}\">missing</span> <span class=\"meta\">({id})</span>",
            r.findings
                .iter()
                .find(|f| f.id == id)
                .map(class_of)
                .unwrap_or("error")
        )
    })
}

pub(super) fn credits_table(r: &Report) -> String {
    if r.credits.fr.is_empty() && r.credits.en.is_empty() {
        return "<p class=\"empty\">No credits block parsed on either side.</p>\n".into();
    }
    let roles = [
        Role::Reporter,
        Role::AdditionalReporter,
        Role::Writer,
        Role::Editor,
        Role::Translator,
        Role::Other,
    ];
    let mut o = String::from("<table class=\"credits\"><thead><tr><th>role</th><th>French</th><th>English</th></tr></thead><tbody>\n");
    for role in roles {
        let fr: Vec<&CreditEntry> = r.credits.fr.iter().filter(|e| e.role == role).collect();
        let en: Vec<&CreditEntry> = r.credits.en.iter().filter(|e| e.role == role).collect();
        let missing = if fr.is_empty() {
            missing_role(r, role)
        } else {
            None
        };
        if fr.is_empty() && en.is_empty() && missing.is_none() {
            continue;
        }
        let fr_cell = missing.unwrap_or_else(|| credit_list(&fr));
        let mut en_cell = credit_list(&en);
        let gone: Vec<&&CreditEntry> = en.iter().filter(|e| missing_in_french(r, e)).collect();
        if !gone.is_empty() {
            let names: Vec<String> = gone.iter().map(|e| escape(&e.name)).collect();
            en_cell.push_str(&format!(
                "<br><span class=\"sev error\">missing in French</span> {}",
                names.join(", ")
            ));
        }
        let _ = writeln!(
            o,
            "<tr><th>{}</th><td lang=\"fr\">{fr_cell}</td><td lang=\"en\">{en_cell}</td></tr>",
            role.label(),
        );
    }
    o.push_str("</tbody></table>\n");
    o
}
