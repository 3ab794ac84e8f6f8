//! Pair folders: `fr.{txt,md,html,json,xml}`, `en.{txt,md,html,json,xml}` or `source.toml`,
//! optional `en.meta.json`, `gold.tsv`, `wirecheck.toml`, `waivers.toml`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How deep below the folder given the pair walk looks.
pub const MAX_WALK_DEPTH: usize = 16;

/// The one pair-folder walker (batch, eval and the tests use it): every folder at
/// or below `dir` that `is_pair` accepts, sorted; the walk does not enter a pair
/// folder, does not follow symbolic links and stops [`MAX_WALK_DEPTH`] levels down.
pub fn walk_pairs(dir: &Path, is_pair: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    walk_pairs_reporting(dir, is_pair).0
}

/// [`walk_pairs`], plus every folder the walk could not look into, with why (it
/// could not be read, or it is deeper than [`MAX_WALK_DEPTH`]): a pair may hide
/// there, so `batch` reports each as "could not be checked" rather than skip it.
pub fn walk_pairs_reporting(
    dir: &Path,
    is_pair: &dyn Fn(&Path) -> bool,
) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    struct Walk<'a> {
        is_pair: &'a dyn Fn(&Path) -> bool,
        pairs: Vec<PathBuf>,
        skipped: Vec<(PathBuf, String)>,
    }
    fn walk(w: &mut Walk, dir: &Path, depth: usize) {
        if (w.is_pair)(dir) {
            w.pairs.push(dir.to_path_buf());
            return;
        }
        let rd = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                w.skipped
                    .push((dir.to_path_buf(), format!("cannot read the folder: {e}")));
                return;
            }
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() && !e.file_type().is_ok_and(|t| t.is_symlink()) {
                if depth + 1 > MAX_WALK_DEPTH {
                    w.skipped.push((
                        p,
                        format!(
                            "deeper than the walk limit ({MAX_WALK_DEPTH} levels), not searched"
                        ),
                    ));
                } else {
                    walk(w, &p, depth + 1);
                }
            }
        }
    }
    let mut w = Walk {
        is_pair,
        pairs: Vec::new(),
        skipped: Vec::new(),
    };
    walk(&mut w, dir, 0);
    w.pairs.sort();
    w.skipped.sort();
    (w.pairs, w.skipped)
}

#[derive(Debug, Clone)]
pub struct PairDir {
    pub dir: PathBuf,
    pub fr: PathBuf,
    /// A local English file, when there is one.
    pub en: Option<PathBuf>,
    /// `source.toml` URL, when there is one.
    pub url: Option<String>,
    pub waivers: Option<PathBuf>,
    pub gold: Option<PathBuf>,
}

/// Every `stem.{txt,md,html,htm}` in `dir` (a pair folder must hold one per side).
fn all_existing(dir: &Path, stem: &str) -> Vec<PathBuf> {
    ["txt", "md", "html", "htm"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .filter(|p| p.is_file())
        .collect()
}

fn first_existing(dir: &Path, stem: &str) -> Option<PathBuf> {
    ["txt", "md", "html", "htm", "json", "xml"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .find(|p| p.is_file())
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceToml {
    url: String,
}

/// A pair folder comes from a CMS, a shared drive or a colleague: a file in it that
/// is a symbolic link leading outside it (`fr.txt -> /etc/passwd`) would copy that
/// file into the reports, so it is refused. A link to another file of the folder
/// is fine.
fn inside(dir: &Path, p: &Path) -> Result<()> {
    if !std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok(());
    }
    let refuse = |to: String| {
        Error::Input {
        what: p.display().to_string(),
        message: format!(
            "is a symbolic link {to} outside the pair folder, refused (copy the file into the folder)"
        ),
    }
    };
    match (std::fs::canonicalize(dir), std::fs::canonicalize(p)) {
        (Ok(d), Ok(t)) if t.starts_with(&d) => Ok(()),
        (Ok(_), Ok(t)) => Err(refuse(format!("to {}", t.display()))),
        _ => Err(refuse("that leads nowhere or".into())),
    }
}

impl PairDir {
    pub fn open(dir: &Path) -> Result<PairDir> {
        if !dir.is_dir() {
            return Err(Error::Input {
                what: dir.display().to_string(),
                message: "not a pair folder (no such directory)".into(),
            });
        }
        for stem in ["fr", "en"] {
            let all = all_existing(dir, stem);
            if all.len() > 1 {
                let names: Vec<String> = all
                    .iter()
                    .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .collect();
                return Err(Error::Input {
                    what: dir.display().to_string(),
                    message: format!("both {} in the pair folder: keep one", names.join(" and ")),
                });
            }
        }
        let fr = first_existing(dir, "fr").ok_or_else(|| Error::Input {
            what: dir.display().to_string(),
            message: "no fr.txt, fr.md, fr.html, fr.json or fr.xml in pair folder".into(),
        })?;
        let en = first_existing(dir, "en");
        let source_toml = dir.join("source.toml");
        for p in [Some(&fr), en.as_ref(), Some(&source_toml)]
            .into_iter()
            .flatten()
            .cloned()
            .chain(
                ["waivers.toml", "gold.tsv", "en.meta.json", "wirecheck.toml"]
                    .iter()
                    .map(|n| dir.join(n)),
            )
        {
            inside(dir, &p)?;
        }
        let url = if source_toml.is_file() {
            let text = crate::util::read_capped_string(&source_toml).map_err(|e| Error::Io {
                path: source_toml.clone(),
                source: e,
            })?;
            let s: SourceToml = toml::from_str(&text).map_err(|e| Error::Config {
                path: source_toml.display().to_string(),
                message: e
                    .to_string()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            })?;
            Some(s.url)
        } else {
            None
        };
        if en.is_none() && url.is_none() {
            return Err(Error::Input {
                what: dir.display().to_string(),
                message: "no en.txt, en.md, en.html, en.json, en.xml or source.toml in pair folder"
                    .into(),
            });
        }
        let opt = |name: &str| Some(dir.join(name)).filter(|p| p.is_file());
        Ok(PairDir {
            dir: dir.to_path_buf(),
            fr,
            en,
            url,
            waivers: opt("waivers.toml"),
            gold: opt("gold.tsv"),
        })
    }

    /// Is `dir` a pair folder (has a French file)?
    pub fn looks_like_pair(dir: &Path) -> bool {
        first_existing(dir, "fr").is_some()
    }
}
