//! Side-by-side comparison listings, as policy-tracking sites show two versions: rows of
//! `N left N right`, split back into the two texts.

/// Splits a side-by-side comparison listing (rows of `N left N right`, as on policy-tracking
/// sites) into the left and right texts. Lines before the first row are ignored.
pub fn split_side_by_side(text: &str) -> Option<(String, String)> {
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut started = false;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || !line[digits..].starts_with(' ') && line.len() != digits {
            if started {
                // A row can only be followed by another row.
                return None;
            }
            continue;
        }
        let n = &line[..digits];
        let expected = left.len() + 1;
        if n.parse::<usize>().ok() != Some(expected) {
            if started {
                return None;
            }
            continue;
        }
        started = true;
        let rest = line[digits..].strip_prefix(' ').unwrap_or("");
        let (l, r) = split_row(rest, n)?;
        left.push(l);
        right.push(r);
    }
    if !started {
        return None;
    }
    Some((left.join("\n") + "\n", right.join("\n") + "\n"))
}

/// Splits `left N right` at the occurrence of ` N ` that best separates the two sides: the
/// one where both sides are equal, else the one nearest the middle.
fn split_row(rest: &str, n: &str) -> Option<(String, String)> {
    if rest == n {
        return Some((String::new(), String::new()));
    }
    if let Some(r) = rest.strip_prefix(&format!("{n} ")) {
        if r.trim().is_empty() || !rest[..0].is_empty() {
            return Some((String::new(), r.to_string()));
        }
    }
    let pat = format!(" {n}");
    let mut candidates = Vec::new();
    let mut from = 0;
    while let Some(i) = rest[from..].find(&pat) {
        let at = from + i;
        let after = &rest[at + pat.len()..];
        if after.is_empty() || after.starts_with(' ') {
            candidates.push((
                rest[..at].to_string(),
                after.strip_prefix(' ').unwrap_or(after).to_string(),
            ));
        }
        from = at + 1;
    }
    if let Some(c) = candidates.iter().find(|(l, r)| l == r) {
        return Some(c.clone());
    }
    let mid = rest.len() / 2;
    candidates
        .into_iter()
        .min_by_key(|(l, _)| l.len().abs_diff(mid))
        .or_else(|| {
            rest.strip_prefix(&format!("{n} "))
                .map(|r| (String::new(), r.to_string()))
        })
}
