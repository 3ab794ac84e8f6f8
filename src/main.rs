//! The `wirecheck` binary: parse arguments, load policy and sources, run the
//! library, render, and map the outcome to the contract's exit status
//! (0 pass, 1 fail, 2 could not check).

mod cli;

/// mimalloc: the checks allocate many small strings and vectors per paragraph, and
/// glibc's allocator spent about a tenth of a long pair's check on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            eprintln!("{}", usage_error_line(&e.to_string()));
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

/// clap's usage error as the contract's one line: what is wrong, what is missing or
/// the valid values, and clap's "did you mean" tip, without the usage block.
/// `the following required arguments were not provided:\n  --en <PATH|URL>` becomes
/// `error: the following required arguments were not provided: --en <PATH|URL>`.
fn usage_error_line(msg: &str) -> String {
    let mut out = String::new();
    for line in msg.lines() {
        let t = line.trim();
        if t.starts_with("Usage:") || t.starts_with("For more information") {
            break;
        }
        if t.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(t);
        } else if out.ends_with(':') || t.starts_with('[') {
            out.push(' ');
            out.push_str(t);
        } else if t.starts_with("tip:") {
            out.push_str("; ");
            out.push_str(t);
        } else {
            out.push_str(", ");
            out.push_str(t);
        }
    }
    if out.is_empty() {
        out.push_str("error: bad arguments");
    }
    format!("{out} (see --help)")
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Checks { format } => {
            if format == cli::ListFormat::Json {
                let list = serde_json::to_string_pretty(&checks::catalog())?;
                println!("{list}");
                return Ok(0);
            }
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
            let m = wirecheck::finding::CheckId::parse_loose(&id)
                .map(checks::get)
                .ok_or_else(|| {
                    anyhow!(
                        "unknown check id `{id}`{} (see `wirecheck checks`)",
                        wirecheck::finding::CheckId::did_you_mean(&id)
                    )
                })?
                .meta();
            println!("{}", checks::explain_text(m));
            Ok(0)
        }
        Command::Serve(args) => run_serve(args),
        Command::Eval {
            dirs,
            verbose,
            json,
        } => run_eval(&dirs, verbose, json),
        Command::Batch {
            dirs,
            report_dir,
            config,
            waivers,
            fail_on: fail_on_arg,
            quiet,
            bom,
            jobs,
            source,
            refetch,
        } => run_batch(
            &dirs,
            quiet,
            wirecheck::batch::BatchOptions {
                report_dir,
                config,
                fail_on: fail_on_arg.map(fail_on),
                waivers,
                bom,
                jobs,
                cache_dir: source.cache_dir,
                offline: source.offline,
                refetch,
            },
        ),
        Command::Fetch {
            url,
            output,
            force,
            source,
        } => run_fetch(&url, &output, force, &source),
    }
}

/// `--dump-config`: the effective policy as TOML, with the level of every check
/// (its default unless the policy sets one), so that nothing is left implicit.
fn effective_toml(policy: &Policy) -> String {
    let mut full = policy.clone();
    for c in checks::REGISTRY {
        let id = c.meta().id;
        let level = policy.level(id).unwrap_or(match c.meta().default_severity {
            wirecheck::finding::Severity::Error => wirecheck::policy::Level::Error,
            wirecheck::finding::Severity::Warning => wirecheck::policy::Level::Warning,
            wirecheck::finding::Severity::Info => wirecheck::policy::Level::Info,
        });
        full.checks.insert(id.as_str().to_string(), level);
    }
    let sources = if policy.sources.is_empty() {
        "# the built-in defaults (no wirecheck.toml found)\n".to_string()
    } else {
        let list: Vec<String> = policy
            .sources
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        format!("# read from {}\n", list.join(", "))
    };
    format!("{sources}{}", full.to_toml())
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
fn source_options(args: &cli::SourceArgs, refetch: bool, policy: &Policy) -> source::SourceOptions {
    source::SourceOptions::new(args.cache_dir.clone(), args.offline, refetch, &policy.fetch)
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
    let w = source::snapshot_url(url, output, force, &source_options(args, false, &policy))?;
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
        _ if args.dump_config => {
            // no pair: the policy of the current folder (--config, else wirecheck.toml above it)
            let policy = load_policy(args.config.as_deref(), Some(Path::new(".")), args.fail_on)?;
            print!("{}", effective_toml(&policy));
            return Ok(0);
        }
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
        print!("{}", effective_toml(&policy));
        return Ok(0);
    }
    let sopts = source_options(&args.source, args.refetch, &policy);
    let report = match &pair {
        Some(pd) => {
            let mut pd = pd.clone();
            if let Some(w) = &args.waivers {
                pd.waivers = Some(w.clone());
            }
            pipeline::check_pair_dir(&pd, &policy, &sopts)?
        }
        None => {
            // --waivers, else the waivers.toml beside the French file
            let waivers_path = args.waivers.clone().or_else(|| {
                (fr_path.as_os_str() != "-")
                    .then(|| {
                        fr_path
                            .parent()
                            .unwrap_or(Path::new(""))
                            .join("waivers.toml")
                    })
                    .filter(|p| p.is_file())
            });
            let waivers = waivers_path
                .as_deref()
                .map(wirecheck::waivers::Waivers::load)
                .transpose()?;
            let fr = source::load_path(&fr_path)?;
            let source::English { loaded: en, drift } = load_en(&en_spec, None, &sopts)?;
            pipeline::check_pair(
                &fr,
                &en,
                &policy,
                pipeline::PairOptions {
                    waivers: waivers.as_ref(),
                    drift,
                },
            )
        }
    };
    let pair_label = match &pair {
        Some(pd) => folder_label(&pd.dir),
        None => report.fr.source.clone(),
    };
    let out = render(
        &report,
        args.format,
        !args.no_alignment,
        args.output.is_none(),
        &pair_label,
        args.bom,
    )?;
    for path in args.output.iter().chain(&args.alignment_csv) {
        guard_folder_exists(path)?;
    }
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
    bom: bool,
) -> Result<String> {
    Ok(match format {
        OutputFormat::Json => report::json::render(r),
        OutputFormat::Text => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let color = to_stdout && std::io::stdout().is_terminal() && !no_color;
            report::text::render(r, &report::text::TextOptions { color, alignment })
        }
        OutputFormat::Csv => report::csv::with_bom(report::csv::render_findings(r, pair)?, bom),
        OutputFormat::Html => report::html::render(r),
        OutputFormat::Junit => report::junit::render(r, pair),
        OutputFormat::Sarif => {
            let read = |p: &str| {
                let path = Path::new(p);
                let text_file = path.extension().is_some_and(|e| e == "txt" || e == "md");
                text_file
                    .then(|| std::fs::read_to_string(path).ok())
                    .flatten()
            };
            let (fr, en) = (read(&r.fr.source), read(&r.en.source));
            report::sarif::render(
                r,
                report::sarif::Sources {
                    fr: fr.as_deref(),
                    en: en.as_deref(),
                },
            )
        }
    })
}

/// `serve`: the checks over HTTP until SIGTERM or Ctrl-C.
fn run_serve(args: cli::ServeArgs) -> Result<u8> {
    let policy = match &args.config {
        Some(c) => Policy::load(c)?,
        None => Policy::default(),
    };
    let token = args
        .token
        .clone()
        .or_else(|| std::env::var("WIRECHECK_TOKEN").ok())
        .filter(|t| !t.trim().is_empty());
    let workers = args.workers.map_or_else(
        || std::thread::available_parallelism().map_or(2, |n| n.get()),
        |n| n as usize,
    );
    wirecheck::serve::run(wirecheck::serve::ServeConfig {
        listen: args.listen,
        token,
        allow_fetch: args.allow_fetch,
        max_body: args.max_body,
        timeout: std::time::Duration::from_secs(args.timeout),
        workers,
        max_inflight: args.max_inflight as usize,
        policy,
        log: std::sync::Arc::new(|line: &str| {
            let mut e = std::io::stderr().lock();
            let _ = writeln!(e, "{line}");
        }),
    })?;
    Ok(0)
}

/// `batch`: plan, check in parallel with a progress bar on a TTY, write the reports,
/// then one line per pair that could not be checked (stderr) and a summary (stdout).
fn run_batch(
    dirs: &[PathBuf],
    quiet: bool,
    mut opts: wirecheck::batch::BatchOptions,
) -> Result<u8> {
    use wirecheck::batch;
    if let Some(c) = &opts.config {
        Policy::load(c)?; // a bad --config is a bad argument, not a per-pair error
    }
    if let Some(w) = &opts.waivers {
        wirecheck::waivers::Waivers::load(w)?; // the same for a bad --waivers
    }
    let pairs = batch::plan(dirs)?;
    if let Some(j) = opts.jobs.filter(|&j| j > batch::MAX_JOBS) {
        eprintln!("note: --jobs {j} is capped at {}", batch::MAX_JOBS);
        opts.jobs = Some(batch::MAX_JOBS);
    }
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(pairs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} pairs {elapsed} {wide_msg}",
        ) {
            pb.set_style(style);
        }
        pb
    });
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
    let n = outcome.pairs.len();
    println!(
        "{n} {}: {} pass, {} fail, {} could not be checked; open {}",
        if n == 1 { "pair" } else { "pairs" },
        outcome.count(batch::PairVerdict::Pass),
        outcome.count(batch::PairVerdict::Fail),
        outcome.count(batch::PairVerdict::Error),
        outcome.index.display()
    );
    Ok(outcome.exit_code())
}

/// A pair folder as the CSV `pair` column names it: the path as given, or the
/// folder's own name when the path has none (`check .` is the folder's name, not `.`).
fn folder_label(dir: &Path) -> String {
    let given = dir.display().to_string();
    if dir.file_name().is_some() && !given.ends_with("..") {
        return given;
    }
    std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or(given)
}

/// Refuse an output path whose folder does not exist (never create folders on the
/// way: a typo in `-o` must not leave a tree of folders behind).
fn guard_folder_exists(out: &Path) -> Result<()> {
    let dir = out.parent().filter(|d| !d.as_os_str().is_empty());
    match dir {
        Some(d) if !d.is_dir() => bail!(
            "{}: the folder {} does not exist (create it first)",
            out.display(),
            d.display()
        ),
        _ => Ok(()),
    }
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

    /// `--help` explains every argument of every command.
    #[test]
    fn every_argument_has_help_text() {
        use clap::CommandFactory;
        let cli = super::Cli::command();
        let mut missing = Vec::new();
        for sub in cli.get_subcommands() {
            for a in sub.get_arguments() {
                let id = a.get_id().as_str();
                if id != "help" && id != "version" && a.get_help().is_none() {
                    missing.push(format!("{} {id}", sub.get_name()));
                }
            }
        }
        assert!(missing.is_empty(), "no help text: {missing:?}");
    }

    #[test]
    fn usage_errors_keep_what_is_missing_and_the_tips() {
        let line = super::usage_error_line(
            "error: the following required arguments were not provided:\n  <URL>\n  --output <DIR>\n\nUsage: wirecheck fetch --output <DIR> <URL>\n\nFor more information, try '--help'.\n",
        );
        assert_eq!(
            line,
            "error: the following required arguments were not provided: <URL>, --output <DIR> (see --help)"
        );
        let line = super::usage_error_line(
            "error: unrecognized subcommand 'chek'\n\n  tip: a similar subcommand exists: 'check'\n\nUsage: wirecheck <COMMAND>\n",
        );
        assert!(
            line.contains("'chek'; tip: a similar subcommand exists: 'check'"),
            "{line}"
        );
    }
}
