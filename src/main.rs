//! The `wirecheck` binary: parse arguments, load policy and sources, run the
//! library, render, and map the outcome to the contract's exit status
//! (0 pass, 1 fail, 2 could not check).

mod cli;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{anyhow, bail, Context as _, Result};
use clap::Parser;

use cli::{CheckArgs, Cli, Command, FailOnArg, OutputFormat};
use wirecheck::policy::{FailOn, Policy};
use wirecheck::report::{self, Report};
use wirecheck::source::{self, pair::PairDir};
use wirecheck::{checks, eval, pipeline};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let msg = e.to_string();
            let first = msg
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("bad arguments");
            eprintln!("{}", first.trim());
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // each cause once: an I/O error's message often already ends with
            // its source's
            let mut msg = String::new();
            for cause in e.chain().map(|c| c.to_string()) {
                if !msg.ends_with(&cause) {
                    if !msg.is_empty() {
                        msg.push_str(": ");
                    }
                    msg.push_str(&cause);
                }
            }
            let msg = msg.replace('\n', " ");
            eprintln!("error: {}", wirecheck::util::escape_control(&msg));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Checks => {
            let mut out = String::new();
            for c in checks::REGISTRY {
                let m = c.meta();
                out.push_str(&format!(
                    "{:<28} {:<8} {}\n",
                    m.id,
                    m.default_severity.as_str(),
                    m.summary
                ));
            }
            print!("{out}");
            Ok(0)
        }
        Command::Explain { id } => {
            let m = checks::find(&id)
                .ok_or_else(|| anyhow!("unknown check id `{id}` (see `wirecheck checks`)"))?
                .meta();
            println!(
                "{id} (default: {})\n{}\n\nWhat it checks\n  {}\n\nWhy\n  {}\n\nExample\n  {}\n\nConfigure\n  {}",
                m.default_severity,
                m.summary,
                m.what,
                m.why,
                m.example.replace('\n', "\n  "),
                m.configure().replace('\n', "\n  ")
            );
            Ok(0)
        }
        Command::Eval {
            dirs,
            verbose,
            json,
        } => run_eval(&dirs, verbose, json),
        Command::Batch {
            dirs,
            report_dir,
            config,
            fail_on: fail_on_arg,
            quiet,
            jobs,
            source,
        } => run_batch(
            &dirs,
            report_dir,
            config,
            fail_on_arg.map(fail_on),
            quiet,
            jobs,
            source,
        ),
        Command::Fetch {
            url,
            output,
            force,
            source,
        } => run_fetch(&url, &output, force, &source),
    }
}

fn fail_on(a: FailOnArg) -> FailOn {
    match a {
        FailOnArg::Error => FailOn::Error,
        FailOnArg::Warning => FailOn::Warning,
        FailOnArg::Never => FailOn::Never,
    }
}

/// Policy: `--config`, else `wirecheck.toml` found walking up from `start`, else defaults.
fn load_policy(
    config: Option<&Path>,
    start: Option<&Path>,
    cli_fail_on: Option<FailOnArg>,
) -> Result<Policy> {
    Ok(pipeline::resolve_policy(
        config,
        start,
        cli_fail_on.map(fail_on),
    )?)
}

/// How to reach web sources, from the command line and the policy's `[fetch]`.
fn source_options(args: &cli::SourceArgs, policy: &Policy) -> source::SourceOptions {
    source::SourceOptions::new(
        args.cache_dir.clone(),
        args.offline,
        args.refetch,
        &policy.fetch,
    )
}

/// The English side: a pair's snapshot / file / source.toml URL, or `--en` (path or URL).
fn load_en(
    spec: &str,
    pair: Option<&PairDir>,
    opts: &source::SourceOptions,
) -> Result<source::English> {
    Ok(match pair {
        Some(p) => source::load_pair_english(p, opts)?,
        None => source::load_english(spec, opts)?,
    })
}

fn run_fetch(url: &str, output: &Path, force: bool, args: &cli::SourceArgs) -> Result<u8> {
    let policy = load_policy(None, Some(output), None)?;
    let w = source::snapshot_url(url, output, force, &source_options(args, &policy))?;
    println!(
        "wrote {} ({} paragraphs, sha256 {}) and {}",
        w.html.display(),
        w.paragraphs,
        w.provenance.sha256,
        w.meta.display()
    );
    Ok(0)
}

fn run_check(args: CheckArgs) -> Result<u8> {
    let (fr_path, en_spec, pair) = match (&args.pair, &args.fr, &args.en) {
        (Some(dir), _, _) => {
            let pd = PairDir::open(dir)?;
            let en = match (&pd.en, &pd.url) {
                (Some(p), _) => p.display().to_string(),
                (None, Some(u)) => u.clone(),
                (None, None) => unreachable!("PairDir::open requires one"),
            };
            (pd.fr.clone(), en, Some(pd))
        }
        (None, Some(fr), Some(en)) => (fr.clone(), en.clone(), None),
        _ => bail!("give a pair folder, or both --fr and --en"),
    };
    if fr_path.as_os_str() == "-" && en_spec == "-" {
        bail!("only one side may be read from standard input");
    }
    let start: Option<PathBuf> = pair
        .as_ref()
        .map(|p| p.dir.clone())
        .or_else(|| (fr_path.as_os_str() != "-").then(|| fr_path.clone()));
    let policy = load_policy(args.config.as_deref(), start.as_deref(), args.fail_on)?;
    if args.dump_config {
        print!("{}", policy.to_toml());
        return Ok(0);
    }
    let sopts = source_options(&args.source, &policy);
    let report = match &pair {
        Some(pd) => pipeline::check_pair_dir(pd, &policy, &sopts)?,
        None => {
            let fr = source::load_path(&fr_path)?;
            let source::English { loaded: en, drift } = load_en(&en_spec, None, &sopts)?;
            pipeline::check_pair(
                &fr,
                &en,
                &policy,
                pipeline::PairOptions {
                    waivers: None,
                    drift,
                },
            )
        }
    };
    let pair_label = match &pair {
        Some(pd) => pd.dir.display().to_string(),
        None => report.fr.source.clone(),
    };
    let out = render(
        &report,
        args.format,
        !args.no_alignment,
        args.output.is_none(),
        &pair_label,
    )?;
    if let Some(path) = &args.alignment_csv {
        guard_not_input(path, &[fr_path.as_path(), Path::new(&en_spec)])?;
        write_atomic(path, report::csv::render_alignment(&report)?.as_bytes())?;
    }
    match &args.output {
        Some(path) => {
            guard_not_input(path, &[fr_path.as_path(), Path::new(&en_spec)])?;
            write_atomic(path, out.as_bytes())?;
        }
        None => {
            let mut so = std::io::stdout().lock();
            let _ = so.write_all(out.as_bytes());
        }
    }
    Ok(if report.passed() { 0 } else { 1 })
}

fn render(
    r: &Report,
    format: OutputFormat,
    alignment: bool,
    to_stdout: bool,
    pair: &str,
) -> Result<String> {
    Ok(match format {
        OutputFormat::Json => report::json::render(r),
        OutputFormat::Text => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let color = to_stdout && std::io::stdout().is_terminal() && !no_color;
            report::text::render(r, &report::text::TextOptions { color, alignment })
        }
        OutputFormat::Csv => report::csv::render_findings(r, pair)?,
        OutputFormat::Html => report::html::render(r),
    })
}

/// `batch`: plan, check in parallel with a progress bar on a TTY, write the reports,
/// then one line per pair that could not be checked (stderr) and a summary (stdout).
fn run_batch(
    dirs: &[PathBuf],
    report_dir: PathBuf,
    config: Option<PathBuf>,
    fail_on: Option<FailOn>,
    quiet: bool,
    jobs: Option<usize>,
    source: cli::SourceArgs,
) -> Result<u8> {
    use wirecheck::batch;
    if let Some(c) = &config {
        Policy::load(c)?; // a bad --config is a bad argument, not a per-pair error
    }
    let pairs = batch::plan(dirs)?;
    let jobs = match jobs {
        Some(j) if j > batch::MAX_JOBS => {
            eprintln!("note: --jobs {j} is capped at {}", batch::MAX_JOBS);
            Some(batch::MAX_JOBS)
        }
        j => j,
    };
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(pairs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} pairs {elapsed} {wide_msg}",
        ) {
            pb.set_style(style);
        }
        pb
    });
    let opts = batch::BatchOptions {
        report_dir,
        config,
        fail_on,
        jobs,
        cache_dir: source.cache_dir,
        offline: source.offline,
        refetch: source.refetch,
    };
    let outcome = batch::run(&pairs, &opts, &|o: &batch::PairOutcome| {
        if let Some(pb) = &bar {
            pb.set_message(wirecheck::util::escape_control(&o.pair.slug).into_owned());
            pb.inc(1);
        }
    })?;
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    for o in &outcome.pairs {
        if let Err(e) = &o.result {
            eprintln!("error: {}", wirecheck::util::escape_control(&e.to_string()));
        }
    }
    println!(
        "{} pairs: {} pass, {} fail, {} could not be checked; open {}",
        outcome.pairs.len(),
        outcome.count(batch::PairVerdict::Pass),
        outcome.count(batch::PairVerdict::Fail),
        outcome.count(batch::PairVerdict::Error),
        outcome.index.display()
    );
    Ok(outcome.exit_code())
}

/// Refuse to write a report over one of the inputs.
fn guard_not_input(out: &Path, inputs: &[&Path]) -> Result<()> {
    let o = std::fs::canonicalize(out).ok();
    for i in inputs {
        if let (Some(o), Ok(i)) = (&o, std::fs::canonicalize(i)) {
            if *o == i {
                bail!(
                    "{}: refusing to write the report over an input file",
                    out.display()
                );
            }
        }
    }
    Ok(())
}

/// Reports are written atomically (temp file + rename), like every other file.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    Ok(wirecheck::atomic::write_atomic(path, bytes)?)
}

fn run_eval(dirs: &[PathBuf], verbose: bool, json: bool) -> Result<u8> {
    let started = Instant::now();
    let policy = Policy::default();
    let mut total = eval::Score::default();
    let mut per_pair = eval::PairScores::new();
    let mut n = 0;
    for d in dirs {
        if !d.is_dir() {
            bail!("{}: not a directory", d.display());
        }
        for pair in eval::find_gold_pairs(d) {
            let pd = PairDir::open(&pair)?;
            let gold_path = pd.gold.clone().expect("found by gold.tsv");
            let gold_text = wirecheck::util::read_capped_string(&gold_path)
                .with_context(|| gold_path.display().to_string())?;
            let gold = eval::Gold::parse(&gold_text, &gold_path.display().to_string())?;
            let fr = source::load_path(&pd.fr)?;
            let en = match &pd.en {
                Some(p) => source::load_path(p)?,
                None => continue,
            };
            let fr_d =
                wirecheck::document::Dispatch::parse(&fr.document, wirecheck::lang::Lang::Fr);
            let en_d =
                wirecheck::document::Dispatch::parse(&en.document, wirecheck::lang::Lang::En);
            let names = policy.exonyms();
            let a = wirecheck::align::align(&fr_d, &en_d, &names, &policy);
            let s = eval::score(
                &a.beads,
                &gold,
                fr_d.paragraphs.len(),
                en_d.paragraphs.len(),
            );
            if verbose && !json {
                println!(
                    "{:<50} strict P {:.3} R {:.3} F1 {:.3}  link F1 {:.3}  null {}/{} found ({} predicted)",
                    pair.display(),
                    s.bead_p(),
                    s.bead_r(),
                    s.bead_f1(),
                    s.link_f1(),
                    s.null_tp,
                    s.null_gold,
                    s.null_pred
                );
            }
            total.add(&s);
            per_pair.insert(pair.display().to_string(), s);
            n += 1;
        }
    }
    if n == 0 {
        bail!(
            "no pair folder with gold.tsv under {}",
            dirs.iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let secs = started.elapsed().as_secs_f64();
    if json {
        let v = serde_json::json!({
            "pairs": n,
            "strict": {"precision": total.bead_p(), "recall": total.bead_r(), "f1": total.bead_f1()},
            "link_f1": total.link_f1(),
            "unaligned": {"precision": total.null_p(), "recall": total.null_r(), "found": total.null_tp, "gold": total.null_gold, "predicted": total.null_pred},
            "seconds": secs,
            "per_pair": per_pair,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "{n} pairs  strict P {:.3} R {:.3} F1 {:.3}  link F1 {:.3}  unaligned P {:.3} R {:.3} ({}/{})  {:.2}s",
            total.bead_p(),
            total.bead_r(),
            total.bead_f1(),
            total.link_f1(),
            total.null_p(),
            total.null_r(),
            total.null_tp,
            total.null_gold,
            secs
        );
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    /// clap's own consistency checks on the command line definition (duplicate
    /// flags, defaults outside the possible values, conflicting names), which would
    /// otherwise only show when a user runs the command that breaks them.
    #[test]
    fn command_line_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
