//! The `clausediff` command: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 success; 1 differences found (only with `--exit-code`);
//! 2 usage or input error.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use clausediff::catalog::{Catalog, Entry};
use clausediff::diagnostic::Diagnostic;
use clausediff::load::{self, Inputs};
use clausediff::model::Agreement;
use clausediff::render::{self, Format, RenderOptions};
use clausediff::schema::{self, SchemaKind};
use clausediff::{diff, gaps, listing, matrix, output, report, validate};

const EXIT_DIFFERENCES: u8 = 1;
const EXIT_ERROR: u8 = 2;

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  differences found (only with --exit-code)
  2  usage or input error

Agreements are named by id, alias or file path. The bundled agreements are
compiled in; --agreements DIR and file paths add to or override them.";

#[derive(Parser, Debug)]
#[command(
    name = "clausediff",
    version,
    about = "Compare international agreements clause by clause: who owes what to whom, by when, enforced how, checked by whom",
    after_help = AFTER_HELP
)]
struct Cli {
    /// Add the agreement and registry files in DIR (repeatable); an agreement
    /// with a bundled id overrides the bundled one.
    #[arg(long = "agreements", value_name = "DIR", global = true)]
    agreement_dirs: Vec<PathBuf>,

    /// When to colour terminal output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,

    /// Print only results and errors: no warnings or summaries.
    #[arg(short, long, global = true)]
    quiet: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the agreements: id, aliases, title, status, date, parties, clauses.
    #[command(after_help = "Example:\n  clausediff list --format markdown")]
    List(OutputArgs),

    /// Show the clauses of one agreement.
    #[command(
        after_help = "Example:\n  clausediff show doha\n  clausediff show doha --format json"
    )]
    Show {
        /// Agreement id, alias or file.
        agreement: String,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Validate the bundled agreements plus the given files and folders.
    #[command(
        after_help = "Example:\n  clausediff check my-agreements/\n\nErrors exit 2; warnings (commitments whose enforcement or monitoring is\nnot stated) exit 0."
    )]
    Check {
        /// Agreement or registry files, or folders of them; `-` reads standard input.
        paths: Vec<PathBuf>,
    },

    /// Print the JSON Schema of agreement (or registry) files.
    #[command(after_help = "Example:\n  clausediff schema > agreement.schema.json")]
    Schema {
        /// Which file the schema describes.
        #[arg(long, value_enum, default_value_t = SchemaChoice::Agreement)]
        kind: SchemaChoice,
    },

    /// The gap table: where two or more agreements differ, dimension by dimension, with evidence.
    #[command(
        after_help = "Example:\n  clausediff gaps doha afg-pak-proposal-2026 --format markdown"
    )]
    Gaps {
        /// Two or more agreements (ids, aliases or files).
        #[arg(required = true)]
        agreements: Vec<String>,
        /// Replace the bundled checklist of expected topics with FILE.
        #[arg(long, value_name = "FILE")]
        checklist: Option<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
        /// Exit 1 when the agreements differ.
        #[arg(long)]
        exit_code: bool,
    },

    /// Align the clauses of two agreements and diff each pair field by field.
    #[command(after_help = "Example:\n  clausediff diff us-taliban-2020 us-afghanistan-2020")]
    Diff {
        /// The first agreement (id, alias or file).
        a: String,
        /// The second agreement (id, alias or file).
        b: String,
        #[command(flatten)]
        output: OutputArgs,
        /// Exit 1 when the agreements differ.
        #[arg(long)]
        exit_code: bool,
    },

    /// Topics × agreements, with PA-X-style depth and clause ids.
    #[command(
        after_help = "Example:\n  clausediff matrix doha afg-pak-geneva-1988 afg-pak-proposal-2026"
    )]
    Matrix {
        /// Two or more agreements (ids, aliases or files).
        #[arg(required = true)]
        agreements: Vec<String>,
        #[command(flatten)]
        output: OutputArgs,
        /// Exit 1 when coverage differs.
        #[arg(long)]
        exit_code: bool,
    },

    /// A self-contained HTML report: gap table, dyad graph, timeline, matrix, redlines.
    #[command(
        after_help = "Example:\n  clausediff report doha afg-pak-proposal-2026 -o report.html\n\nThe page has no scripts and makes no requests: open it offline, e-mail it,\nor print it to PDF (A4)."
    )]
    Report(ReportArgs),

    /// Redline two agreement texts: provisions aligned (moves found), word-level changes.
    #[command(
        after_help = "Example:\n  clausediff redline us-peru.txt us-colombia.txt --format html -o redline.html\n\nInputs: plain text or Markdown (split at headings such as `ARTICLE 1.1: Title`,\n`Article 5`, `Section 2`, `PART ONE`, `CHAPTER 3`, `# Heading`), ToTA treaty XML, or an\nencoded agreement (id, alias or .toml/.json file: each clause is a provision)."
    )]
    Redline(RedlineArgs),

    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  clausediff completions bash > /etc/bash_completion.d/clausediff"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  clausediff man > clausediff.1 && man ./clausediff.1")]
    Man,
}

#[derive(Args, Debug, Clone)]
struct RedlineArgs {
    /// The old text: a file, `-` for standard input, or an agreement id or alias.
    old: String,
    /// The new text: a file, `-` for standard input, or an agreement id or alias.
    new: String,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = RedlineFormatChoice::Terminal)]
    format: RedlineFormatChoice,
    /// Input format of both texts (detected from extension and content by default).
    #[arg(long = "from", value_enum, default_value_t = InputChoice::Auto)]
    from: InputChoice,
    /// A line matching REGEX starts a provision (replaces the built-in heading
    /// rules); the named group `locator` (or group 1) is its locator.
    #[arg(long, value_name = "REGEX")]
    split: Option<String>,
    /// Write to FILE (whole or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Exit 1 when the texts differ.
    #[arg(long)]
    exit_code: bool,
    /// Worker threads for long texts; 0 picks by input size. The result never
    /// depends on it.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum RedlineFormatChoice {
    Terminal,
    Markdown,
    Html,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputChoice {
    Auto,
    Text,
    Markdown,
    Tota,
    /// An encoded agreement: each clause is a provision.
    Agreement,
}

#[derive(Args, Debug, Clone)]
struct ReportArgs {
    /// Two or more agreements (ids, aliases or files); the first is compared
    /// clause by clause with each of the others.
    #[arg(required = true)]
    agreements: Vec<String>,
    /// Replace the bundled checklist of expected topics with FILE.
    #[arg(long, value_name = "FILE")]
    checklist: Option<PathBuf>,
    /// Write the page to FILE (whole or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
struct OutputArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FormatChoice::Table)]
    format: FormatChoice,
    /// Write to FILE (whole or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatChoice {
    Table,
    Markdown,
    Csv,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum SchemaChoice {
    Agreement,
    Actors,
    Groups,
    Topics,
    Checklist,
}

/// A failure reported to the user and mapped to exit code 2.
struct Failure {
    diagnostics: Vec<Diagnostic>,
}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Self {
            diagnostics: vec![diagnostic],
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            for diagnostic in &failure.diagnostics {
                let _ = write!(stderr, "{diagnostic}");
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run(cli: &Cli) -> Result<u8, Failure> {
    match &cli.command {
        Command::Check { paths } => check(cli, paths),
        Command::Schema { kind } => {
            let kind = match kind {
                SchemaChoice::Agreement => SchemaKind::Agreement,
                SchemaChoice::Actors => SchemaKind::Actors,
                SchemaChoice::Groups => SchemaKind::Groups,
                SchemaChoice::Topics => SchemaKind::Topics,
                SchemaChoice::Checklist => SchemaKind::Checklist,
            };
            emit(&schema::schema_json(kind), None)?;
            Ok(0)
        }
        Command::Report(args) => {
            at_least_two(&args.agreements)?;
            let catalog = load_catalog(cli, file_args(&args.agreements))?;
            let entries = resolve(&catalog, &args.agreements)?;
            let checklist = checklist_for(&catalog, args.checklist.as_deref())?;
            let data = report::ReportData::new(&catalog, entries, &checklist);
            emit(&report::render(&data), args.output.as_deref())?;
            Ok(0)
        }
        Command::Redline(args) => redline_command(cli, args),
        Command::Completions { shell } => {
            let mut buffer = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "clausediff", &mut buffer);
            emit(&String::from_utf8_lossy(&buffer), None)?;
            Ok(0)
        }
        Command::Man => {
            let mut buffer = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut buffer)
                .map_err(|err| {
                    Failure::from(Diagnostic::error(
                        "<man>",
                        format!("cannot render the manual: {err}"),
                    ))
                })?;
            emit(&String::from_utf8_lossy(&buffer), None)?;
            Ok(0)
        }
        Command::List(out) => {
            let catalog = load_catalog(cli, Vec::new())?;
            let text = match out.format {
                FormatChoice::Json => render::to_json(&listing::list_rows(&catalog)),
                _ => {
                    render::render_grids(&[listing::list_grid(&catalog)], &render_options(cli, out))
                }
            };
            emit(&text, out.output.as_deref())?;
            Ok(0)
        }
        Command::Show {
            agreement,
            output: out,
        } => {
            let names = std::slice::from_ref(agreement);
            let catalog = load_catalog(cli, file_args(names))?;
            let entries = resolve(&catalog, names)?;
            let text = match out.format {
                FormatChoice::Json => render::to_json(&entries[0].value),
                _ => render::render_grids(
                    &listing::show_grids(&catalog, entries[0]),
                    &render_options(cli, out),
                ),
            };
            emit(&text, out.output.as_deref())?;
            Ok(0)
        }
        Command::Gaps {
            agreements,
            checklist,
            output: out,
            exit_code,
        } => {
            at_least_two(agreements)?;
            let catalog = load_catalog(cli, file_args(agreements))?;
            let entries = resolve(&catalog, agreements)?;
            let checklist = checklist_for(&catalog, checklist.as_deref())?;
            let report = gaps::gaps(&catalog, &entries, &checklist);
            let text = match out.format {
                FormatChoice::Json => render::to_json(&report),
                _ => render::render_grids(
                    &[gaps::to_grid(&report, out.format == FormatChoice::Table)],
                    &render_options(cli, out),
                ),
            };
            emit(&text, out.output.as_deref())?;
            Ok(differences(*exit_code, report.has_differences()))
        }
        Command::Diff {
            a,
            b,
            output: out,
            exit_code,
        } => {
            let names = [a.clone(), b.clone()];
            let catalog = load_catalog(cli, file_args(&names))?;
            let entries = resolve(&catalog, &names)?;
            let report = diff::diff(&catalog, &entries[0].value, &entries[1].value);
            let text = match out.format {
                FormatChoice::Json => render::to_json(&report),
                _ => render::render_grids(&diff::to_grids(&report), &render_options(cli, out)),
            };
            emit(&text, out.output.as_deref())?;
            Ok(differences(*exit_code, report.has_differences()))
        }
        Command::Matrix {
            agreements,
            output: out,
            exit_code,
        } => {
            at_least_two(agreements)?;
            let catalog = load_catalog(cli, file_args(agreements))?;
            let entries = resolve(&catalog, agreements)?;
            let m = matrix::matrix(&catalog, &entries);
            let text = match out.format {
                FormatChoice::Json => render::to_json(&m),
                _ => render::render_grids(&[matrix::to_grid(&m)], &render_options(cli, out)),
            };
            emit(&text, out.output.as_deref())?;
            Ok(differences(*exit_code, m.has_differences()))
        }
    }
}

fn differences(exit_code: bool, found: bool) -> u8 {
    if exit_code && found {
        EXIT_DIFFERENCES
    } else {
        0
    }
}

/// `check`: every problem in every file, then a one-line summary.
fn check(cli: &Cli, paths: &[PathBuf]) -> Result<u8, Failure> {
    let inputs = Inputs {
        dirs: cli.agreement_dirs.clone(),
        paths: paths.to_vec(),
        skip_bundled_agreements: false,
    };
    let loaded = load::load(&inputs);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(validate::validate(&loaded.catalog));
    diagnostics.sort_by_key(Diagnostic::sort_key);
    // Given files of their own, users want their warnings, not the bundled
    // data's (errors are always shown: they stop every command).
    let own_files_only = !paths.is_empty() || !cli.agreement_dirs.is_empty();
    diagnostics.retain(|d| d.is_error() || !(own_files_only && d.in_bundled_data));
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let mut stderr = std::io::stderr().lock();
    for diagnostic in &diagnostics {
        if diagnostic.is_error() || !cli.quiet {
            let _ = write!(stderr, "{diagnostic}");
        }
    }
    if !cli.quiet {
        let _ = writeln!(
            stderr,
            "checked {} files ({} agreements): {errors} error{}, {warnings} warning{}",
            loaded.files_read,
            loaded.catalog.agreements.len(),
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" },
        );
    }
    Ok(if errors > 0 { EXIT_ERROR } else { 0 })
}

/// Arguments that name files (rather than ids or aliases) are loaded too.
fn file_args(names: &[String]) -> Vec<PathBuf> {
    names
        .iter()
        .filter(|name| name.as_str() == "-" || Path::new(name).is_file())
        .map(PathBuf::from)
        .collect()
}

/// Loads and validates; any error stops the command (warnings are for `check`).
fn load_catalog(cli: &Cli, paths: Vec<PathBuf>) -> Result<Catalog, Failure> {
    let inputs = Inputs {
        dirs: cli.agreement_dirs.clone(),
        paths,
        skip_bundled_agreements: false,
    };
    let loaded = load::load(&inputs);
    let mut errors: Vec<Diagnostic> = loaded
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    errors.extend(
        validate::validate(&loaded.catalog)
            .into_iter()
            .filter(Diagnostic::is_error),
    );
    if errors.is_empty() {
        Ok(loaded.catalog)
    } else {
        errors.sort_by_key(Diagnostic::sort_key);
        Err(Failure {
            diagnostics: errors,
        })
    }
}

/// Resolves each name (file path, id or alias) to a loaded agreement.
fn resolve<'a>(
    catalog: &'a Catalog,
    names: &[String],
) -> Result<Vec<&'a Entry<Agreement>>, Failure> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for name in names {
        let by_file = if name == "-" {
            catalog.agreements.iter().find(|e| e.file.name == "<stdin>")
        } else if Path::new(name).is_file() {
            catalog.agreements.iter().find(|e| e.file.name == *name)
        } else {
            None
        };
        match by_file.or_else(|| catalog.agreement(name)) {
            Some(entry) => found.push(entry),
            None if Path::new(name).is_file() || name == "-" => problems.push(
                Diagnostic::error(name.as_str(), "this file holds no agreement").with_hint(
                    "registry files (actors, groups, topics, checklist) cannot be compared",
                ),
            ),
            None => {
                let known = catalog.agreement_names().join(", ");
                problems.push(
                    Diagnostic::error("<command line>", format!("unknown agreement `{name}`"))
                        .with_hint(format!(
                            "known ids and aliases: {known}; or give a file path"
                        )),
                );
            }
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(Failure {
            diagnostics: problems,
        })
    }
}

/// The bundled checklist, or the one given with `--checklist`, validated
/// against the catalog's topics.
fn checklist_for(
    catalog: &Catalog,
    path: Option<&Path>,
) -> Result<clausediff::model::Checklist, Failure> {
    let Some(path) = path else {
        return Ok(catalog.checklist());
    };
    let entries = load::load_checklist(path).map_err(|diagnostics| Failure { diagnostics })?;
    let errors: Vec<Diagnostic> = validate::check_checklist(catalog, &entries)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    if !errors.is_empty() {
        return Err(Failure {
            diagnostics: errors,
        });
    }
    Ok(clausediff::model::Checklist {
        items: entries.into_iter().map(|e| e.value).collect(),
    })
}

/// `redline OLD NEW`: texts or encoded agreements, aligned and word-diffed.
fn redline_command(cli: &Cli, args: &RedlineArgs) -> Result<u8, Failure> {
    use clausediff::redline::{self, InputFormat, RedlineOptions};
    let split = match &args.split {
        Some(pattern) => Some(regex::Regex::new(pattern).map_err(|err| {
            Failure::from(
                Diagnostic::error(
                    "<command line>",
                    format!("--split is not a valid regular expression: {err}"),
                )
                .with_hint("e.g. --split '^(?P<locator>Clause [0-9]+)'"),
            )
        })?),
        None => None,
    };
    let options = RedlineOptions {
        input_format: match args.from {
            InputChoice::Auto | InputChoice::Agreement => InputFormat::Auto,
            InputChoice::Text => InputFormat::Text,
            InputChoice::Markdown => InputFormat::Markdown,
            InputChoice::Tota => InputFormat::Tota,
        },
        split,
        threads: args.threads,
        ..RedlineOptions::default()
    };
    let old = redline_document(cli, &args.old, args.from, &options)?;
    let new = redline_document(cli, &args.new, args.from, &options)?;
    let result = redline::redline(&old, &new, &options);
    let format = match args.format {
        RedlineFormatChoice::Terminal => redline::Format::Terminal,
        RedlineFormatChoice::Markdown => redline::Format::Markdown,
        RedlineFormatChoice::Html => redline::Format::Html,
        RedlineFormatChoice::Json => redline::Format::Json,
    };
    let color = format == redline::Format::Terminal && args.output.is_none() && wants_color(cli);
    match &args.output {
        Some(path) => {
            let mut buffer = Vec::new();
            redline::render(&result, &old, &new, format, &mut buffer, color).map_err(|err| {
                Failure::from(Diagnostic::error(
                    "<output>",
                    format!("cannot render: {err}"),
                ))
            })?;
            write_file(path, &buffer)?;
        }
        None => {
            // Streamed: a redline of a long treaty is never held whole in memory.
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let written = redline::render(&result, &old, &new, format, &mut stdout, color)
                .and_then(|()| stdout.flush());
            match written {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(Failure::from(Diagnostic::error(
                        "<stdout>",
                        format!("cannot write: {err}"),
                    )));
                }
                _ => {}
            }
        }
    }
    Ok(differences(
        args.exit_code,
        result.summary.has_differences(),
    ))
}

/// One side of a redline: an encoded agreement (each clause a provision) or
/// a text file in one of the redline input formats.
fn redline_document(
    cli: &Cli,
    name: &str,
    from: InputChoice,
    options: &clausediff::redline::RedlineOptions,
) -> Result<clausediff::redline::Document, Failure> {
    use clausediff::redline;
    let path = Path::new(name);
    let is_file = name == "-" || path.is_file();
    if !is_file && (name.contains(std::path::MAIN_SEPARATOR) || path.extension().is_some()) {
        return Err(Failure::from(Diagnostic::error(
            name,
            "no such file or folder",
        )));
    }
    let looks_encoded = is_file
        && matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "json")
        );
    if from == InputChoice::Agreement || (from == InputChoice::Auto && (!is_file || looks_encoded))
    {
        let names = [name.to_string()];
        let catalog = load_catalog(cli, file_args(&names))?;
        let entry = resolve(&catalog, &names)?[0];
        let agreement = &entry.value;
        return Ok(redline::Document {
            name: agreement.id.clone(),
            format: redline::InputFormat::Text,
            provisions: agreement
                .clauses
                .iter()
                .map(|c| redline::Provision {
                    // The locator is shown, never compared: clauses align by text.
                    locator: format!("{} ({})", c.locator, c.id),
                    title: String::new(),
                    body: c.text.clone(),
                    line: 0,
                })
                .collect(),
        });
    }
    let loaded = if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(options.max_input_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| {
                Failure::from(Diagnostic::error("<stdin>", format!("cannot read: {err}")))
            })?;
        redline::parse_document(Path::new("<stdin>"), &bytes, options)
    } else {
        redline::load_document(path, options)
    };
    loaded.map_err(|err| Failure::from(redline_diagnostic(&err)))
}

/// A redline input error as a located diagnostic: the file, and for XML and
/// UTF-8 errors the line and column with the offending line shown.
fn redline_diagnostic(err: &clausediff::redline::RedlineError) -> Diagnostic {
    use clausediff::diagnostic::Location;
    use clausediff::redline::RedlineError;
    let file = err.path().display().to_string();
    let located = |line: usize, column: usize| {
        let text = std::fs::read(err.path())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default();
        Some(Location::of_line_column(&text, line, column))
    };
    let (message, location) = match err {
        RedlineError::Xml {
            line,
            column,
            message,
            ..
        } => (format!("malformed XML: {message}"), located(*line, *column)),
        RedlineError::InvalidUtf8 {
            offset,
            line,
            column,
            ..
        } => (
            format!("not valid UTF-8 at byte offset {offset}; convert the file to UTF-8 first"),
            located(*line, *column),
        ),
        other => {
            let message = other.to_string();
            let message = message
                .strip_prefix(&format!("{file}:"))
                .unwrap_or(&message)
                .trim_start()
                .to_string();
            (message, None)
        }
    };
    Diagnostic::error(file, message).at(location)
}

/// Whether terminal output may be coloured: `--color`, then `NO_COLOR`, then
/// whether standard output is a terminal.
fn wants_color(cli: &Cli) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && !no_color,
    }
}

/// Comparison commands need at least two agreements.
fn at_least_two(names: &[String]) -> Result<(), Failure> {
    if names.len() < 2 {
        return Err(Failure::from(
            Diagnostic::error("<command line>", "name at least two agreements to compare")
                .with_hint("e.g. clausediff gaps doha afg-pak-proposal-2026"),
        ));
    }
    Ok(())
}

fn render_options(cli: &Cli, out: &OutputArgs) -> RenderOptions {
    let stdout_is_terminal = std::io::stdout().is_terminal() && out.output.is_none();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout_is_terminal && !no_color,
    } && out.output.is_none();
    let width = if stdout_is_terminal {
        comfy_table::Table::new().width()
    } else {
        None
    }
    .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
    .unwrap_or(120);
    RenderOptions {
        format: match out.format {
            FormatChoice::Table => Format::Table,
            FormatChoice::Markdown => Format::Markdown,
            FormatChoice::Csv => Format::Csv,
            FormatChoice::Json => Format::Json,
        },
        color,
        width,
    }
}

/// Writes an output file whole or not at all (`-o`).
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    output::write_atomic(path, bytes).map_err(|err| {
        Failure::from(
            Diagnostic::error(
                path.display().to_string(),
                format!("cannot write output: {err}"),
            )
            .with_hint("check that the folder exists and is writable"),
        )
    })
}

/// Prints to standard output, or writes the file whole.
fn emit(text: &str, path: Option<&Path>) -> Result<(), Failure> {
    match path {
        Some(path) => write_file(path, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => Ok(()),
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(err) => Err(Failure::from(Diagnostic::error(
                    "<stdout>",
                    format!("cannot write: {err}"),
                ))),
            }
        }
    }
}
