//! `policy-lens`: import, validate, print and compare policy version files.
//!
//! Exit codes: 0 ok, 1 the data is invalid, 2 could not run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand, ValueEnum};
use policy_lens_core as core;

#[derive(Parser)]
#[command(
    name = "policy-lens",
    version,
    about = "Import, validate, summarise and compare privacy-policy versions"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a policy document (plain text, Markdown or HTML) into a version file.
    Import {
        file: PathBuf,
        /// The document's format; by default from the file extension, else from the content.
        #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
        format: InputFormat,
        /// The text encoding (e.g. gb18030, gbk, big5); by default a BOM, an HTML meta
        /// charset, else UTF-8.
        #[arg(long)]
        encoding: Option<String>,
        /// The policy's title, when the document's own is not right.
        #[arg(long)]
        title: Option<String>,
        /// Stable policy id, e.g. `zeekr`.
        #[arg(long)]
        id: String,
        /// Version id: the capture date, YYYY-MM-DD or YYYY-MM.
        #[arg(long)]
        version: String,
        /// Language of the text; detected when absent.
        #[arg(long)]
        lang: Option<String>,
        /// The input is a side-by-side comparison listing; import this column.
        #[arg(long, value_enum)]
        column: Option<Column>,
        /// Output file; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Refresh the extractor's suggestions in a version file. Reviewed items and facets whose
    /// status a reviewer set are kept; the result is validated before it is written.
    Suggest {
        file: PathBuf,
        /// Output file; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Validate version files or folders of them.
    Validate {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the full text of a version.
    Text { file: PathBuf },
    /// Print the layered summary of a version.
    Summary {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
    },
    /// Compare two versions of one policy.
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the JSON Schema of the version file.
    Schema,
    /// Validate the version files under a folder, as `validate` does, then write each one's
    /// compact binary form (what the widget reads) to the same place under OUT, with `.bin`
    /// for `.json`. Nothing is written when any file is invalid.
    Pack { dir: PathBuf, out: PathBuf },
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Auto,
    Text,
    Markdown,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum Column {
    Left,
    Right,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Md,
    Json,
}

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so printing into a closed pipe (`policy-lens text v.json | head`)
    // would panic; the default ends the command quietly, as other tools do.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to the default, before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("policy-lens: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Loads a version file; invalid data is reported and turns into exit code 1.
fn load(path: &Path) -> anyhow::Result<Result<core::PolicyVersion, ExitCode>> {
    let bytes = read(path)?;
    match core::parse_version(&path.display().to_string(), &bytes) {
        Ok(v) => Ok(Ok(v)),
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            Ok(Err(ExitCode::from(1)))
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Import {
            file,
            format,
            encoding,
            title,
            id,
            version,
            lang,
            column,
            output,
        } => {
            let bytes = read(&file)?;
            let opts = core::ImportOptions {
                id,
                version,
                language: lang,
                source: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                format: match format {
                    InputFormat::Auto => core::Format::Auto,
                    InputFormat::Text => core::Format::Text,
                    InputFormat::Markdown => core::Format::Markdown,
                    InputFormat::Html => core::Format::Html,
                },
                encoding,
                title,
            };
            let result = match column {
                None => core::import_document(&bytes, &opts).map(|doc| {
                    for w in &doc.warnings {
                        eprintln!("{}: warning: {w}", file.display());
                    }
                    Ok(doc.version)
                }),
                Some(col) => core::decode_with(&bytes, opts.encoding.as_deref(), false)
                    .map(|d| d.text)
                    .map(|text| {
                        core::split_side_by_side(&text).map(|(l, r)| match col {
                            Column::Left => l,
                            Column::Right => r,
                        })
                    })
                    .map(|t| {
                        t.map(|t| core::import_text(&t, &opts)).ok_or_else(|| {
                            anyhow::anyhow!(
                                "--column: {} holds no side-by-side listing (numbered rows \
                                 \"N old-text N new-text\"); import it without --column",
                                file.display()
                            )
                        })
                    }),
            };
            let result = match result {
                Ok(Ok(v)) => Ok(v),
                Ok(Err(e)) => {
                    eprintln!("policy-lens import: {e}");
                    return Ok(ExitCode::from(2));
                }
                Err(e) => Err(e),
            };
            let v = match result {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("{}: {e}", file.display());
                    return Ok(ExitCode::from(1));
                }
            };
            // A bad --id, --version or --lang would make a file `validate` refuses: say so
            // now, and write nothing.
            let given: Vec<_> = core::validate(&file.display().to_string(), &v)
                .into_iter()
                .filter_map(|p| {
                    let flag = match p.path.as_str() {
                        "$.id" => "--id",
                        "$.version" => "--version",
                        "$.language" => "--lang",
                        _ => return None,
                    };
                    Some(format!("{flag}: {}", p.message))
                })
                .collect();
            if !given.is_empty() {
                for g in &given {
                    eprintln!("policy-lens import: {g}");
                }
                return Ok(ExitCode::from(2));
            }
            write_version(&v, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Suggest { file, output } => {
            let mut v = match load(&file)? {
                Ok(v) => v,
                Err(code) => return Ok(code),
            };
            let report = core::suggest(&mut v);
            let problems = core::validate(&file.display().to_string(), &v);
            if !problems.is_empty() {
                for p in problems {
                    eprintln!("{p}");
                }
                return Ok(ExitCode::from(1));
            }
            let counts: Vec<String> = report
                .counts()
                .iter()
                .map(|(facet, n)| format!("{facet} {n}"))
                .collect();
            eprintln!(
                "{}: suggested {}",
                file.display(),
                if counts.is_empty() {
                    "nothing".to_string()
                } else {
                    counts.join(", ")
                }
            );
            write_version(&v, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { paths } => {
            let (files, problems) = check(&paths)?;
            if problems.is_empty() {
                println!("{} files valid", files.len());
            }
            Ok(report(&problems, files.len()))
        }
        Command::Pack { dir, out } => {
            let (files, problems) = check(std::slice::from_ref(&dir))?;
            if !problems.is_empty() {
                return Ok(report(&problems, files.len()));
            }
            for (path, v) in &files {
                let rel = path.strip_prefix(&dir).unwrap_or(path);
                let target = out.join(rel).with_extension("bin");
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)
                        .with_context(|| format!("cannot create {}", parent.display()))?;
                }
                std::fs::write(&target, core::model::binary::to_binary(v))
                    .with_context(|| format!("cannot write {}", target.display()))?;
            }
            println!("{} files packed into {}", files.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Text { file } => Ok(match load(&file)? {
            Ok(v) => {
                print!("{}", core::text::full_text(&v));
                ExitCode::SUCCESS
            }
            Err(code) => code,
        }),
        Command::Summary { file, format } => Ok(match load(&file)? {
            Ok(v) => {
                let s = core::summarize(&v);
                match format {
                    Format::Json => println!("{}", serde_json::to_string_pretty(&s)?),
                    _ => print!("{}", core::summary::to_markdown(&v, &s)),
                }
                ExitCode::SUCCESS
            }
            Err(code) => code,
        }),
        Command::Diff { old, new, format } => {
            let (old, new) = match (load(&old)?, load(&new)?) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(c), _) | (_, Err(c)) => return Ok(c),
            };
            let d = match core::diff(&old, &new) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("policy-lens: {e}");
                    return Ok(ExitCode::from(1));
                }
            };
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&d)?),
                Format::Md => print!("{}", core::diff::to_markdown(&d)),
                Format::Text => print!("{}", core::diff::to_text(&d)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            println!("{}", schema_json());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads and validates every version file under `paths`, one by one and as a set.
type Checked = (Vec<(PathBuf, core::PolicyVersion)>, Vec<core::Problem>);
fn check(paths: &[PathBuf]) -> anyhow::Result<Checked> {
    let mut files = Vec::new();
    for p in paths {
        collect_json(p, &mut files)?;
    }
    if files.is_empty() {
        bail!(
            "no .json version files under {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut problems = Vec::new();
    let (mut paths, mut ok) = (Vec::new(), Vec::new());
    for f in files {
        let name = f.display().to_string();
        match core::parse_version(&name, &read(&f)?) {
            Ok(v) => {
                paths.push(f);
                ok.push((name, v));
            }
            Err(p) => problems.extend(p),
        }
    }
    problems.extend(core::validate_set(&ok));
    Ok((
        paths
            .into_iter()
            .zip(ok.into_iter().map(|(_, v)| v))
            .collect(),
        problems,
    ))
}

/// Prints the problems found; exit code 1 when there are any. `valid`: the files that parsed.
fn report(problems: &[core::Problem], valid: usize) -> ExitCode {
    for p in problems {
        eprintln!("{p}");
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        let mut with: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
        with.sort_unstable();
        with.dedup();
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        eprintln!(
            "{} in {} ({} parsed)",
            plural(problems.len(), "problem", "problems"),
            plural(with.len(), "file", "files"),
            valid
        );
        ExitCode::from(1)
    }
}

/// Writes a version file as pretty JSON to `output`, or to standard output.
fn write_version(v: &core::PolicyVersion, output: Option<&Path>) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(v)? + "\n";
    match output {
        Some(o) => {
            std::fs::write(o, json).with_context(|| format!("cannot write {}", o.display()))?
        }
        None => print!("{json}"),
    }
    Ok(())
}

fn schema_json() -> String {
    let schema = schemars::schema_for!(core::PolicyVersion);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

fn collect_json(p: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("cannot list {}", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir()
                || e.extension().is_some_and(|x| x == "json")
                    && e.file_name().is_some_and(|n| n != "index.json")
            {
                collect_json(&e, out)?;
            }
        }
    } else if p.exists() {
        out.push(p.to_path_buf());
    } else {
        bail!("{} does not exist", p.display());
    }
    Ok(())
}
