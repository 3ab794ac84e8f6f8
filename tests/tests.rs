//! The one integration test binary (`cargo test --test integration`), one module per
//! area, as ripgrep does: a single binary links once and runs every test in one
//! process. Shared helpers are in `util` (the `wirecheck` command, fixtures, temporary
//! pair folders, hand-built reports, the loopback HTTP server); a helper needed by
//! two modules goes there, not into a second copy.

mod util;

mod align_short;
mod bad_input;
mod batch;
mod browser;
mod checks;
mod ci_formats;
mod cli;
mod credits;
mod desk_reports;
mod docs;
mod every_check;
mod fetch;
mod inputs;
mod long_align;
mod names;
mod numbers_dates;
mod pair_reports;
mod pairs;
mod report_csv;
mod report_html;
mod serve;
mod snapshots;
mod usage;
mod waivers;
mod wire_formats;
