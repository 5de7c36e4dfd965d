//! Regression tests for crashes and broken invariants found by fuzzing (`fuzz/`, `make
//! fuzz-smoke`). Each test keeps the input that broke, minimised, and is named after what broke.

use policy_lens_core::diff::{apply, text_units, OpKind};
use policy_lens_core::text::{full_text, squash};
use policy_lens_core::{diff, import, import_text, ImportOptions, PolicyVersion};

fn opts(version: &str) -> ImportOptions {
    ImportOptions {
        id: "fuzz".into(),
        version: version.into(),
        language: None,
        source: "fuzz".into(),
        ..Default::default()
    }
}

fn version(text: &str, version: &str) -> PolicyVersion {
    import_text(text, &opts(version))
}

/// The `import` target's invariant: the text comes back apart from whitespace.
fn check_round_trip(input: &str) {
    let v = import(input.as_bytes(), &opts("2025-01-01")).unwrap();
    assert_eq!(squash(&full_text(&v)), squash(input), "{input:?}");
}

/// The `diff` target's input: two texts separated by the first NUL byte.
fn check_apply(input: &str) {
    let (a, b) = input.split_once('\0').unwrap();
    let (old, new) = (version(a, "2025-01-01"), version(b, "2025-02-01"));
    let d = diff(&old, &new).unwrap();
    assert_eq!(
        apply(&old, &d).unwrap(),
        text_units(&new),
        "apply(old, diff)"
    );
    let r = diff(&new, &old).unwrap();
    assert_eq!(
        apply(&new, &r).unwrap(),
        text_units(&old),
        "apply(new, diff)"
    );
}

/// Found by `fuzz/fuzz_targets/diff.rs`: a unit moved *and* changed in whitespace was a move
/// (moves match on the whitespace-free key), and `apply` rebuilt it from the old text, so the
/// new version's whitespace was lost.
#[test]
fn apply_keeps_whitespace_of_a_moved_unit() {
    let input = "Alpha beta gamma delta epsilon.\n\nOne two three four five.\n\0\
                 One two  three four five.\n\nAlpha beta\t\tgamma delta epsilon.\n";
    let (a, b) = input.split_once('\0').unwrap();
    let d = diff(&version(a, "2025-01-01"), &version(b, "2025-02-01")).unwrap();
    assert!(d.ops().iter().any(|op| op.kind() == OpKind::Move));
    check_apply(input);
}

/// The fuzzer's own minimised input for the same bug (imported text, a NUL inside a line).
#[test]
fn apply_keeps_whitespace_of_a_moved_unit_fuzz_input() {
    let vin = "VIN code, reverse signal, ILL light signal, ACC signal, {ws}IGN signal, gear, SN \
               code, PN code, vehicle speed, fault code inforiation, diagnostic information, \
               steering wheel angle signal";
    let input = format!(
        "Infirketing Store\n\nNID, user IPl\n{}\n\nagut analysis.\n\nReal-time acquisition \
         during vehicle operation\n\nPenos\0\0\0\0\0sure\nReal-time acquisition during vehicle \
         operation\n\nPerson sign v\nInssafieoizacizacl\n\n{}\n\nInssafieoizac",
        vin.replace("{ws}", ""),
        vin.replace("{ws}", &"\t".repeat(12)),
    );
    check_apply(&input);
}

/// Found by `fuzz/fuzz_targets/import.rs` (minimised input `|||`): the pipe-table parser
/// stripped every leading and trailing pipe, so a row of empty cells lost its pipes.
#[test]
fn import_keeps_pipes_of_empty_table_cells() {
    check_round_trip("|||");
    check_round_trip("||");
    check_round_trip("| a ||| b |\n|---|---|---|---|\n||||||\n");
}

/// Found while fixing the above: a header separator other than the `|---|---|` the text layer
/// writes back (alignment colons, another cell count) was dropped and written back differently.
#[test]
fn import_keeps_table_separators_it_cannot_write_back() {
    check_round_trip("| a |\n|:-:|\n");
    check_round_trip("| a | b |\n|---|\n");
    check_round_trip("| Partner | Purpose |\n| :--- | ---: |\n| Maps | navigation |\n");
    let v = import(b"| a | b |\n|---|---|\n| c | d |\n", &opts("2025-01-01")).unwrap();
    let tables: Vec<_> = v.sections[0]
        .blocks
        .iter()
        .filter(|b| matches!(b, policy_lens_core::Block::Table { header: true, rows, .. } if rows.len() == 2))
        .collect();
    assert_eq!(
        tables.len(),
        1,
        "a plain separator still marks a header row"
    );
}
