//! Command-line arguments (clap derive). Parsing only; `main.rs` runs them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "wirecheck",
    version,
    about = "Check a French wire dispatch against its English source"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Csv,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
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
    /// Fetch the live source again and report what changed since the snapshot
    #[arg(long)]
    pub refetch: bool,
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
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Write the report to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Policy file (default: wirecheck.toml found by walking up from the pair)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Lowest severity that fails the gate (overrides the config)
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnArg>,
    /// Print the effective policy as TOML and exit
    #[arg(long)]
    pub dump_config: bool,
    /// Also write the alignment as CSV to FILE
    #[arg(long, value_name = "FILE")]
    pub alignment_csv: Option<PathBuf>,
    /// Text format: hide the alignment table
    #[arg(long)]
    pub no_alignment: bool,
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check one pair and gate it
    Check(CheckArgs),
    /// Check every pair folder below the given directories, writing reports
    Batch {
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        #[arg(long, value_name = "DIR", default_value = "reports")]
        report_dir: PathBuf,
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        #[arg(long, value_enum)]
        fail_on: Option<FailOnArg>,
        /// No progress bar
        #[arg(long, short)]
        quiet: bool,
        /// Worker threads (default: all cores)
        #[arg(long)]
        jobs: Option<usize>,
        #[command(flatten)]
        source: SourceArgs,
    },
    /// Snapshot an English source into a pair folder (en.html + en.meta.json)
    Fetch {
        url: String,
        #[arg(long, value_name = "DIR")]
        output: PathBuf,
        /// Replace an existing snapshot
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        source: SourceArgs,
    },
    /// List every check id, default severity and summary
    Checks {
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Serve the checks over HTTP for an editorial system, with a desk page at /
    Serve(ServeArgs),
    /// Explain one check: what, why, example, configuration
    Explain { id: String },
    /// Measure the aligner against gold.tsv in every pair folder below DIR
    Eval {
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Per-pair lines too
        #[arg(long, short)]
        verbose: bool,
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
    /// Checks run at once (default: the number of CPU cores)
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
