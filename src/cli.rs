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
    Checks,
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
