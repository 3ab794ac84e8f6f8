//! Command-line arguments (clap derive). Parsing only; `main.rs` runs them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit status, at the end of `--help` (docs/contract.md, "Exit status").
pub const EXIT_CODES: &str = "\
Exit status:
  0  pass: no finding at or above --fail-on that is not waived (batch: every pair passes)
  1  fail: the gate failed (batch: at least one pair fails, every pair was checked)
  2  could not check: bad arguments or input, a bad policy or waiver file, a source that
     cannot be fetched (batch: at least one pair could not be checked)";

/// The exit status of `fetch`.
pub const FETCH_EXIT_CODES: &str = "\
Exit status:
  0  the snapshot was written
  2  it was not: bad arguments, the page cannot be fetched, or a snapshot is already
     there (--force replaces it)";

/// The exit status of `checks`, `explain` and `eval`.
pub const INFO_EXIT_CODES: &str = "\
Exit status:
  0  done
  2  bad arguments (an unknown check id, a folder with no pair) or an unreadable input";

#[derive(Parser, Debug)]
#[command(
    name = "wirecheck",
    version,
    about = "Check a French wire dispatch against its English source",
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Terminal text: alignment, credits, one line per finding
    Text,
    /// The contract's JSON report
    Json,
    /// One row per finding
    Csv,
    /// One self-contained page, both texts side by side
    Html,
    /// JUnit XML: one test case per check, failures for findings that fail the gate
    Junit,
    /// SARIF 2.1.0: one result per finding, at its file and paragraph lines
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    /// Fail on any error that is not waived (the default)
    Error,
    /// Fail on any warning or error that is not waived
    Warning,
    /// Never fail (report only)
    Never,
}

#[derive(Args, Debug, Clone, Default)]
pub struct SourceArgs {
    /// Directory for the fetch cache (default: the user's cache directory)
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Use only the cache; never touch the network
    #[arg(long)]
    pub offline: bool,
}

#[derive(Args, Debug, Clone)]
pub struct CheckArgs {
    /// A pair folder (fr.*, en.* or source.toml)
    #[arg(value_name = "PAIR_DIR", conflicts_with_all = ["fr", "en"])]
    pub pair: Option<PathBuf>,
    /// The French version (file, or - for stdin)
    #[arg(long, value_name = "PATH", requires = "en")]
    pub fr: Option<PathBuf>,
    /// The English source (file, URL, or - for stdin)
    #[arg(long, value_name = "PATH|URL", requires = "fr")]
    pub en: Option<String>,
    /// Report format
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Write the report to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Policy file (default: wirecheck.toml found by walking up from the pair)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Waivers file (default: waivers.toml in the pair folder, or beside the --fr file)
    #[arg(long, value_name = "FILE")]
    pub waivers: Option<PathBuf>,
    /// Lowest severity that fails the gate (overrides the config's fail-on)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOnArg>,
    /// Print the effective policy as TOML, with the level of every check, and exit
    /// (needs no pair: the policy is then found from the current folder)
    #[arg(long)]
    pub dump_config: bool,
    /// Also write the alignment as CSV to FILE
    #[arg(long, value_name = "FILE")]
    pub alignment_csv: Option<PathBuf>,
    /// Text format: hide the alignment table
    #[arg(long)]
    pub no_alignment: bool,
    /// CSV: start the file with a UTF-8 byte order mark (for spreadsheets that need one)
    #[arg(long)]
    pub bom: bool,
    #[command(flatten)]
    pub source: SourceArgs,
    /// Fetch the live source again and report what changed since the snapshot
    #[arg(long)]
    pub refetch: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check one pair and gate it
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Check every pair folder below the given directories, writing reports
    #[command(after_help = EXIT_CODES)]
    Batch {
        /// Folders to search for pair folders (a folder with fr.txt, fr.md or fr.html)
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        /// Where to write the reports, index.html and summary.csv
        #[arg(long, value_name = "DIR", default_value = "reports")]
        report_dir: PathBuf,
        /// One policy file for every pair (default: each pair's wirecheck.toml, found walking up)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// One waivers file for every pair, instead of each pair's waivers.toml
        #[arg(long, value_name = "FILE")]
        waivers: Option<PathBuf>,
        /// Lowest severity that fails the gate (overrides the config's fail-on)
        #[arg(long, value_enum, value_name = "LEVEL")]
        fail_on: Option<FailOnArg>,
        /// No progress bar
        #[arg(long, short)]
        quiet: bool,
        /// Start every CSV file with a UTF-8 byte order mark (for spreadsheets that need one)
        #[arg(long)]
        bom: bool,
        /// Worker threads (default: all cores)
        #[arg(long)]
        jobs: Option<usize>,
        #[command(flatten)]
        source: SourceArgs,
        /// Fetch the live sources again and report what changed since the snapshots
        #[arg(long)]
        refetch: bool,
    },
    /// Snapshot an English source into a pair folder (en.html + en.meta.json)
    #[command(after_help = FETCH_EXIT_CODES)]
    Fetch {
        /// The English page (http:// or https://)
        #[arg(value_name = "URL")]
        url: String,
        /// The pair folder to write en.html and en.meta.json into
        #[arg(long, short = 'o', value_name = "DIR")]
        output: PathBuf,
        /// Replace an existing snapshot
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        source: SourceArgs,
    },
    /// List every check id, default severity and summary
    #[command(after_help = INFO_EXIT_CODES)]
    Checks {
        /// text (a table) or json (the list `GET /v1/checks` serves)
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Serve the checks over HTTP for an editorial system, with a desk page at /
    Serve(ServeArgs),
    /// Explain one check: what, why, example, configuration
    #[command(after_help = INFO_EXIT_CODES)]
    Explain {
        /// A check id, as `wirecheck checks` lists them (case does not matter)
        #[arg(value_name = "CHECK_ID")]
        id: String,
    },
    /// Measure the aligner against gold.tsv in every pair folder below DIR
    #[command(after_help = INFO_EXIT_CODES)]
    Eval {
        /// Folders to search for pair folders with a gold.tsv
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        /// Per-pair lines too
        #[arg(long, short)]
        verbose: bool,
        /// Print the scores as one JSON object
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port; the bound address is printed on stderr)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: std::net::SocketAddr,
    /// Require `Authorization: Bearer TOKEN` on /v1/* and /metrics (default: $WIRECHECK_TOKEN)
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// Hosts the English may be fetched from by URL (`news.example`, `*.news.example`, `*`);
    /// private, loopback and link-local addresses only when named exactly
    #[arg(long, value_name = "HOST_PATTERN", num_args = 1..)]
    pub allow_fetch: Vec<String>,
    /// Largest request body, in bytes (suffixes K, M, KiB, MiB)
    #[arg(long, value_name = "SIZE", default_value = "4MiB", value_parser = parse_size)]
    pub max_body: usize,
    /// Longest time one request may take, in seconds (reading the body, fetching, checking)
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Checks run at once, each on a thread of its own (default: the number of CPU cores)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub workers: Option<u64>,
    /// Requests in progress at once; above it the server answers 503 at once
    #[arg(long, value_name = "N", default_value_t = 512, value_parser = clap::value_parser!(u64).range(1..=100000))]
    pub max_inflight: u64,
    /// The server's policy file (a request may send its own `config` instead)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `4MiB`, `512K`, `1000`: a size in bytes.
fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: usize = num.parse().map_err(|_| format!("`{s}` is not a size"))?;
    let mult: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        _ => return Err(format!("`{s}`: unknown unit (use K or M)")),
    };
    n.checked_mul(mult)
        .filter(|&b| b > 0 && b <= 1 << 30)
        .ok_or_else(|| format!("`{s}`: give a size between 1 byte and 1 GiB"))
}
